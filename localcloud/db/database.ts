import * as actions from './actions'
import { aggregateDocuments } from './aggregate'
import { normalizeInput, type Doc } from './codec'
import { docOf, Engine } from './engine'
import { DbError, ErrorCode, errorMessage } from './errors'
import { INDEXES } from './indexes'
import { checkLimits } from './limits'
import { recordQuery } from './query-log'
import { Store } from './store'
import type { DatabaseSnapshot } from './store'
import { OptimisticTransactions } from './optimistic'
import { Transactions } from './transactions'

export interface LocalDatabaseOptions {
  /** SQLite file, or ':memory:'. The parent folder is created. */
  file: string
  /** Expression indexes per collection; defaults to INDEXES. */
  indexes?: Record<string, string[][]>
  /** Push filters/sorts into SQL (default true). false = scan + mingo only, the reference semantics. */
  pushdown?: boolean
  /** How long a write waits for an open transaction (default 3000 ms, WeChat's default function timeout). */
  lockWaitMs?: number
  /** An open transaction is rolled back after this long (default 10000 ms). */
  transactionTimeoutMs?: number
  /** Transactions run side by side and conflict as CloudBase's do (the `cloud` profile), not one by one. */
  optimistic?: boolean
  /** CloudBase's size and shape limits (the `cloud` profile). */
  limits?: boolean
}

type Action = (ctx: actions.Ctx, p: actions.Params) => unknown

const READS: Record<string, Action> = {
  'database.getDocument': actions.getDocument,
  'database.calculateDocument': actions.calculateDocument,
  'database.aggregateDocuments': aggregateDocuments,
}

const WRITES: Record<string, Action> = {
  'database.insertDocument': actions.insertDocument,
  'database.modifyDocument': actions.modifyDocument,
  'database.modifyAndReturnDoc': actions.modifyAndReturnDoc,
  'database.removeDocument': actions.removeDocument,
  'database.addCollection': actions.addCollection,
}

/** The WeChat cloud database, answered locally from SQLite. */
export class LocalDatabase {
  private readonly store: Store
  private readonly engine: Engine
  private readonly tx: Transactions
  private readonly optimistic: OptimisticTransactions | null
  private readonly limits: boolean
  private requests = 0

  constructor(opts: LocalDatabaseOptions) {
    const indexes = opts.indexes ?? INDEXES
    this.store = new Store(opts.file, indexes)
    this.engine = new Engine(this.store, indexes, opts.pushdown ?? true)
    this.tx = new Transactions(this.store.sql, {
      lockWaitMs: opts.lockWaitMs ?? 3000,
      transactionTimeoutMs: opts.transactionTimeoutMs ?? 10000,
    })
    this.optimistic = opts.optimistic
      ? new OptimisticTransactions(() => this.ctx(), opts.transactionTimeoutMs ?? 10000)
      : null
    this.limits = opts.limits ?? false
  }

  private ctx(): actions.Ctx {
    const optimistic = this.optimistic
    return {
      store: this.store,
      engine: this.engine,
      now: Date.now(),
      touched: optimistic ? (collection, id) => optimistic.touched(collection, id) : undefined,
    }
  }

  /** Tests: the next `n` transaction commits fail with a conflict (optimistic transactions only). */
  forceConflicts(n: number): void {
    if (!this.optimistic) throw new Error('localcloud/db: forceConflicts needs optimistic transactions')
    this.optimistic.forceConflicts(n)
  }

  private get anyTransactionOpen(): boolean {
    return this.tx.open || (this.optimistic?.anyOpen ?? false)
  }

  /** What the tcb API would answer: the reply object, or `{code, message}` for errors (never throws). */
  async handle(api: string, data: Record<string, unknown>): Promise<unknown> {
    const requestId = `local-${++this.requests}`
    recordQuery(api, data ?? {})
    try {
      return { requestId, ...(await this.dispatch(api, data ?? {})) }
    } catch (err) {
      const code = err instanceof DbError ? err.code : ErrorCode.REQUEST_FAILED
      return { requestId, code, message: errorMessage(err) }
    }
  }

