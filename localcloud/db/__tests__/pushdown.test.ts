import { LocalDatabase } from '..'
import { ids, setupLocalDatabase } from './harness'

const D = new Date('2024-01-01T00:00:00.000Z')

/** Indexed fields (projects.status, projects.year) holding every scalar type, to trip up naive SQL. */
const TRICKY = [
  { _id: 't01', status: 'draft', year: 2024 },
  { _id: 't02', status: 1, year: '2024' },
  { _id: 't03', status: '1', year: 2023.5 },
  { _id: 't04', status: true, year: 2020 },
  { _id: 't05', status: null, year: null },
  { _id: 't06' },
  { _id: 't07', status: 'Draft', year: 0 },
  { _id: 't08', status: false, year: -1 },
  { _id: 't09', status: D, year: 2024 },
  { _id: 't10', status: 'closed', year: 1e6 },
  { _id: 't11', status: '草稿', year: 2024 },
  { _id: 't12', status: 0 },
  { _id: 't13', status: '' },
  { _id: 't14', status: '{"$date":"2024-01-01T00:00:00.000Z"}' },
]
const ALL = TRICKY.map((d) => d._id)
const except = (...out: string[]): string[] => ALL.filter((id) => !out.includes(id))

const CASES: [string, Record<string, unknown>, string[]][] = [
  ['string "1" is not number 1', { status: '1' }, ['t03']],
  ['number 1 is not true', { status: 1 }, ['t02']],
  ['true is not 1', { status: true }, ['t04']],
  ['number 0 is not false', { status: 0 }, ['t12']],
  ['false', { status: false }, ['t08']],
  ['null matches null and missing', { status: null }, ['t05', 't06']],
  ['$ne matches missing and other types', { status: { $ne: 'draft' } }, except('t01')],
  ['$ne null', { status: { $ne: null } }, except('t05', 't06')],
  ['$nin with mixed types matches missing', { status: { $nin: ['draft', 1] } }, except('t01', 't02')],
  ['$in with mixed types and null', { status: { $in: [1, 'draft', null] } }, ['t01', 't02', 't05', 't06']],
  ['$in true/"1"/0', { status: { $in: [true, '1', 0] } }, ['t03', 't04', 't12']],
  ['$in []', { status: { $in: [] } }, []],
  ['$nin []', { status: { $nin: [] } }, ALL],
  ['$gt number skips the string "2024"', { year: { $gt: 2000 } }, ['t01', 't03', 't04', 't09', 't10', 't11']],
  ['$gt string only sees strings', { year: { $gt: '2000' } }, ['t02']],
  ['$lte 0 skips null and missing', { year: { $lte: 0 } }, ['t07', 't08']],
  ['range pair', { year: { $gte: 2024, $lt: 2025 } }, ['t01', 't09', 't11']],
  ['a Date is not its JSON text', { status: D }, ['t09']],
  ['the JSON text is not a Date', { status: '{"$date":"2024-01-01T00:00:00.000Z"}' }, ['t14']],
  ['string range skips the Date', { status: { $gte: 'a' } }, ['t01', 't10', 't11', 't14']],
  ['$exists false', { status: { $exists: false } }, ['t06']],
  ['$exists true includes null', { status: { $exists: true } }, except('t06')],
  ['$or of pushable branches', { $or: [{ status: 'draft' }, { year: { $lt: 0 } }] }, ['t01', 't08']],
  ['$or with an unpushable branch', { $or: [{ status: 'draft' }, { title: 'x' }] }, ['t01']],
  ['regex (mingo only)', { status: /raft/ }, ['t01', 't07']],
  ['regex inside $in', { status: { $in: [/^d/i, 0] } }, ['t01', 't07', 't12']],
  ['_id never equals a number', { _id: 1 }, []],
  ['_id $in ignores non-strings', { _id: { $in: ['t02', 3, null] } }, ['t02']],
  ['_id string range', { _id: { $gte: 't12' } }, ['t12', 't13', 't14']],
  ['pushed and unpushed parts together', { year: 2024, status: { $not: /^d/ } }, ['t09', 't11']],
]

