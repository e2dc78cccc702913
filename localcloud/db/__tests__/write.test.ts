import type { DB } from 'wx-server-sdk'
import { countOf, failure, getAll, ids, sampleDocs, setupLocalDatabase, type Doc } from './harness'

const h = setupLocalDatabase()

async function getDoc(collection: string, id: string): Promise<Doc> {
  return ((await h.db.collection(collection).doc(id).get()) as DB.IQuerySingleResult).data
}

describe('add', () => {
  test('generates a 32-hex _id and stores serverDate as a Date near now', async () => {
    const before = Date.now()
    const res = (await h.db
      .collection('notes')
      .add({ data: { text: 'hi', at: h.db.serverDate() } })) as DB.IAddResult
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    const doc = await getDoc('notes', String(res._id))
    expect(doc.text).toBe('hi')
    expect(doc.at).toBeInstanceOf(Date)
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before)
    expect((doc.at as Date).getTime()).toBeLessThanOrEqual(Date.now())
  })

  test('serverDate with an offset', async () => {
    // The typings omit the documented { offset } argument.
    const serverDate = h.db.serverDate as unknown as (opts: { offset: number }) => unknown
    const res = (await h.db
      .collection('notes')
      .add({ data: { at: serverDate({ offset: 60_000 }) } })) as DB.IAddResult
    const doc = await getDoc('notes', String(res._id))
    expect((doc.at as Date).getTime() - Date.now()).toBeGreaterThan(55_000)
  })

  test('keeps a given _id and refuses a duplicate with the E11000 error', async () => {
    await h.db.collection('notes').add({ data: { _id: 'fixed', n: 1 } })
    expect(await failure(h.db.collection('notes').add({ data: { _id: 'fixed', n: 2 } }))).toMatchObject({
      errCode: -502001,
      message: expect.stringContaining('E11000 duplicate key error'),
    })
    expect((await getDoc('notes', 'fixed')).n).toBe(1)
  })

  test('adds several documents at once', async () => {
    const res = (await h.db.collection('notes').add({ data: [{ n: 1 }, { n: 2 }] })) as unknown as {
      _ids: string[]
    }
    expect(res._ids).toHaveLength(2)
    expect(await countOf(h.db.collection('notes'))).toBe(2)
  })

  test('round-trips values: dates before 1970, nested dates, numbers, null', async () => {
    const data = {
      old: new Date('1950-06-01T12:00:00Z'),
      list: [{ at: new Date(0) }],
      n: 1.5,
      big: 2 ** 40,
      none: null,
    }
    const res = (await h.db.collection('notes').add({ data })) as DB.IAddResult
    const doc = await getDoc('notes', String(res._id))
    expect(doc).toEqual({ _id: res._id, ...data })
    expect(h.local.find('notes', { _id: res._id })[0].old).toEqual(data.old)
  })
})

