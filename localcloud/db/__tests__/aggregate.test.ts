import type { DB } from 'wx-server-sdk'
import { day, sampleDocs, setupLocalDatabase } from './harness'

const h = setupLocalDatabase()

async function run(agg: DB.Aggregate): Promise<Record<string, unknown>[]> {
  return ((await agg.end()) as DB.IAggregateResult).list as Record<string, unknown>[]
}

beforeEach(() => {
  h.local.insertMany('projects', sampleDocs())
  h.local.insertMany('org_units', [
    { _id: 'b1', kind: 'branch', name: '第一支部' },
    { _id: 'b2', kind: 'branch', name: '第二支部' },
  ])
})

test('match + group + sort + limit', async () => {
  const $ = h._.aggregate
  const list = await run(
    h.db
      .collection('projects')
      .aggregate()
      .match({ year: h._.gte(2020) })
      .group({ _id: '$status', n: $.sum(1), total: $.sum('$progress'), last: $.max('$updatedAt') })
      .sort({ n: -1, _id: 1 })
      .limit(3),
  )
  expect(list).toEqual([
    { _id: 'approved', n: 2, total: 100, last: day(8) },
    { _id: 'closed', n: 2, total: 140, last: day(10) },
    { _id: 'draft', n: 2, total: 160, last: day(11) },
  ])
  expect(list[0].last).toBeInstanceOf(Date)
})

test('without .limit() an aggregate returns 20 results, with it as many as asked', async () => {
  h.local.insertMany(
    'bulk',
    Array.from({ length: 30 }, (_, i) => ({ n: i })),
  )
  expect(
    await run(
      h.db
        .collection('bulk')
        .aggregate()
        .match({ n: h._.gte(0) }),
    ),
  ).toHaveLength(20)
  expect(
    await run(
      h.db
        .collection('bulk')
        .aggregate()
        .match({ n: h._.gte(0) })
        .limit(25),
    ),
  ).toHaveLength(25)
  const [first] = await run(h.db.collection('bulk').aggregate().sort({ n: -1 }).skip(2).limit(1))
  expect(first.n).toBe(27)
})

test('lookup joins another collection; unwind and project reshape', async () => {
  const list = await run(
    h.db
      .collection('projects')
      .aggregate()
      .match({ status: 'draft' })
      .lookup({ from: 'org_units', localField: 'branchId', foreignField: '_id', as: 'branch' })
      .unwind('$branch')
      .project({ _id: 1, branchName: '$branch.name' })
      .limit(10),
  )
  expect(list).toEqual([
    { _id: 'p05', branchName: '第一支部' },
    { _id: 'p06', branchName: '第一支部' },
    { _id: 'p11', branchName: '第二支部' },
  ])
})

test('unwind an array and count', async () => {
  const list = await run(
    h.db.collection('projects').aggregate().unwind('$tags').match({ tags: 'even' }).count('n'),
  )
  expect(list).toEqual([{ n: 5 }])
})

test('group by a field over the whole collection', async () => {
  const $ = h._.aggregate
  const list = await run(
    h.db
      .collection('projects')
      .aggregate()
      .group({ _id: '$branchId', n: $.sum(1) })
      .sort({ _id: 1 })
      .limit(100),
  )
  expect(list).toEqual([
    { _id: 'b1', n: 6 },
    { _id: 'b2', n: 6 },
  ])
})
