import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DbError, ErrorCode } from './errors'
import { indexDdl, quoteIdent, type SqlValue } from './sql'

/** One stored document as read from SQLite: the text is kept so unchanged documents go out without re-encoding. */
export interface Row {
  rowid: number
  id: string
  text: string
}

export interface Select {
  where: string
  params: SqlValue[]
  /** ORDER BY body; rowid gives insertion order, which is what WeChat returns without orderBy. */
  order: string
  limit?: number
  offset?: number
}

const COLLECTION = /^[A-Za-z0-9_-]{1,128}$/

/** Every table's rows with their rowids (insertion order is what WeChat returns without orderBy). */
export type DatabaseSnapshot = ReadonlyMap<string, readonly { rowid: number; id: string; text: string }[]>

/** SQLite through better-sqlite3: one connection, one table per collection, created on first use. */
export class Store {
  readonly sql: BetterSqlite3.Database
  private readonly ready = new Set<string>()
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(
    file: string,
    private readonly indexes: Readonly<Record<string, string[][]>>,
  ) {
    if (file !== ':memory:' && !file.startsWith('file:')) mkdirSync(dirname(file), { recursive: true })
    this.sql = new BetterSqlite3(file)
    this.sql.pragma('journal_mode = WAL')
    this.sql.pragma('synchronous = NORMAL')
  }

  /** Creates the collection's table and declared indexes once per process. */
  table(collection: string): string {
    if (!COLLECTION.test(collection) || collection.toLowerCase().startsWith('sqlite_')) {
      throw new DbError(ErrorCode.INVALID_PARAM, `invalid collection name "${collection}"`)
    }
    const table = quoteIdent(collection)
    if (!this.ready.has(collection)) {
      this.sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      for (const fields of this.indexes[collection] ?? []) this.sql.exec(indexDdl(collection, fields))
      this.ready.add(collection)
    }
    return table
  }

  private prepare(text: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(text)
    if (!stmt) {
      // $in lists of many lengths produce many texts; a crude cap keeps memory bounded.
      if (this.statements.size >= 500) this.statements.clear()
      stmt = this.sql.prepare(text)
      this.statements.set(text, stmt)
    }
    return stmt
  }

  selectSql(collection: string, q: Select, columns = 'rowid AS rowid, _id AS id, doc AS text'): string {
    const where = q.where ? ` WHERE ${q.where}` : ''
    const page = q.limit !== undefined || q.offset ? ' LIMIT ? OFFSET ?' : ''
    return `SELECT ${columns} FROM ${this.table(collection)}${where} ORDER BY ${q.order}${page}`
  }

  /** Paging values are bound, not inlined, so the statement cache stays small. */
  private bind(q: Select): SqlValue[] {
    return q.limit !== undefined || q.offset ? [...q.params, q.limit ?? -1, q.offset ?? 0] : q.params
  }

  select(collection: string, q: Select): Row[] {
    return this.prepare(this.selectSql(collection, q)).all(...this.bind(q)) as Row[]
  }

  /** Streams rows so a caller that needs only the first matches can stop early. */
  iterate(collection: string, q: Select): IterableIterator<Row> {
    return this.prepare(this.selectSql(collection, q)).iterate(...this.bind(q)) as IterableIterator<Row>
  }

  count(collection: string, where: string, params: SqlValue[]): number {
    const sql = `SELECT COUNT(*) AS n FROM ${this.table(collection)}${where ? ` WHERE ${where}` : ''}`
    return (this.prepare(sql).get(...params) as { n: number }).n
  }

  explain(collection: string, q: Select): string {
    const rows = this.sql.prepare(`EXPLAIN QUERY PLAN ${this.selectSql(collection, q)}`).all(...this.bind(q))
    return (rows as { detail: string }[]).map((r) => r.detail).join('\n')
  }

  insert(collection: string, id: string, text: string): void {
    try {
      this.prepare(`INSERT INTO ${this.table(collection)} (_id, doc) VALUES (?, ?)`).run(id, text)
    } catch (err) {
      // Duck-typed: better-sqlite3's errors may come from another realm (jest workers), failing instanceof.
      if ((err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new DbError(
          ErrorCode.REQUEST_FAILED,
          `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
        )
      }
      throw err
    }
  }

  replace(collection: string, id: string, text: string): void {
    this.prepare(`UPDATE ${this.table(collection)} SET doc = ? WHERE _id = ?`).run(text, id)
  }

  remove(collection: string, id: string): number {
    return this.prepare(`DELETE FROM ${this.table(collection)} WHERE _id = ?`).run(id).changes
  }

  /** Runs fn atomically: its own transaction, or a savepoint inside an open BEGIN IMMEDIATE. */
  atomic<T>(fn: () => T): T {
    return this.sql.transaction(fn)()
  }

  changes(): number {
    return (this.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  }

  private tables(): string[] {
    const rows = this.sql
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
    return rows.map((r) => r.name)
  }

  dump(): DatabaseSnapshot {
    const out = new Map<string, { rowid: number; id: string; text: string }[]>()
    for (const name of this.tables()) {
      const rows = this.sql
        .prepare(`SELECT rowid AS rowid, _id AS id, doc AS text FROM ${quoteIdent(name)} ORDER BY rowid`)
        .all() as { rowid: number; id: string; text: string }[]
      out.set(name, rows)
    }
    return out
  }

  load(snapshot: DatabaseSnapshot): void {
    this.atomic(() => {
      for (const name of this.tables()) {
        const table = quoteIdent(name)
        this.sql.prepare(`DELETE FROM ${table}`).run()
        const insert = this.sql.prepare(`INSERT INTO ${table} (rowid, _id, doc) VALUES (?, ?, ?)`)
        for (const r of snapshot.get(name) ?? []) insert.run(r.rowid, r.id, r.text)
      }
    })
  }

  close(): void {
    this.statements.clear()
    if (this.sql.open) this.sql.close()
  }
}
