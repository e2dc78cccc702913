import type { DB } from 'wx-server-sdk'
import { countOf, sleep, setupLocalDatabase, type Doc, type Harness } from './harness'

/** What runTransaction hands the callback (wx-server-sdk's Transaction wrapper). */
interface Tx {
  collection(name: string): DB.CollectionReference
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

function readDoc(h: Harness, id: string): Doc | undefined {
  return h.local.find('accounts', { _id: id })[0]
}

function seed(h: Harness): void {
  h.local.insertMany('accounts', [
    { _id: 'a', balance: 100, version: 1 },
    { _id: 'b', balance: 0, version: 1 },
  ])
}

describe('runTransaction', () => {
  const h = setupLocalDatabase()
  beforeEach(() => seed(h))

  test('commits every write on success and returns the callback value', async () => {
    const result: unknown = await h.db.runTransaction(async (t: Tx) => {
      const a = ((await t.collection('accounts').doc('a').get()) as DB.IQuerySingleResult).data
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: a.balance - 30, version: h._.inc(1) } })
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: h._.inc(30) } })
      await t.collection('accounts').add({ data: { _id: 'log1', amount: 30 } })
      return 'moved'
    })
    expect(result).toBe('moved')
    expect(readDoc(h, 'a')).toEqual({ _id: 'a', balance: 70, version: 2 })
    expect(readDoc(h, 'b')).toEqual({ _id: 'b', balance: 30, version: 1 })
    expect(readDoc(h, 'log1')).toEqual({ _id: 'log1', amount: 30 })
  })

  test('a throw inside rolls everything back and rethrows the same error', async () => {
    const boom = new Error('boom')
    await expect(
      h.db.runTransaction(async (t: Tx) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 0 } })
        await t.collection('accounts').add({ data: { _id: 'log2' } })
        await t
          .collection('accounts')
          .doc('b')
          .set({ data: { balance: 999 } })
        throw boom
      }),
    ).rejects.toBe(boom)
    expect(readDoc(h, 'a')).toEqual({ _id: 'a', balance: 100, version: 1 })
    expect(readDoc(h, 'b')).toEqual({ _id: 'b', balance: 0, version: 1 })
    expect(readDoc(h, 'log2')).toBeUndefined()
  })

  test('transaction.rollback(reason) aborts and runTransaction rejects with the reason', async () => {
    await expect(
      h.db.runTransaction(async (t: Tx) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 1 } })
        await t.rollback({ code: 'INSUFFICIENT' })
      }),
    ).rejects.toEqual({ code: 'INSUFFICIENT' })
    expect(readDoc(h, 'a')?.balance).toBe(100)
  })

  test('reading a missing document inside fails the transaction and rolls back', async () => {
    await expect(
      h.db.runTransaction(async (t: Tx) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 5 } })
        await t.collection('accounts').doc('ghost').get()
      }),
    ).rejects.toThrow('document with _id ghost does not exist')
    expect(readDoc(h, 'a')?.balance).toBe(100)
  })

  test('concurrent transactions are serialised: no lost updates', async () => {
    const increment = (): Promise<unknown> =>
      h.db.runTransaction(async (t: Tx) => {
        const a = ((await t.collection('accounts').doc('a').get()) as DB.IQuerySingleResult).data
        await sleep(1)
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: a.balance + 1 } })
      })
    await Promise.all(Array.from({ length: 10 }, increment))
    expect(readDoc(h, 'a')?.balance).toBe(110)
  })
})

describe('startTransaction (manual)', () => {
  const h = setupLocalDatabase()
  beforeEach(() => seed(h))

  test('commit makes writes visible; rollback discards them', async () => {
    const t = (await h.db.startTransaction()) as Tx
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } })
    await t.commit()
    expect(readDoc(h, 'a')?.balance).toBe(1)

    const u = (await h.db.startTransaction()) as Tx
    await u
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 2 } })
    await u.collection('accounts').add({ data: { _id: 'tmp' } })
    await u.rollback()
    expect(readDoc(h, 'a')?.balance).toBe(1)
    expect(await countOf(h.db.collection('accounts'))).toBe(2)
  })

  test('a write outside the transaction waits for the commit, then applies on top', async () => {
    const t = (await h.db.startTransaction()) as Tx
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: h._.inc(10) } })
    let outsideDone = false
    const update = h.db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: h._.inc(1) } }) as Promise<DB.IUpdateResult>
    const outside = update.then((r) => {
      outsideDone = true
      return r
    })
    await sleep(30)
    expect(outsideDone).toBe(false)
    await t.commit()
    expect((await outside).stats.updated).toBe(1)
    expect(readDoc(h, 'a')?.balance).toBe(111)
  })
})

describe('transaction limits', () => {
  const h = setupLocalDatabase({ lockWaitMs: 40, transactionTimeoutMs: 40 })
  beforeEach(() => seed(h))

  test('an abandoned transaction is rolled back after the timeout; its commit then fails as a conflict', async () => {
    const t = (await h.db.startTransaction()) as Tx
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 7 } })
    await sleep(80)
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(readDoc(h, 'a')?.balance).toBe(100)
    await expect(
      t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 8 } }),
    ).rejects.toThrow('timed out')
  })

  test('runTransaction retries when the commit reports a conflict', async () => {
    let attempts = 0
    const result: unknown = await h.db.runTransaction(async (t: Tx) => {
      attempts++
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: h._.inc(1) } })
      if (attempts === 1) await sleep(80) // outlives the 40 ms timeout: first commit conflicts
      return attempts
    })
    expect(result).toBe(2)
    expect(readDoc(h, 'a')?.balance).toBe(101)
  })
})

describe('lock wait', () => {
  const h = setupLocalDatabase({ lockWaitMs: 40, transactionTimeoutMs: 5000 })
  beforeEach(() => seed(h))

  test('a write blocked by an open transaction gives up after lockWaitMs with a clear error', async () => {
    const t = (await h.db.startTransaction()) as Tx
    await expect(
      h.db
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: 1 } }),
    ).rejects.toThrow('waited 40 ms for an open transaction')
    await t.rollback()
    expect(readDoc(h, 'b')?.balance).toBe(0)
  })

  test('where().update inside runTransaction is not part of it (the SDK sends no transactionId): it fails', async () => {
    await expect(
      h.db.runTransaction(async (t: Tx) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 1 } })
        await t
          .collection('accounts')
          .where({ balance: h._.gte(0) })
          .update({ data: { flagged: true } })
      }),
    ).rejects.toThrow('inside runTransaction, write through the transaction object')
    expect(readDoc(h, 'a')).toEqual({ _id: 'a', balance: 100, version: 1 })
  })
})
