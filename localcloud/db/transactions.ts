import { randomBytes } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { DbError, ErrorCode } from './errors'

/** FIFO async lock. Timers are unref'd so a waiter never keeps the process (or jest) alive. */
class Mutex {
  private held = false
  private readonly waiters: { grant: () => void }[] = []

  get locked(): boolean {
    return this.held
  }

  tryAcquire(): boolean {
    if (this.held) return false
    this.held = true
    return true
  }

  acquire(timeoutMs: number, onTimeout: () => Error): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        reject(onTimeout())
      }, timeoutMs)
      timer.unref()
      this.waiters.push(waiter)
    })
  }

  /** Hands the lock straight to the next waiter, so nobody can barge in between. */
  release(): void {
    const next = this.waiters.shift()
    if (next) next.grant()
    else this.held = false
  }
}

export interface TransactionOptions {
  /** How long a write or a new transaction waits for an open transaction before failing. */
  lockWaitMs: number
  /** An open transaction is rolled back after this long (a function that never commits must not wedge the DB). */
  transactionTimeoutMs: number
}

/**
 * WeChat transactions on one SQLite connection: `BEGIN IMMEDIATE` under an async mutex, held across the
 * awaits of runTransaction's callback; calls carrying the transactionId run inside it. Writes without a
 * transactionId wait for the mutex (they must not join someone else's transaction); reads do not wait and
 * therefore see the open transaction's uncommitted writes (one connection has one view).
 */
export class Transactions {
  private readonly mutex = new Mutex()
  private active: { id: string; timer: NodeJS.Timeout } | undefined
  private readonly expired: string[] = []

  constructor(
    private readonly sql: BetterSqlite3.Database,
    private readonly opts: TransactionOptions,
  ) {}

  get open(): boolean {
    return this.active !== undefined
  }

  async begin(): Promise<string> {
    await this.mutex.acquire(
      this.opts.lockWaitMs,
      () =>
        new DbError(
          ErrorCode.TRANSACTION_CONFLICT,
          `another transaction held the database for ${this.opts.lockWaitMs} ms`,
        ),
    )
    try {
      this.sql.exec('BEGIN IMMEDIATE')
    } catch (err) {
      this.mutex.release()
      throw err
    }
    const id = randomBytes(16).toString('hex')
    const timer = setTimeout(() => this.expire(id), this.opts.transactionTimeoutMs)
    timer.unref()
    this.active = { id, timer }
    return id
  }

  /** Throws unless `id` is the open transaction. */
  check(id: string): void {
    if (this.active?.id === id) return
    const why = this.expired.includes(id) ? 'timed out and was rolled back' : 'is not open'
    throw new DbError(ErrorCode.TRANSACTION_FAIL, `transaction ${id} ${why}`)
  }

  commit(id: string): void {
    if (this.active?.id !== id && this.expired.includes(id)) {
      // Lets runTransaction retry, as WeChat does for a transaction the server aborted.
      throw new DbError(ErrorCode.TRANSACTION_CONFLICT, `transaction ${id} timed out and was rolled back`)
    }
    this.check(id)
    try {
      this.sql.exec('COMMIT')
    } catch (err) {
      if (this.sql.inTransaction) this.sql.exec('ROLLBACK')
      throw err
    } finally {
      this.finish()
    }
  }

  /** Idempotent: aborting a finished or unknown transaction is not an error. */
  abort(id: string): void {
    if (this.active?.id !== id) return
    try {
      if (this.sql.inTransaction) this.sql.exec('ROLLBACK')
    } finally {
      this.finish()
    }
  }

  private expire(id: string): void {
    if (this.active?.id !== id) return
    this.expired.push(id)
    if (this.expired.length > 100) this.expired.shift()
    this.abort(id)
  }

  private finish(): void {
    if (this.active) clearTimeout(this.active.timer)
    this.active = undefined
    this.mutex.release()
  }

  /** Runs a write outside any transaction, once no transaction is open (immediately if none is). */
  async exclusive<T>(fn: () => T): Promise<T> {
    if (!this.mutex.tryAcquire()) {
      await this.mutex.acquire(
        this.opts.lockWaitMs,
        () =>
          new DbError(
            ErrorCode.REQUEST_FAILED,
            `write waited ${this.opts.lockWaitMs} ms for an open transaction; inside runTransaction, ` +
              'write through the transaction object (and only by doc id)',
          ),
      )
    }
    try {
      return fn()
    } finally {
      this.mutex.release()
    }
  }

  /** For close(): roll back whatever is open and drop its timer. */
  shutdown(): void {
    if (this.active) this.abort(this.active.id)
  }
}
