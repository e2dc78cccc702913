import type { DB } from 'wx-server-sdk'
import { chinaYear } from '../../../domain/dates'
import { isCommittee } from '../../../domain/roles'
import { byWeight, endorseRefusal, mergeInto, mergeRefusal } from '../../../domain/survey'
import type { Person, SurveyProblem, SurveyRound } from '../../../types/entities'
import type { SurveyProblemView } from '../../../types/api'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, db } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { newId } from '../../_shared/ids'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'

/** The most problems one round lists (CloudBase answers at most 1,000 documents a query). */
const MAX_PROBLEMS = 500

export const surveyRoundId = (year: number): string => `survey-${year}`

const getRound = async (year: number): Promise<SurveyRound | null> => {
  const res = (await db
    .collection(COLLECTIONS.surveyRounds)
    .doc(surveyRoundId(year))
    .get()) as DB.IQuerySingleResult
  return (res.data as SurveyRound | null) ?? null
}

const listProblems = async (year: number): Promise<SurveyProblem[]> => {
  const res = (await db
    .collection(COLLECTIONS.surveyProblems)
    .where({ year, mergedInto: null })
    .limit(MAX_PROBLEMS)
    .get()) as DB.IQueryResult
  return res.data as SurveyProblem[]
}

const viewOf = (p: SurveyProblem, caller: Person): SurveyProblemView => ({
  id: p._id,
  text: p.text,
  field: p.field,
  branchName: p.branchName,
  authorName: p.authorName,
  count: p.endorsers.length,
  endorsedByMe: p.endorsers.includes(caller._id),
  mine: p.authorId === caller._id,
  key: p.key,
  merged: p.merged,
  createdAt: new Date(p.createdAt).toISOString(),
})

/** 大调研: the year's round and its problems, key first, then by +1s. */
export const survey: Handler<'projects', 'survey'> = async ({ year: asked }, { caller }) => {
  const year = asked ?? chinaYear(now())
  const [round, problems] = await Promise.all([getRound(year), listProblems(year)])
  return ok({
    year,
    round: round && {
      open: round.open,
      openedAt: new Date(round.openedAt).toISOString(),
      closedAt: round.closedAt ? new Date(round.closedAt).toISOString() : null,
    },
    problems: [...problems].sort(byWeight).map((p) => viewOf(p, caller)),
    canCurate: isCommittee(caller),
    canSubmit: Boolean(round?.open) && caller.branchId !== null,
  })
}

/** The committee opens the year's round, or closes it (problems stay; nobody submits or +1s any more). */
export const setSurvey: Handler<'projects', 'setSurvey'> = ({ year, open }, { caller }) =>
  runInTransaction(async (t) => {
    const id = surveyRoundId(year)
    const before = await txGet<SurveyRound>(t, COLLECTIONS.surveyRounds, id)
    if (before && before.open === open) return ok({ year, open })
    if (!before && !open) return fail('CONFLICT', `${year} 年度调研尚未开启`)
    const at = new Date()
    const doc: Omit<SurveyRound, '_id'> = {
      year,
      open,
      openedBy: before?.openedBy ?? caller._id,
      openedAt: before && !open ? before.openedAt : at,
      closedAt: open ? null : at,
    }
    await t.collection(COLLECTIONS.surveyRounds).doc(id).set({ data: doc })
    return ok({ year, open })
  })

/** A member or secretary submits a problem of their own branch while the round is open. */
export const submitProblem: Handler<'projects', 'submitProblem'> = async (
  { year, text, field },
  { caller },
) => {
  if (!caller.branchId) return fail('FORBIDDEN', '只有支部的党员可以提交调研问题')
  const [round, branches] = await Promise.all([getRound(year), getOrgUnitsByIds([caller.branchId])])
  if (!round) return fail('CONFLICT', `${year} 年度调研尚未开启`)
  if (!round.open) return fail('CONFLICT', `${year} 年度调研已结束，不能再提交问题`)
  const problem: SurveyProblem = {
    _id: newId('sp'),
    year,
    text,
    field,
    branchId: caller.branchId,
    branchName: branches.get(caller.branchId)?.name ?? '',
    authorId: caller._id,
    authorName: caller.name,
    endorsers: [],
    key: false,
    mergedInto: null,
    merged: [],
    createdAt: new Date(),
  }
  await db.collection(COLLECTIONS.surveyProblems).add({ data: problem })
  return ok({ id: problem._id })
}

/** +1: once per person (a second +1 changes nothing), never on one's own problem, while the round is open. */
export const endorseProblem: Handler<'projects', 'endorseProblem'> = ({ id }, { caller }) =>
  runInTransaction(async (t) => {
    const problem = await txGet<SurveyProblem>(t, COLLECTIONS.surveyProblems, id)
    if (!problem) return fail('NOT_FOUND', '没有找到这个调研问题')
    const round = await txGet<SurveyRound>(t, COLLECTIONS.surveyRounds, surveyRoundId(problem.year))
    if (!round?.open) return fail('CONFLICT', `${problem.year} 年度调研已结束，不能再 +1`)
    const refusal = endorseRefusal(problem, caller._id)
    if (refusal) return fail('CONFLICT', refusal)
    if (problem.endorsers.includes(caller._id)) return ok({ id, count: problem.endorsers.length })
    const endorsers = [...problem.endorsers, caller._id]
    await t.collection(COLLECTIONS.surveyProblems).doc(id).update({ data: { endorsers } })
    return ok({ id, count: endorsers.length })
  })

/** The committee marks a key problem (重点问题), or merges a duplicate into another, +1s and all. */
export const curateProblem: Handler<'projects', 'curateProblem'> = ({ id, key, mergeInto: target }) =>
  runInTransaction(async (t) => {
    const [problem, into] = await Promise.all([
      txGet<SurveyProblem>(t, COLLECTIONS.surveyProblems, id),
      target ? txGet<SurveyProblem>(t, COLLECTIONS.surveyProblems, target) : Promise.resolve(null),
    ])
    if (!problem) return fail('NOT_FOUND', '没有找到这个调研问题')
    if (key !== undefined) {
      if (problem.mergedInto) return fail('CONFLICT', '这个问题已合并到另一条，请标记那一条')
      if (problem.key !== key)
        await t.collection(COLLECTIONS.surveyProblems).doc(id).update({ data: { key } })
      return ok({ id, key, mergedInto: null })
    }
    if (!into)
      return fail('NOT_FOUND', '没有找到要合并到的问题', [{ path: 'mergeInto', message: '没有这个问题' }])
    const refusal = mergeRefusal(problem, into)
    if (refusal) return fail('CONFLICT', refusal)
    const gained = mergeInto(into, problem)
    await Promise.all([
      t
        .collection(COLLECTIONS.surveyProblems)
        .doc(id)
        .update({ data: { mergedInto: into._id, key: false } }),
      t
        .collection(COLLECTIONS.surveyProblems)
        .doc(into._id)
        .update({ data: { ...gained, key: into.key || problem.key } }),
    ])
    return ok({ id, key: false, mergedInto: into._id })
  })
