import { countOf, day, getAll, ids, sampleDocs, setupLocalDatabase } from './harness'

// 'projects' has expression indexes (SQL pushdown); 'things' has none (scan + mingo). Same answers expected.
describe.each(['projects', 'things'])('where/orderBy/limit on %s', (name) => {
  const h = setupLocalDatabase()
  beforeEach(() => h.local.insertMany(name, sampleDocs()))
  const coll = () => h.db.collection(name)

  test('equality and neq (neq also matches a missing field)', async () => {
    expect(await ids(coll().where({ status: 'draft' }))).toEqual(['p05', 'p06', 'p11'])
    expect(await ids(coll().where({ status: h._.eq('draft') }))).toEqual(['p05', 'p06', 'p11'])
    expect(await ids(coll().where({ status: h._.neq('draft') }))).toEqual([
      'p01',
      'p02',
      'p03',
      'p04',
      'p07',
      'p08',
      'p09',
      'p10',
      'p12',
    ])
  })

  test('gt, gte, lt, lte', async () => {
    expect(await ids(coll().where({ year: h._.gt(2022) }))).toEqual(['p04', 'p05', 'p10', 'p11'])
    expect(await ids(coll().where({ year: h._.gte(2022).and(h._.lt(2024)) }))).toEqual([
      'p03',
      'p04',
      'p09',
      'p10',
    ])
    expect(await ids(coll().where({ year: h._.lte(2019) }))).toEqual(['p06'])
    expect(await ids(coll().where({ updatedAt: h._.gte(day(10)) }))).toEqual(['p10', 'p11'])
  })

  test('in and nin (nin also matches a missing field)', async () => {
    expect(await ids(coll().where({ status: h._.in(['draft', 'closed']) }))).toEqual([
      'p04',
      'p05',
      'p06',
      'p10',
      'p11',
    ])
    expect(await ids(coll().where({ status: h._.nin(['draft', 'closed']) }))).toEqual([
      'p01',
      'p02',
      'p03',
      'p07',
      'p08',
      'p09',
      'p12',
    ])
  })

  test('and, or, and field-level and', async () => {
    expect(await ids(coll().where(h._.and([{ branchId: 'b1' }, { progress: h._.gt(30) }])))).toEqual([
      'p04',
      'p05',
      'p06',
    ])
    expect(await ids(coll().where(h._.or([{ status: 'closed' }, { progress: h._.lt(15) }])))).toEqual([
      'p01',
      'p04',
      'p10',
      'p12',
    ])
    expect(await ids(coll().where({ progress: h._.gt(20).and(h._.lt(60)) }))).toEqual(['p03', 'p04', 'p05'])
    expect(
      await ids(coll().where({ branchId: 'b2', status: h._.or(h._.eq('draft'), h._.exists(false)) })),
    ).toEqual(['p11', 'p12'])
  })

  test('exists, nested objects, array membership', async () => {
    expect(await ids(coll().where({ status: h._.exists(false) }))).toEqual(['p12'])
    expect(await countOf(coll().where({ status: h._.exists(true) }))).toBe(11)
    expect(await ids(coll().where({ meta: { level: 2 } }))).toEqual(['p02', 'p05', 'p08', 'p11'])
    expect(await ids(coll().where({ tags: 'even', branchId: 'b1' }))).toEqual(['p02', 'p04', 'p06'])
  })

  test('JS RegExp and db.RegExp', async () => {
    expect(await ids(coll().where({ title: /先锋/ }))).toEqual(['p03', 'p06', 'p09'])
    expect(await ids(coll().where({ title: h.db.RegExp({ regexp: '^project 1', options: 'i' }) }))).toEqual([
      'p01',
      'p10',
      'p11',
    ])
  })

  test('orderBy (missing sorts lowest), skip, limit', async () => {
    const all = await ids(coll().orderBy('year', 'desc').orderBy('_id', 'asc'))
    expect(all).toEqual(['p05', 'p11', 'p04', 'p10', 'p03', 'p09', 'p02', 'p08', 'p01', 'p07', 'p06', 'p12'])
    expect(await ids(coll().orderBy('year', 'desc').orderBy('_id', 'asc').skip(2).limit(3))).toEqual([
      'p04',
      'p10',
      'p03',
    ])
    expect(await ids(coll().where({ branchId: 'b2' }).orderBy('progress', 'asc').limit(2))).toEqual([
      'p12',
      'p07',
    ])
    expect(await ids(coll().orderBy('updatedAt', 'desc').limit(2))).toEqual(['p11', 'p10'])
  })

  test('field() projects and keeps _id', async () => {
    const [doc] = await getAll(coll().where({ _id: 'p02' }).field({ title: true, 'meta.level': true }))
    expect(doc).toEqual({ _id: 'p02', title: 'Project 2', meta: { level: 2 } })
    const [rest] = await getAll(
      coll().where({ _id: 'p02' }).field({ tags: false, meta: false, updatedAt: false }),
    )
    expect(Object.keys(rest).sort()).toEqual(['_id', 'branchId', 'progress', 'status', 'title', 'year'])
  })

  test('count', async () => {
    expect(await countOf(coll())).toBe(12)
    expect(await countOf(coll().where({ branchId: 'b2' }))).toBe(6)
    expect(await countOf(coll().where({ branchId: 'b2', title: /Project/ }))).toBe(4)
  })

  test('Dates come back as Date objects', async () => {
    const [doc] = await getAll(coll().where({ _id: 'p03' }))
    expect(doc.updatedAt).toBeInstanceOf(Date)
    expect((doc.updatedAt as Date).toISOString()).toBe('2024-01-04T00:00:00.000Z')
  })
})

describe('default limit 100, cap 1000', () => {
  const h = setupLocalDatabase()
  beforeEach(() => {
    h.local.insertMany(
      'bulk',
      Array.from({ length: 1200 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, n: i })),
    )
  })

  test('a get() without limit returns 100, in insertion order', async () => {
    const docs = await getAll(h.db.collection('bulk'))
    expect(docs).toHaveLength(100)
    expect(docs[0]._id).toBe('d0000')
    expect(docs[99]._id).toBe('d0099')
  })

  test('limit is capped at 1000 (by the SDK and again locally)', async () => {
    expect(await getAll(h.db.collection('bulk').limit(1000))).toHaveLength(1000)
    expect(await getAll(h.db.collection('bulk').limit(5000))).toHaveLength(1000)
    const direct = (await h.local.handle('database.getDocument', {
      collectionName: 'bulk',
      limit: 5000,
    })) as {
      data: { list: string[]; limit: number }
    }
    expect(direct.data.list).toHaveLength(1000)
    expect(direct.data.limit).toBe(1000)
  })

  test('paging with skip reaches the end; count sees everything', async () => {
    const last = await getAll(h.db.collection('bulk').skip(1150).limit(1000))
    expect(last).toHaveLength(50)
    expect(last[49]._id).toBe('d1199')
    expect(await countOf(h.db.collection('bulk'))).toBe(1200)
    expect(await countOf(h.db.collection('bulk').where({ n: h._.gte(1100) }))).toBe(100)
  })
})
