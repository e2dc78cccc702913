import { checkCounters, rollUp } from '../../../localcloud/counter-check'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { OPEN, checkin, countersAndRecount, data, fileOf } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p003', 'p005', 'p008', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const HOUR = 3600 * 1000
const stored = (id: string) => cloud.db.find('checkins', { _id: id })[0]
const countOf = (id: string) => (cloud.db.find('checkin_counts', { _id: id })[0]?.count as number) ?? 0
/** Everything a refused correction must leave untouched. */
const state = () => ({
  checkins: cloud.db.find('checkins', {}, { sort: { _id: 1 }, limit: 100_000 }),
  stats: cloud.db.find('checkin_stats', {}, { sort: { _id: 1 }, limit: 100_000 }),
  counts: cloud.db.find('checkin_counts', {}, { sort: { _id: 1 }, limit: 100_000 }),
})
/** Sets fields of a stored check-in directly (dates as EJSON, as the database stores them). */
const setFields = (id: string, fields: Record<string, unknown>) =>
  cloud.db.handle('database.modifyDocument', {
    collectionName: 'checkins',
    query: JSON.stringify({ _id: id }),
    data: JSON.stringify({ $set: fields }),
    queryType: 'DOC',
    merge: true,
  })
/** Makes a check-in older than it is (recorded `hours` ago). */
const age = (id: string, hours: number) =>
  setFields(id, { createdAt: { $date: new Date(Date.now() - hours * HOUR).toISOString() } })

async function record(person: string, over: Record<string, unknown> = {}) {
  return data(await cloud.call(as[person], 'checkins', 'create', checkin(over))).checkin
}

describe('checkins.editCheckin', () => {
  it('lets the author edit within 24 hours and keeps every version for the secretary', async () => {
    const c = await record('p003')
    const listed = data(await cloud.call(as.p003, 'checkins', 'history', {})).items.find((x) => x.id === c.id)
    expect(Date.parse(listed?.correctable ?? '')).toBeGreaterThan(Date.now() + 23 * HOUR)
    const photo = fileOf('p003')
    const place = { name: '城东变电站', latitude: 30.6, longitude: 114.3 }
    const first = data(
      await cloud.call(as.p003, 'checkins', 'editCheckin', {
        id: c.id,
        text: '第二稿',
        photos: [photo],
        place,
      }),
    )
    expect(first.checkin).toMatchObject({ id: c.id, text: '第二稿', photos: [photo], place, versions: [] })
    expect(first.checkin.editedAt).not.toBeNull()
    data(await cloud.call(as.p003, 'checkins', 'editCheckin', { id: c.id, text: '第三稿', place: null }))
    expect(stored(c.id)).toMatchObject({ text: '第三稿', photos: [], place: null, edits: 2 })
    // The same again (a second tap): no new version.
    data(await cloud.call(as.p003, 'checkins', 'editCheckin', { id: c.id, text: '第三稿', place: null }))
    expect(stored(c.id)).toMatchObject({ edits: 2 })

    // The secretary sees what it said before each edit; a member of the branch only the latest.
    const bySecretary = data(await cloud.call(as.p001, 'checkins', 'getSubmission', { id: 'prj-001-m1' }))
    const seen = bySecretary.checkins.find((x) => x.id === c.id)
    expect(seen?.text).toBe('第三稿')
    expect(seen?.versions.map((v) => v.text)).toEqual([c.text, '第二稿'])
    expect(seen?.versions[1]).toMatchObject({ photos: [photo], place })
    const byMember = data(await cloud.call(as.p002, 'checkins', 'getSubmission', { id: 'prj-001-m1' }))
    expect(byMember.checkins.find((x) => x.id === c.id)?.versions).toEqual([])
    // Counting is untouched by an edit.
    const { stored: s, recounted } = countersAndRecount(cloud)
    expect(s).toEqual(recounted)
  })

  it('refuses someone else, after 24 hours, a foreign photo and an unknown id (nothing changed)', async () => {
    const c = await record('p003')
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['p002', { id: c.id, text: '改别人的' }, 'FORBIDDEN', '只能修改或撤回自己的打卡'],
      ['p001', { id: c.id, text: '书记改' }, 'FORBIDDEN', '只能修改或撤回自己的打卡'],
      ['p003', { id: c.id, text: '新', photos: [fileOf('p002')] }, 'INVALID_INPUT', '照片有误'],
      ['p003', { id: 'ck-nothing', text: '新' }, 'NOT_FOUND', '没有找到这条打卡'],
    ]
    for (const [who, payload, code, message] of cases) {
      const before = state()
      const res = await cloud.call(as[who], 'checkins', 'editCheckin', payload as never)
      expect(res).toMatchObject({ ok: false, code })
      expect(res.ok ? '' : res.message).toContain(message)
      expect(state()).toEqual(before)
    }
    await age(c.id, 25)
    const before = state()
    for (const action of ['editCheckin', 'withdrawCheckin'] as const) {
      expect(
        await cloud.call(
          as.p003,
          'checkins',
          action,
          action === 'editCheckin' ? { id: c.id, text: '晚了' } : ({ id: c.id } as never),
        ),
      ).toMatchObject({
        ok: false,
        code: 'CONFLICT',
        message: '打卡超过 24 小时，不能再修改或撤回',
      })
    }
    expect(state()).toEqual(before)
    const history = data(await cloud.call(as.p003, 'checkins', 'history', {}))
    expect(history.items.find((x) => x.id === c.id)?.correctable).toBeNull()
  })
})