  private async dispatch(api: string, p: actions.Params): Promise<object> {
    const txId = typeof p.transactionId === 'string' && p.transactionId !== '' ? p.transactionId : undefined
    if (this.limits) checkLimits(api, p)
    const optimistic = this.optimistic
    if (optimistic) {
      switch (api) {
        case 'database.startTransaction':
          return { transactionId: optimistic.begin() }
        case 'database.commitTransaction':
          optimistic.commit(txId ?? '')
          return {}
        case 'database.abortTransaction':
          optimistic.abort(txId ?? '')
          return {}
      }
      if (txId !== undefined) return optimistic.handle(txId, api, p)
    }
    switch (api) {
      case 'database.startTransaction':
        return { transactionId: await this.tx.begin() }
      case 'database.commitTransaction':
        this.tx.commit(txId ?? '')
        return {}
      case 'database.abortTransaction':
        this.tx.abort(txId ?? '')
        return {}
    }
    const action: Action | undefined = READS[api] ?? WRITES[api]
    if (!action) throw new DbError(ErrorCode.REQUEST_FAILED, `localcloud: unsupported database action ${api}`)
    const run = (): object => Object(action(this.ctx(), p))
    if (txId !== undefined) {
      this.tx.check(txId)
      return run()
    }
    return api in WRITES && !optimistic ? this.tx.exclusive(run) : run()
  }

  /** Direct seeding (Dates allowed). Synchronous, so it refuses to run into an open transaction. */
  insertMany(collection: string, docs: Record<string, unknown>[]): void {
    if (this.anyTransactionOpen) throw new Error('localcloud/db: insertMany while a transaction is open')
    const ctx = this.ctx()
    actions.insertDocs(
      ctx,
      collection,
      docs.map((d) => normalizeInput(d, ctx.now)),
    )
  }

  find(
    collection: string,
    filter: Record<string, unknown> = {},
    opts: { sort?: Record<string, 1 | -1>; limit?: number; skip?: number } = {},
  ): Record<string, unknown>[] {
    const spec = { filter: normalizeInput(filter, Date.now()), sort: actions.toSortSpec(opts.sort ?? {}) }
    return this.engine.find(collection, { ...spec, limit: opts.limit, skip: opts.skip }).map(docOf)
  }

  count(collection: string, filter: Record<string, unknown> = {}): number {
    return this.engine.count(collection, normalizeInput(filter, Date.now()))
  }

  /** SQLite's EXPLAIN QUERY PLAN for the first statement find() would run for this filter. */
  explain(
    collection: string,
    filter: Record<string, unknown>,
    opts: { sort?: Record<string, 1 | -1>; limit?: number } = {},
  ): string {
    const spec = { filter: normalizeInput(filter, Date.now()), sort: actions.toSortSpec(opts.sort ?? {}) }
    return this.engine.explain(collection, { ...spec, limit: opts.limit })
  }

  /** Rows written through this connection since it opened (SQLite's total_changes()): "did anything change?". */
  changes(): number {
    return this.store.changes()
  }

  /** Every stored document, for restore(): tests put the database back between cases with it. */
  snapshot(): DatabaseSnapshot {
    if (this.anyTransactionOpen) throw new Error('localcloud/db: snapshot while a transaction is open')
    return this.store.dump()
  }

  /** Puts every collection back as it was at `snapshot` (collections made since are emptied). */
  restore(snapshot: DatabaseSnapshot): void {
    if (this.anyTransactionOpen) throw new Error('localcloud/db: restore while a transaction is open')
    this.store.load(snapshot)
  }

  close(): void {
    this.optimistic?.shutdown()
    this.tx.shutdown()
    this.store.close()
  }
}

export type { Doc }
export type { DatabaseSnapshot }
