import { randomBytes } from 'node:crypto'
import * as actions from './actions'
import { decodeRequestObject, encodeDoc, type Doc } from './codec'
import { checkScalarContract } from './contract'
import { docOf } from './engine'
import { DbError, ErrorCode } from './errors'

interface OpenTx {
  id: string
  /** The commit sequence when it began: a document written by anyone after that is a conflict. */
  startSeq: number
  /** What it will write at commit, by `collection/_id`: the new document, or null for a removal. */
  writes: Map<string, { collection: string; id: string; doc: Doc | null }>
  timer: NodeJS.Timeout
}

const keyOf = (collection: string, id: string) => `${collection}/${id}`

const conflict = (why: string) => new DbError(ErrorCode.TRANSACTION_CONFLICT, `transaction conflict: ${why}`)

/**
 * CloudBase's transactions, as MongoDB runs them: optimistic and side by side. Each one buffers its writes;
 * the first to write a document holds it, and another transaction that writes the same document, or one
 * whose document was written by anyone after it began, fails with DATABASE_TRANSACTION_CONFLICT and is
 * aborted (the SDK's runTransaction then retries it, three times at most). Inside a transaction only
 * single documents by `_id` may be read or written, as CloudBase allows.
 */
export class OptimisticTransactions {
  private readonly open = new Map<string, OpenTx>()
  /** Which open transaction holds each document it wrote. */
  private readonly holders = new Map<string, string>()
  /** When each document was last written (commit sequence), while some transaction could still care. */
  private readonly lastWrite = new Map<string, number>()
  private seq = 0
  private forced = 0
  private readonly conflicted = new Set<string>()

  constructor(
    private readonly ctx: () => actions.Ctx,
    private readonly transactionTimeoutMs: number,
  ) {}

  /** Tests: the next `n` commits fail with a conflict, as a concurrent writer would make them. */
  forceConflicts(n: number): void {
    this.forced += n
  }

  begin(): string {
    const id = randomBytes(16).toString('hex')
    const timer = setTimeout(() => this.abort(id), this.transactionTimeoutMs)
    timer.unref()
    this.open.set(id, { id, startSeq: this.seq, writes: new Map(), timer })
    return id
  }

  /** A write outside any transaction changed this document. */
  touched(collection: string, id: string): void {
    if (this.open.size > 0) this.lastWrite.set(keyOf(collection, id), ++this.seq)
    else this.seq++
  }

  private tx(id: string): OpenTx {
    const tx = this.open.get(id)
    if (tx) return tx
    // A request of a transaction a conflict already aborted (e.g. issued alongside the one that conflicted).
    if (this.conflicted.has(id)) throw conflict(`transaction ${id} was aborted by a conflict`)
    throw new DbError(ErrorCode.TRANSACTION_FAIL, `transaction ${id} is not open`)
  }

  /** Aborts a transaction that lost a conflict, remembering it so its other requests get the same answer. */
  private lose(tx: OpenTx, why: string): DbError {
    this.conflicted.add(tx.id)
    if (this.conflicted.size > 1000) this.conflicted.delete(this.conflicted.values().next().value as string)
    this.abort(tx.id)
    return conflict(why)
  }

  /** The one document a transactional request names: `{_id}` and nothing else, as CloudBase requires. */
  private target(p: actions.Params): { collection: string; id: string } {
    const collection = actions.collectionOf(p)
    const filter = actions.filterOfParams(p, Date.now())
    const keys = Object.keys(filter)
    if (p.queryType !== 'DOC' || keys.length !== 1 || keys[0] !== '_id' || typeof filter._id !== 'string')
      throw new DbError(
        ErrorCode.INVALID_PARAM,
        'only single documents by _id (doc(id)) may be read or written inside a transaction',
      )
    return { collection, id: filter._id }
  }

  private current(tx: OpenTx, collection: string, id: string): Doc | null {
    const pending = tx.writes.get(keyOf(collection, id))
    if (pending) return pending.doc === null ? null : structuredClone(pending.doc)
    const [hit] = this.ctx().engine.find(collection, { filter: { _id: id }, limit: 1 })
    return hit ? docOf(hit) : null
  }

  /** Takes the document for this transaction, or fails and aborts it as MongoDB does on a write conflict. */
  private claim(tx: OpenTx, collection: string, id: string): void {
    const key = keyOf(collection, id)
    const holder = this.holders.get(key)
    if ((holder !== undefined && holder !== tx.id) || (this.lastWrite.get(key) ?? -1) > tx.startSeq)
      throw this.lose(tx, `${key} was written by another request`)
    this.holders.set(key, tx.id)
  }