describe('checkins.withdrawCheckin', () => {
  it('takes the check-in out of every counter and the figures; the secretary still sees it as withdrawn', async () => {
    const before = {
      project: countOf('project:prj-001'),
      task: countOf('task:prj-001:t1'),
      branch: countOf('branch:b-yunwei'),
    }
    const figuresBefore = data(await cloud.call(as.p002, 'checkins', 'myStats', {}))
    // Yesterday and today: withdrawing yesterday's shortens the streak, which is recounted, not guessed.
    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString()
    const older = await record('p002', { at: yesterday })
    const latest = await record('p002')
    expect(countOf('project:prj-001')).toBe(before.project + 2)

    const res = data(await cloud.call(as.p002, 'checkins', 'withdrawCheckin', { id: older.id }))
    expect(res.checkin).toMatchObject({ id: older.id, withdrawn: true, correctable: null })
    expect(res.figures.total).toBe(figuresBefore.total + 1)
    expect(countOf('project:prj-001')).toBe(before.project + 1)
    expect(countOf('task:prj-001:t1')).toBe(before.task + 1)
    expect(countOf('branch:b-yunwei')).toBe(before.branch + 1)
    expect(stored(older.id)).toMatchObject({ withdrawnCounted: true })
    const { stored: s, recounted } = countersAndRecount(cloud)
    expect(s).toEqual(recounted)
    expect(data(await cloud.call(as.p002, 'checkins', 'myStats', {})).total).toBe(figuresBefore.total + 1)

    // Gone from the author's list; shown to the secretary, marked; not to another member.
    const mine = data(await cloud.call(as.p002, 'checkins', 'history', {})).items.map((x) => x.id)
    expect(mine).toContain(latest.id)
    expect(mine).not.toContain(older.id)
    const bySecretary = data(await cloud.call(as.p001, 'checkins', 'getSubmission', { id: 'prj-001-m1' }))
    expect(bySecretary.checkins.find((x) => x.id === older.id)).toMatchObject({ withdrawn: true })
    const byMember = data(await cloud.call(as.p003, 'checkins', 'getSubmission', { id: 'prj-001-m1' }))
    expect(byMember.checkins.map((x) => x.id)).not.toContain(older.id)
    // Nor on the project's timeline.
    const project = data(await cloud.call(as.p001, 'projects', 'get', { id: 'prj-001' }))
    expect(project.work.map((w) => w.id)).toContain(latest.id)
    expect(project.work.map((w) => w.id)).not.toContain(older.id)

    // Withdrawing again changes nothing; editing a withdrawn one is refused.
    const after = state()
    expect(
      data(await cloud.call(as.p002, 'checkins', 'withdrawCheckin', { id: older.id })).checkin.withdrawn,
    ).toBe(true)
    expect(
      await cloud.call(as.p002, 'checkins', 'editCheckin', { id: older.id, text: '再改' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '这条打卡已撤回',
    })
    expect(state()).toEqual(after)
  })

  it('finishes a withdrawal whose run stopped before the counters', async () => {
    const c = await record('p003')
    // As a run killed right after marking it would leave it.
    await setFields(c.id, { withdrawnAt: { $date: new Date().toISOString() }, withdrawnCounted: false })
    data(await cloud.call(as.p003, 'checkins', 'withdrawCheckin', { id: c.id }))
    expect(stored(c.id)).toMatchObject({ withdrawnCounted: true })
    const { stored: s, recounted } = countersAndRecount(cloud)
    expect(s).toEqual(recounted)
  })

  it('finishes, in the roll-up, a withdrawal whose run stopped after its mark, without withdrawing again', async () => {
    const c = await record('p003')
    await setFields(c.id, { withdrawnAt: { $date: new Date().toISOString() }, withdrawnCounted: false })
    await rollUp(cloud.db)
    expect(stored(c.id)).toMatchObject({ withdrawnCounted: true })
    const { stored: s, recounted } = countersAndRecount(cloud)
    expect(s).toEqual(recounted)
  })

  it('leaves every counter as it was when the run stops before its mark', async () => {
    const c = await record('p003')
    const before = state()
    const db = cloud.db
    const handle = db.handle.bind(db)
    // The mark fails, as if the function had died just before writing it.
    db.handle = (api, params) =>
      api === 'database.modifyDocument' && params.collectionName === 'checkins'
        ? Promise.resolve({ code: 'DATABASE_REQUEST_FAILED', message: 'checkins is down' })
        : handle(api, params)
    const stopped = await cloud.call(as.p003, 'checkins', 'withdrawCheckin', { id: c.id }).finally(() => {
      db.handle = handle
    })
    expect(stopped.ok).toBe(false)
    expect(state()).toEqual(before)
  })

  it('refuses someone else and an unknown id (nothing changed)', async () => {
    const c = await record('p003')
    for (const [who, id, code] of [
      ['p002', c.id, 'FORBIDDEN'],
      ['p001', c.id, 'FORBIDDEN'],
      ['p003', 'ck-nothing', 'NOT_FOUND'],
    ] as const) {
      const before = state()
      expect(await cloud.call(as[who], 'checkins', 'withdrawCheckin', { id })).toMatchObject({
        ok: false,
        code,
      })
      expect(state()).toEqual(before)
    }
  })
})

describe('milestone evidence', () => {
  it('locks check-ins once their milestone is submitted, and a return opens them again', async () => {
    const c = await record('p005', { taskId: 't2', milestoneId: OPEN })
    data(await cloud.call(as.p005, 'checkins', 'submitMilestone', { id: OPEN, description: '抽查完成' }))
    const before = state()
    for (const action of ['editCheckin', 'withdrawCheckin'] as const) {
      expect(
        await cloud.call(
          as.p005,
          'checkins',
          action,
          action === 'editCheckin' ? { id: c.id, text: '补充' } : ({ id: c.id } as never),
        ),
      ).toMatchObject({
        ok: false,
        code: 'CONFLICT',
        message: '里程碑成果已提交，不能再修改打卡；如需更正，请书记退回',
      })
    }
    expect(state()).toEqual(before)

    data(await cloud.call(as.p001, 'checkins', 'returnMilestone', { id: OPEN, comment: '请更正打卡内容' }))
    // Returned for correction: open again even after the 24 hours.
    await age(c.id, 48)
    const history = data(await cloud.call(as.p005, 'checkins', 'history', {}))
    expect(history.items.find((x) => x.id === c.id)?.correctable).toBe('reopened')
    const edited = data(
      await cloud.call(as.p005, 'checkins', 'editCheckin', { id: c.id, text: '更正后的内容' }),
    )
    expect(edited.checkin.text).toBe('更正后的内容')
  })
})

describe('dashboards after a withdrawal', () => {
  it('the incremental roll-up gives what a full recount gives', async () => {
    const weekTotal = () =>
      cloud.db
        .find('dashboard_rollups', { kind: 'branch', branchId: 'b-yunwei', category: 'all' }, { limit: 1000 })
        .reduce(
          (sum, d) =>
            sum + (d.figures as { weeks: { count: number }[] }).weeks.reduce((s, w) => s + w.count, 0),
          0,
        )
    await cloud.fireTimer('dashboard', 'rollup')
    expect(checkCounters(cloud.db).mismatches).toEqual([])
    const c = await record('p003')
    await cloud.fireTimer('dashboard', 'rollup')
    const withIt = weekTotal()
    data(await cloud.call(as.p003, 'checkins', 'withdrawCheckin', { id: c.id }))
    // Within the hour: this run reads only what changed since the last (the counters' change marks).
    await cloud.fireTimer('dashboard', 'rollup')
    expect(weekTotal()).toBeLessThan(withIt)
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })
})
