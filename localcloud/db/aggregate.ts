import { Aggregator } from 'mingo'
import { collectionOf, toSortSpec, type Ctx, type Params } from './actions'
import { decodeRequestValue, encodeDoc, isPlainObject, type Doc } from './codec'
import { docOf, type FindSpec } from './engine'
import { DbError, ErrorCode } from './errors'

/**
 * database.aggregateDocuments. The SDK sends `stages: [{stageKey: '$match', stageValue: <EJSON text>}]`
 * (JSON text for non-object values such as `$limit`) and reads `data.list` as EJSON strings.
 * mingo runs the pipeline; a leading $match/$sort/$skip/$limit goes through the engine for SQL pushdown.
 */

export const AGGREGATE_DEFAULT_LIMIT = 20

function stagesOf(p: Params, now: number): Doc[] {
  if (!Array.isArray(p.stages)) throw new DbError(ErrorCode.INVALID_PARAM, 'stages must be an array')
  return p.stages.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw new DbError(ErrorCode.INVALID_PARAM, 'each stage needs stageKey and stageValue')
    }
    return { [stage.stageKey]: decodeRequestValue(stage.stageValue, now) }
  })
}

/** Moves a leading $match [$sort] [$skip] [$limit] into the engine so they can use SQL. */
function absorbHead(pipeline: Doc[]): { spec: FindSpec; rest: Doc[] } {
  const spec: FindSpec = { filter: {} }
  let i = 0
  const at = (key: string): unknown => (pipeline[i] && key in pipeline[i] ? pipeline[i][key] : undefined)
  const match = at('$match')
  if (isPlainObject(match)) {
    spec.filter = match
    i++
  }
  const sort = at('$sort')
  if (isPlainObject(sort)) {
    spec.sort = toSortSpec(sort)
    i++
  }
  const skip = at('$skip')
  if (typeof skip === 'number' && skip >= 0) {
    spec.skip = skip
    i++
  }
  const limit = at('$limit')
  if (typeof limit === 'number' && limit > 0) {
    spec.limit = limit
    i++
  }
  return { spec, rest: pipeline.slice(i) }
}

export function aggregateDocuments(ctx: Ctx, p: Params): unknown {
  const collection = collectionOf(p)
  const pipeline = stagesOf(p, ctx.now)
  // WeChat returns 20 results from an aggregate that has no $limit.
  if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  const { spec, rest } = absorbHead(pipeline)
  const docs = ctx.engine.find(collection, spec).map(docOf)
  const collectionResolver = (name: string): Doc[] => ctx.engine.find(name, { filter: {} }).map(docOf)
  const out = rest.length > 0 ? new Aggregator(rest, { collectionResolver }).run(docs) : docs
  return { data: { list: out.map(encodeDoc) } }
}