describe('pushdown gives MongoDB answers on mixed types', () => {
  const h = setupLocalDatabase()
  let reference: LocalDatabase
  beforeEach(() => {
    h.local.insertMany('projects', TRICKY)
    reference = new LocalDatabase({ file: ':memory:', pushdown: false })
    reference.insertMany('projects', TRICKY)
  })
  afterEach(() => reference.close())

  test.each(CASES)('%s', async (_name, filter, expected) => {
    expect(h.local.find('projects', filter).map((d) => d._id)).toEqual(expected)
    expect(reference.find('projects', filter).map((d) => d._id)).toEqual(expected)
    expect(h.local.count('projects', filter)).toBe(expected.length)
    expect(reference.count('projects', filter)).toBe(expected.length)
  })

  test('the same filters through the SDK wire format', async () => {
    const { _ } = h
    const coll = () => h.db.collection('projects')
    expect(await ids(coll().where({ status: _.in([1, 'draft', null]) }))).toEqual([
      't01',
      't02',
      't05',
      't06',
    ])
    expect(await ids(coll().where({ status: _.nin(['draft', 1]) }))).toEqual(except('t01', 't02'))
    expect(await ids(coll().where({ status: true }))).toEqual(['t04'])
    expect(await ids(coll().where({ status: D }))).toEqual(['t09'])
    expect(await ids(coll().where({ year: _.gt(2000) }))).toEqual(['t01', 't03', 't04', 't09', 't10', 't11'])
  })

  test('sorting across types follows MongoDB order, in SQL and in JS alike', () => {
    const asc = [
      't05',
      't06',
      't12',
      't02',
      't13',
      't03',
      't07',
      't10',
      't01',
      't14',
      't11',
      't08',
      't04',
      't09',
    ]
    const desc = [...asc].reverse() // ties (t05/t06: null vs missing) go by insertion order, reversed
    expect(h.local.find('projects', {}, { sort: { status: 1 } }).map((d) => d._id)).toEqual(asc)
    expect(reference.find('projects', {}, { sort: { status: 1 } }).map((d) => d._id)).toEqual(asc)
    expect(h.local.find('projects', {}, { sort: { status: -1 } }).map((d) => d._id)).toEqual(desc)
    expect(reference.find('projects', {}, { sort: { status: -1 } }).map((d) => d._id)).toEqual(desc)
    expect(
      h.local.find('projects', { year: 2024 }, { sort: { status: -1 }, skip: 1, limit: 2 }).map((d) => d._id),
    ).toEqual(['t11', 't01'])
  })
})

describe('explain shows the index', () => {
  const h = setupLocalDatabase()

  test('branch + status + newest first is fully served by the compound index', () => {
    const plan = h.local.explain(
      'projects',
      { branchId: 'b1', status: 'draft' },
      { sort: { updatedAt: -1 }, limit: 20 },
    )
    expect(plan).toContain('USING INDEX projects__branchId_status_updatedAt')
    expect(plan).not.toContain('TEMP B-TREE')
  })

  test('an index ending in _id pages one value by id without sorting its every match', () => {
    const plan = h.local.explain(
      'checkins',
      { projectId: 'prj-1', _id: { $gt: 'ck-500' } },
      { sort: { _id: 1 }, limit: 1000 },
    )
    expect(plan).toContain('USING INDEX checkins__projectId__id')
    expect(plan).not.toContain('TEMP B-TREE')
  })

  test('single-field indexes for equality, $in and ranges; the primary key for _id', () => {
    expect(h.local.explain('projects', { status: { $in: ['draft', 'closed'] } })).toContain(
      'USING INDEX projects__status',
    )
    expect(h.local.explain('projects', { year: { $gte: 2020, $lt: 2025 } })).toContain(
      'USING INDEX projects__year',
    )
    expect(h.local.explain('people', { openid: 'o1' })).toContain('USING INDEX people__openid')
    expect(h.local.explain('projects', { _id: 'x' })).toMatch(
      /USING INDEX sqlite_autoindex_projects_1|USING PRIMARY KEY/,
    )
  })

  test('a range on the sort field still reads the index in order (its type rank is pinned)', () => {
    const plan = h.local.explain(
      'projects',
      { status: 'draft', updatedAt: { $lt: new Date('2025-01-01T00:00:00Z') } },
      { sort: { updatedAt: -1 }, limit: 20 },
    )
    expect(plan).toContain('USING INDEX projects__status_updatedAt')
    expect(plan).not.toContain('TEMP B-TREE')
  })

  test('a filter on an unindexed field scans', () => {
    expect(h.local.explain('projects', { title: 'x' })).toContain('SCAN projects')
  })
})