  private stage(tx: OpenTx, collection: string, id: string, doc: Doc | null): void {
    if (doc) checkScalarContract(collection, doc, this.ctx().engine.fieldsOf(collection))
    this.claim(tx, collection, id)
    tx.writes.set(keyOf(collection, id), { collection, id, doc })
  }

  handle(txId: string, api: string, p: actions.Params): object {
    const tx = this.tx(txId)
    const now = Date.now()
    if (api === 'database.insertDocument') {
      const collection = actions.collectionOf(p)
      if (!Array.isArray(p.data)) throw new DbError(ErrorCode.INVALID_PARAM, 'data must be an array')
      const ids = p.data.map((text) => {
        const doc = decodeRequestObject(text, 'document', now)
        const id = doc._id === undefined ? actions.newId() : doc._id
        if (typeof id !== 'string' || id === '')
          throw new DbError(ErrorCode.INVALID_PARAM, 'localcloud: _id must be a non-empty string')
        if (this.current(tx, collection, id)) {
          // Created by another request after this transaction began: a write conflict, as MongoDB reports it.
          if ((this.lastWrite.get(keyOf(collection, id)) ?? -1) > tx.startSeq)
            throw this.lose(tx, `${collection}/${id} was created by another request`)
          throw new DbError(ErrorCode.REQUEST_FAILED, `duplicate key: ${collection} already has _id ${id}`)
        }
        this.stage(tx, collection, id, { _id: id, ...doc })
        return id
      })
      return { data: { insertedIds: ids } }
    }
    const { collection, id } = this.target(p)
    const doc = this.current(tx, collection, id)
    switch (api) {
      case 'database.getDocument': {
        const projection = p.projection ? decodeRequestObject(p.projection, 'projection', now) : {}
        const list = !doc
          ? []
          : Object.keys(projection).length > 0
            ? actions.project([doc], projection)
            : [doc]
        return { data: { list: list.map(encodeDoc), limit: 1, offset: 0 } }
      }
      case 'database.modifyDocument': {
        const data = decodeRequestObject(p.data, 'data', now)
        if (p.merge !== false) {
          if (!doc) return { data: { updated: 0, matched: 0 } }
          const changed = actions.applyUpdate(doc, data)
          if (changed) this.stage(tx, collection, id, doc)
          return { data: { updated: changed ? 1 : 0, matched: 1 } }
        }
        this.stage(tx, collection, id, actions.replacement(data, id))
        return doc
          ? { data: { updated: 1, matched: 1 } }
          : { data: { updated: 0, matched: 0, upsert_id: id } }
      }
      case 'database.removeDocument':
        if (doc) this.stage(tx, collection, id, null)
        return { data: { deleted: doc ? 1 : 0 } }
      default:
        throw new DbError(ErrorCode.INVALID_PARAM, `${api} is not allowed inside a transaction`)
    }
  }

  commit(txId: string): void {
    const tx = this.open.get(txId)
    // An aborted transaction (a conflict, or its time ran out) tells runTransaction to start again.
    if (!tx) throw conflict(`transaction ${txId} was aborted`)
    if (this.forced > 0) {
      this.forced--
      throw this.lose(tx, 'forced by the test')
    }
    for (const key of tx.writes.keys()) {
      if ((this.lastWrite.get(key) ?? -1) > tx.startSeq)
        throw this.lose(tx, `${key} was written by another request`)
    }
    const ctx = this.ctx()
    ctx.store.atomic(() => {
      for (const { collection, id, doc } of tx.writes.values()) {
        if (doc === null) ctx.store.remove(collection, id)
        else if (ctx.engine.find(collection, { filter: { _id: id }, limit: 1 }).length > 0)
          ctx.store.replace(collection, id, encodeDoc(doc))
        else ctx.store.insert(collection, id, encodeDoc(doc))
      }
    })
    this.finish(tx)
    for (const key of tx.writes.keys()) this.lastWrite.set(key, ++this.seq)
    this.prune()
  }

  /** Idempotent, like CloudBase's abort. */
  abort(txId: string): void {
    const tx = this.open.get(txId)
    if (tx) this.finish(tx)
    this.prune()
  }

  private finish(tx: OpenTx): void {
    clearTimeout(tx.timer)
    this.open.delete(tx.id)
    for (const key of tx.writes.keys()) if (this.holders.get(key) === tx.id) this.holders.delete(key)
  }

  /** Write times older than every open transaction can no longer make a conflict. */
  private prune(): void {
    if (this.open.size === 0) this.lastWrite.clear()
  }

  get anyOpen(): boolean {
    return this.open.size > 0
  }

  shutdown(): void {
    for (const tx of [...this.open.values()]) this.finish(tx)
  }
}