describe('doc get / update / set / remove', () => {
  beforeEach(() => h.local.insertMany('projects', sampleDocs()))

  test('update operators: inc, mul, min, max, push, push each+position, pull, pull in, addToSet, remove, set', async () => {
    const res = (await h.db
      .collection('projects')
      .doc('p02')
      .update({
        data: {
          progress: h._.inc(5),
          year: h._.mul(1),
          'meta.level': h._.max(7),
          score: h._.min(3),
          tags: h._.push(['x', 'y']),
          title: h._.remove(),
          owner: h._.set({ name: 'A' }),
          extra: h._.addToSet('t1'),
        },
      })) as DB.IUpdateResult
    expect(res.stats.updated).toBe(1)
    let doc = await getDoc('projects', 'p02')
    expect(doc).toMatchObject({
      progress: 25,
      year: 2021,
      meta: { level: 7 },
      score: 3,
      tags: ['even', 't', 'x', 'y'],
    })
    expect(doc.owner).toEqual({ name: 'A' })
    expect(doc.extra).toEqual(['t1'])
    expect('title' in doc).toBe(false)

    await h.db
      .collection('projects')
      .doc('p02')
      .update({ data: { tags: h._.pull('t'), extra: h._.addToSet('t1') } })
    await h.db
      .collection('projects')
      .doc('p02')
      .update({ data: { tags: h._.push({ each: ['first'], position: 0 }), score: h._.min(1) } })
    doc = await getDoc('projects', 'p02')
    expect(doc.tags).toEqual(['first', 'even', 'x', 'y'])
    expect(doc.extra).toEqual(['t1'])
    expect(doc.score).toBe(1)
    await h.db
      .collection('projects')
      .doc('p02')
      .update({ data: { tags: h._.pull(h._.in(['x', 'y'])) } })
    expect((await getDoc('projects', 'p02')).tags).toEqual(['first', 'even'])
  })

  test('update with a plain object merges, nested objects merge by path', async () => {
    await h.db
      .collection('projects')
      .doc('p03')
      .update({ data: { status: 'closed', meta: { note: 'n' } } })
    const doc = await getDoc('projects', 'p03')
    expect(doc.status).toBe('closed')
    expect(doc.meta).toEqual({ level: 0, note: 'n' })
    expect(doc.title).toBe('红色先锋3')
  })

  test('updated is 0 when nothing changes and when the document does not exist', async () => {
    const same = (await h.db
      .collection('projects')
      .doc('p03')
      .update({ data: { status: 'in_progress' } })) as DB.IUpdateResult
    expect(same.stats.updated).toBe(0)
    const missing = (await h.db
      .collection('projects')
      .doc('nope')
      .update({ data: { status: 'x' } })) as DB.IUpdateResult
    expect(missing.stats.updated).toBe(0)
    expect(h.local.count('projects', { _id: 'nope' })).toBe(0)
  })

  test('top-level $set and $inc (applied without mingo) behave as MongoDB: missing counts start at 0', async () => {
    const ref = h.db.collection('projects').doc('p03')
    const res = (await ref.update({
      data: { progress: h._.inc(2), visits: h._.inc(1), status: 'closed' },
    })) as DB.IUpdateResult
    expect(res.stats.updated).toBe(1)
    expect(await getDoc('projects', 'p03')).toMatchObject({ progress: 32, visits: 1, status: 'closed' })
  })

  test('get of a missing document rejects with the SDK error', async () => {
    expect(await failure(h.db.collection('projects').doc('nope').get())).toMatchObject({
      errCode: -1,
      message: 'document.get:fail document with _id nope does not exist',
    })
  })

  test('set replaces the document and keeps _id; on a missing id it creates', async () => {
    const res = (await h.db
      .collection('projects')
      .doc('p04')
      .set({ data: { title: 'new', status: 'draft' } })) as DB.ISetResult
    expect(res.stats).toEqual({ updated: 1, created: 0 })
    expect(await getDoc('projects', 'p04')).toEqual({ _id: 'p04', title: 'new', status: 'draft' })
    const created = (await h.db
      .collection('projects')
      .doc('p99')
      .set({ data: { title: 'born' } })) as DB.ISetResult
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    expect(await getDoc('projects', 'p99')).toEqual({ _id: 'p99', title: 'born' })
  })

  test('remove deletes one document', async () => {
    const res = (await h.db.collection('projects').doc('p05').remove()) as DB.IRemoveResult
    expect(res.stats.removed).toBe(1)
    expect(await countOf(h.db.collection('projects'))).toBe(11)
    await expect(h.db.collection('projects').doc('p05').get()).rejects.toThrow('does not exist')
    const again = (await h.db.collection('projects').doc('p05').remove()) as DB.IRemoveResult
    expect(again.stats.removed).toBe(0)
  })
})

describe('where().update / where().remove on many', () => {
  beforeEach(() => h.local.insertMany('projects', sampleDocs()))

  test('updates every match and reports the count', async () => {
    const res = (await h.db
      .collection('projects')
      .where({ branchId: 'b1', year: h._.gte(2022) })
      .update({ data: { flagged: true, progress: h._.inc(1) } })) as DB.IUpdateResult
    expect(res.stats.updated).toBe(3)
    expect(await ids(h.db.collection('projects').where({ flagged: true }))).toEqual(['p03', 'p04', 'p05'])
    expect((await getDoc('projects', 'p04')).progress).toBe(41)
  })

  test('removes every match and reports the count', async () => {
    const res = (await h.db
      .collection('projects')
      .where({ status: h._.in(['draft', 'closed']) })
      .remove()) as DB.IRemoveResult
    expect(res.stats.removed).toBe(5)
    expect(await countOf(h.db.collection('projects'))).toBe(7)
    const none = (await h.db.collection('projects').where({ status: 'nothing' }).remove()) as DB.IRemoveResult
    expect(none.stats.removed).toBe(0)
  })

  test('a conflicting update (same path twice) fails and changes nothing', async () => {
    const res = await failure(
      h.db
        .collection('projects')
        .where({ branchId: 'b1' })
        .update({ data: { tags: h._.push(['z']), 'tags.0': 'a' } }),
    )
    expect(res).toMatchObject({
      errCode: -502001,
      message: expect.stringContaining('would create a conflict'),
    })
    expect((await getAll(h.db.collection('projects').where({ tags: 'z' }))).length).toBe(0)
  })
})

describe('scalar contract of indexed fields', () => {
  test('refuses an array in an indexed field, with a message naming it', async () => {
    expect(await failure(h.db.collection('projects').add({ data: { status: ['draft'] } }))).toMatchObject({
      errCode: -502001,
      message: expect.stringContaining('projects.status is indexed and scalar'),
    })
    h.local.insertMany('projects', [{ _id: 'ok', status: 'draft' }])
    await expect(
      h.db
        .collection('projects')
        .doc('ok')
        .update({ data: { year: { y: 1 } } }),
    ).rejects.toThrow('projects.year is indexed')
    expect(h.local.find('projects', { _id: 'ok' })).toEqual([{ _id: 'ok', status: 'draft' }])
  })
})
