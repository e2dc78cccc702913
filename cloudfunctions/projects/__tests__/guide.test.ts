import { chinaDay } from '../../../domain/checkins'
import { chinaYear } from '../../../domain/dates'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { fireSweep, outboxTo, setNow } from '../../reminders/__tests__/helpers'
import { ANSWERS, data } from './helpers'

// p057 committee, p001 secretary of 运维部 (p002 a member), p043 secretary of 城区供电所, p050 of 东部供电所.
// The seed's 2026 guide is published with key problems sp-demo-1..4 (sp-demo-6 merged into sp-demo-1);
// 城区供电所 has only a draft in 2026 (prj-011), so it has not proposed.
let cloud: TestCloud
const as: Record<string, string> = {}
const SEEDED = 2026
const YEAR = chinaYear(new Date())
const FUTURE = YEAR + 3
const DAY = 24 * 3600 * 1000
const day = (offset: number) => chinaDay(new Date(Date.now() + offset * DAY))

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p043', 'p050', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => {
  setNow(null)
  return cloud.close()
})

const call = (who: string, action: string, payload: object) =>
  cloud.call(as[who], 'projects', action as 'guide', payload as never)
const guideDoc = (year: number) => cloud.db.find('proposal_guides', { year })[0]

const CATEGORIES = [
  { id: 'basic', label: '基础规范项目', note: '' },
  { id: 'service', label: '服务提升项目', note: '面向客户和群众' },
  { id: 'innovation', label: '创新创效项目', note: '' },
]
const content = (over: object = {}) => ({
  categories: CATEGORIES,
  focusFields: ['safety', 'harmony'],
  focus: '围绕重点问题选题，破解一类难题',
  opensOn: day(-10),
  deadline: day(20),
  ...over,
})
/** A guide for a later year, with that year's window. */
const later = (over: object = {}) =>
  content({ opensOn: `${FUTURE}-01-05`, deadline: `${FUTURE}-03-31`, ...over })

describe('选题指南: the guide everyone reads', () => {
  it('shows the published guide with the key problems; the committee also sees who has not proposed', async () => {
    const member = data(await call('p002', 'guide', { year: SEEDED }))
    expect(member).toMatchObject({ year: SEEDED, canEdit: false, progress: null })
    expect(member.guide).toMatchObject({ published: true, categories: expect.any(Array) })
    expect(member.guide!.categories).toHaveLength(5)
    expect(member.guide!.history.length).toBeGreaterThanOrEqual(1)
    expect(member.window).toMatchObject({ state: 'open' })
    const ids = member.keyProblems.map((p) => p.id).sort()
    expect(ids).toEqual(['sp-demo-1', 'sp-demo-2', 'sp-demo-3', 'sp-demo-4'])
    expect(member.keyProblems.every((p) => p.takenBy === null)).toBe(true)

    const committee = data(await call('p057', 'guide', { year: SEEDED }))
    expect(committee.canEdit).toBe(true)
    const taken = Object.fromEntries(committee.keyProblems.map((p) => [p.id, p.takenBy]))
    expect(taken['sp-demo-1']).toEqual(['运维部党支部'])
    // The demo's sent versions keep the problems their projects took up.
    const linked = cloud.db.find('projects', { _id: 'prj-001' })[0].problemIds as string[]
    expect(linked.length).toBeGreaterThan(0)
    for (const v of cloud.db.find('proposal_versions', { projectId: 'prj-001' }))
      expect(v.problemIds).toEqual(linked)
    // 城区's draft links sp-demo-3, but a draft has not been proposed.
    expect(taken['sp-demo-3']).toEqual([])
    expect(committee.progress).toMatchObject({ branches: 8, proposed: 7, untaken: 1 })
    expect(committee.progress!.missing).toEqual([
      { branchId: 'b-chengqu', branchName: '城区供电所党支部', remindedToday: false },
    ])
  })

  it('is saved and published by the committee only; a draft guide is the committee’s alone', async () => {
    for (const who of ['p002', 'p001']) {
      expect(await call(who, 'saveGuide', { year: FUTURE, ...later(), publish: true })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: '选题指南由党委制定和发布',
      })
    }
    const refusals: [object, string][] = [
      [{ categories: [] }, '至少保留一个项目类别'],
      [{ categories: [CATEGORIES[0], CATEGORIES[0]] }, '项目类别不能重复'],
      [{ categories: [CATEGORIES[0], { ...CATEGORIES[1], label: CATEGORIES[0].label }] }, '两个类别不能同名'],
      [{ opensOn: `${FUTURE}-02-01`, deadline: `${FUTURE}-01-31` }, '申报截止日期不能早于开始日期'],
      [{ deadline: `${FUTURE + 2}-01-31` }, `申报时间应在 ${FUTURE - 1} 年至 ${FUTURE + 1} 年之间`],
      [{ deadline: `${FUTURE}-02-30` }, '申报截止日期不是有效的日期'],
      [{ categories: [{ id: 'sports', label: '体育', note: '' }] }, ''],
      [{ focusFields: ['sports'] }, ''],
    ]
    for (const [over, message] of refusals) {
      const res = await call('p057', 'saveGuide', { year: FUTURE, ...later(over), publish: true })
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      // The message, or for a schema refusal one of its issues.
      if (message) expect(JSON.stringify(res)).toContain(message)
    }
    expect(guideDoc(FUTURE)).toBeUndefined()

    expect(data(await call('p057', 'saveGuide', { year: FUTURE, ...later(), publish: false }))).toEqual({
      year: FUTURE,
      published: false,
      told: 0,
    })
    expect(data(await call('p002', 'guide', { year: FUTURE }))).toMatchObject({ guide: null, window: null })
    expect(data(await call('p057', 'guide', { year: FUTURE })).guide).toMatchObject({
      published: false,
      history: [],
    })

    data(await call('p057', 'saveGuide', { year: FUTURE, ...later(), publish: true }))
    const renamed = CATEGORIES.map((c) => (c.id === 'service' ? { ...c, label: '优质服务项目' } : c))
    data(
      await call('p057', 'saveGuide', {
        year: FUTURE,
        ...later({ categories: renamed, deadline: `${FUTURE}-04-30` }),
        publish: true,
      }),
    )
    // The same content again adds no version.
    data(
      await call('p057', 'saveGuide', {
        year: FUTURE,
        ...later({ categories: renamed, deadline: `${FUTURE}-04-30` }),
        publish: true,
      }),
    )
    const seen = data(await call('p002', 'guide', { year: FUTURE }))
    expect(seen.guide!.categories.map((c) => c.label)).toEqual([
      '基础规范项目',
      '优质服务项目',
      '创新创效项目',
    ])
    expect(seen.guide!.history.map((h) => h.summary)).toEqual([
      `类别「服务提升项目」改名为「优质服务项目」；申报截止日期由 ${FUTURE}-03-31 延长至 ${FUTURE}-04-30`,
      `发布选题指南：3 个项目类别，申报 ${FUTURE}-01-05 至 ${FUTURE}-03-31`,
    ])
    expect(await call('p057', 'saveGuide', { year: FUTURE, ...later(), publish: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '选题指南已发布，不能改回草稿；修改后请重新发布',
    })
    expect(guideDoc(FUTURE)).toMatchObject({ published: true, deadline: `${FUTURE}-04-30` })
  })
})

describe('立项 tied to the survey, inside the window', () => {
  it('lets the committee remind the branches that have not proposed, once a day', async () => {
    expect(await call('p001', 'remindProposals', { year: SEEDED })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('p057', 'remindProposals', { year: FUTURE + 1 })).toMatchObject({
      code: 'CONFLICT',
      message: `${FUTURE + 1} 年选题指南尚未发布，发布后才能提醒各支部申报`,
    })
    expect(data(await call('p057', 'remindProposals', { year: SEEDED }))).toEqual({
      branches: 1,
      secretaries: 1,
      alreadyToday: 0,
    })
    // (Publishing a guide tells every secretary too, under the same kind: count the reminders of branches.)
    const told = cloud.db.find('messages', { kind: 'proposal_due', itemId: 'b-chengqu' })
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({
      personId: 'p043',
      itemId: 'b-chengqu',
      page: '/packages/admin/pages/guide/index',
    })
    expect(told[0].body).toContain('城区供电所党支部还没有提交 2026 年的立项申请')
    expect(await call('p057', 'remindProposals', { year: SEEDED })).toMatchObject({
      code: 'CONFLICT',
      message: '今天已经提醒过尚未申报的支部，明天可以再提醒',
    })
    expect(cloud.db.find('messages', { kind: 'proposal_due', itemId: 'b-chengqu' })).toHaveLength(1)
    const view = data(await call('p057', 'guide', { year: SEEDED }))
    expect(view.progress!.missing).toEqual([
      { branchId: 'b-chengqu', branchName: '城区供电所党支部', remindedToday: true },
    ])
  })

  it('links a proposal to its year’s problems; bad links are refused and change nothing', async () => {
    // A problem of this year, made key by the committee.
    data(await call('p057', 'setSurvey', { year: YEAR, open: true }))
    const { id: problem } = data(
      await cloud.call(as.p043, 'projects', 'submitProblem', {
        year: YEAR,
        text: '供电所党员服务群众的渠道少',
        field: 'harmony',
      }),
    )
    data(await cloud.call(as.p057, 'projects', 'curateProblem', { id: problem, key: true }))
    const { id: other } = data(
      await cloud.call(as.p043, 'projects', 'submitProblem', {
        year: YEAR,
        text: '重复的问题',
        field: 'team',
      }),
    )
    data(await cloud.call(as.p057, 'projects', 'curateProblem', { id: other, mergeInto: problem }))

    const draft = data(
      await cloud.call(as.p043, 'projects', 'saveDraft', {
        title: '党员服务进小区',
        category: 'service',
        slogan: '党员在身边，服务零距离',
        problem: '居民用电诉求反映渠道少',
        answers: ANSWERS,
        problemIds: [problem],
      }),
    )
    expect(cloud.db.find('projects', { _id: draft.id })[0]).toMatchObject({ problemIds: [problem] })
    const before = cloud.db.find('projects', { _id: draft.id })[0]
    for (const [ids, message] of [
      [['sp-404'], '没有找到所选的调研问题'],
      [[other], '所选问题已合并到另一条，请关联合并后的问题'],
      [[problem, 'sp-demo-1'], YEAR === SEEDED ? '' : `只能关联 ${YEAR} 年度调研的问题`],
      [['a', 'b', 'c', 'd', 'e', 'f'], '最多关联 5 个调研问题'],
    ] as [string[], string][]) {
      if (!message) continue
      const res = await cloud.call(as.p043, 'projects', 'saveDraft', { id: draft.id, problemIds: ids })
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(JSON.stringify(res)).toContain(message)
    }
    // A problem of another year.
    data(await call('p057', 'setSurvey', { year: FUTURE, open: true }))
    const { id: future } = data(
      await cloud.call(as.p043, 'projects', 'submitProblem', {
        year: FUTURE,
        text: '远期问题',
        field: 'team',
      }),
    )
    expect(
      await cloud.call(as.p043, 'projects', 'saveDraft', { id: draft.id, problemIds: [future] }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: `只能关联 ${YEAR} 年度调研的问题` })
    expect(await cloud.call(as.p043, 'projects', 'saveDraft', { problemIds: [future] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(cloud.db.find('projects', { _id: draft.id })[0]).toEqual(before)
    expect(data(await cloud.call(as.p043, 'projects', 'get', { id: draft.id })).problemIds).toEqual([problem])
  })

  it('sends a draft only inside the window; a returned proposal goes back any time; the deadline can be extended', async () => {
    const draft = cloud.db.find('projects', { branchId: 'b-chengqu', title: '党员服务进小区' })[0]
      ._id as string
    const problem = (cloud.db.find('projects', { _id: draft })[0].problemIds as string[])[0]
    const submit = (who: string, id: string) => cloud.call(as[who], 'projects', 'submit', { id })

    data(
      await call('p057', 'saveGuide', {
        year: YEAR,
        ...content({ opensOn: day(2), deadline: day(30) }),
        publish: true,
      }),
    )
    expect(await submit('p043', draft)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: `${YEAR} 年立项申报 ${day(2)} 开始，草稿已保存，届时再提交`,
    })

    data(
      await call('p057', 'saveGuide', {
        year: YEAR,
        ...content({ opensOn: day(-30), deadline: day(-1) }),
        publish: true,
      }),
    )
    const closed = `${YEAR} 年立项申报已于 ${day(-1)} 截止，草稿已保存；如需补报，请联系党委延长申报时间`
    expect(await submit('p043', draft)).toMatchObject({ ok: false, code: 'CONFLICT', message: closed })
    // Still saved as a draft.
    expect(
      data(await cloud.call(as.p043, 'projects', 'saveDraft', { id: draft, slogan: '党员在身边' })),
    ).toMatchObject({ status: 'draft' })
    expect(cloud.db.find('projects', { _id: draft })[0]).toMatchObject({ status: 'draft' })
    expect(data(await call('p043', 'guide', { year: YEAR })).window).toEqual({
      state: 'closed',
      text: `立项申报已于 ${day(-1)} 截止`,
    })
    data(
      await call('p057', 'saveGuide', {
        year: YEAR,
        ...content({ opensOn: day(-30), deadline: day(3) }),
        publish: true,
      }),
    )
    expect(data(await submit('p043', draft))).toMatchObject({ status: 'submitted' })
    const view = data(await call('p057', 'guide', { year: YEAR }))
    expect(view.keyProblems.find((p) => p.id === problem)!.takenBy).toEqual(['城区供电所党支部'])
    expect(view.progress!.missing.map((m) => m.branchId)).not.toContain('b-chengqu')
    expect(view.guide!.history[0].summary).toBe(`申报截止日期由 ${day(-1)} 延长至 ${day(3)}`)

    // Returned after the deadline: it was first sent in time, so it goes back when ready.
    data(await cloud.call(as.p057, 'projects', 'return', { id: draft, comment: '请细化目标' }))
    data(
      await call('p057', 'saveGuide', {
        year: YEAR,
        ...content({ opensOn: day(-30), deadline: day(-1) }),
        publish: true,
      }),
    )
    // Revised: it no longer claims the problem. Each sent version keeps what it was linked to.
    data(await cloud.call(as.p043, 'projects', 'saveDraft', { id: draft, problemIds: [] }))
    expect(data(await submit('p043', draft))).toMatchObject({ status: 'submitted' })
    const versions = cloud.db.find('proposal_versions', { projectId: draft }, { sort: { version: 1 } })
    expect(versions.map((v) => v.problemIds)).toEqual([[problem], []])
  })
})

describe('the year of a draft begun in next year’s window', () => {
  it('is next year once next year’s guide is published and its window has opened', async () => {
    const before = data(await cloud.call(as.p050, 'projects', 'saveDraft', { title: '年内起草的项目' }))
    expect(cloud.db.find('projects', { _id: before.id })[0].year).toBe(YEAR)
    data(
      await call('p057', 'saveGuide', {
        year: YEAR + 1,
        ...content({ opensOn: day(0), deadline: `${YEAR + 1}-03-31` }),
        publish: true,
      }),
    )
    const after = data(await cloud.call(as.p050, 'projects', 'saveDraft', { title: '明年的项目' }))
    expect(cloud.db.find('projects', { _id: after.id })[0].year).toBe(YEAR + 1)
    // A draft begun before stays of the year it was begun in.
    expect(cloud.db.find('projects', { _id: before.id })[0].year).toBe(YEAR)
    // A 借鉴 draft (from the showcased 十佳) takes the same year as any new draft.
    const top = cloud.db.find('top_ten_selections', { _id: 'top-ten-2025' })[0] as {
      entries: { projectId: string }[]
    }
    const borrowed = data(await cloud.call(as.p050, 'projects', 'borrow', { id: top.entries[0].projectId }))
    expect(cloud.db.find('projects', { _id: borrowed.id })[0]).toMatchObject({
      year: YEAR + 1,
      borrowedFrom: { projectId: top.entries[0].projectId },
    })
  })
})

describe('publishing the guide tells the branch secretaries', () => {
  // A year of its own, at 10:00 China time (outside quiet hours, so the sweep pushes), whatever the real day.
  const G = 2031
  const at = (over: object = {}) => content({ opensOn: `${G}-01-05`, deadline: `${G}-03-31`, ...over })
  const guideMessages = (personId?: string) =>
    cloud.db.find(
      'messages',
      { kind: 'proposal_due', itemId: `guide-${G}`, ...(personId ? { personId } : {}) },
      { sort: { _id: 1 }, limit: 1000 },
    )

  const save = (who: string, over: object, publish: boolean) =>
    cloud.call(as[who], 'projects', 'saveGuide', { year: G, ...at(over), publish } as never)

  afterEach(() => setNow(null))

  it('once per published version, in 消息 at once, as each one’s settings say, pushed when a credit allows', async () => {
    setNow(`${G}-01-10T02:00:00.000Z`)
    const secretaries = [
      ...new Set(
        cloud.db
          .find('people', {}, { limit: 1000 })
          .filter((p) => (p.grants as { role: string }[]).some((g) => g.role === 'secretary'))
          .map((p) => p._id as string),
      ),
    ].sort()
    expect(secretaries.length).toBeGreaterThanOrEqual(8)
    // 东部's secretary has turned 立项申报提醒 off; 运维部's has one push credit of its template.
    data(await cloud.call(as.p050, 'messages', 'saveSettings', { kinds: { proposal_due: false } }))
    cloud.db.insertMany('subscription_credits', [
      {
        _id: 'p001:tpl-milestone-deadline',
        personId: 'p001',
        templateId: 'tpl-milestone-deadline',
        count: 1,
      },
    ])
    cloud.db.insertMany('_subscribe_credits', [
      {
        _id: 'demo-openid-p001:tpl-milestone-deadline',
        openid: 'demo-openid-p001',
        templateId: 'tpl-milestone-deadline',
        count: 1,
      },
    ])

    // A draft tells nobody; neither does a refused publication.
    expect(data(await save('p057', {}, false))).toMatchObject({ told: 0 })
    expect(await save('p057', { categories: [] }, true)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(await save('p001', {}, true)).toMatchObject({ code: 'FORBIDDEN' })
    expect(guideMessages()).toHaveLength(0)

    const first = data(await save('p057', {}, true))
    const told = secretaries.filter((id) => id !== 'p050')
    expect(first).toEqual({ year: G, published: true, told: told.length })
    expect(
      guideMessages()
        .map((m) => m.personId)
        .sort(),
    ).toEqual(told)
    expect(guideMessages('p043')[0]).toMatchObject({
      title: `${G} 年选题指南已发布，立项截止 ${G}年3月31日`,
      page: `/packages/admin/pages/guide/index?year=${G}`,
      read: false,
      pushState: 'deferred',
    })
    expect(guideMessages('p043')[0].body).toContain(`立项申报 ${G}年1月5日开始，${G}年3月31日截止`)
    const inbox = data(await cloud.call(as.p043, 'messages', 'list', {}))
    expect(inbox.items.map((m) => m.title)).toContain(`${G} 年选题指南已发布，立项截止 ${G}年3月31日`)

    // Published again unchanged: no new version, nobody told twice.
    expect(data(await save('p057', {}, true)).told).toBe(0)
    expect(guideMessages()).toHaveLength(told.length)

    // A changed version is told once more, with what changed.
    const extended = data(await save('p057', { deadline: `${G}-04-30` }, true))
    expect(extended.told).toBe(told.length)
    const twice = guideMessages('p043')
    expect(twice).toHaveLength(2)
    const changed = twice.find((m) => String(m.title).includes('已修改'))!
    expect(changed.title).toBe(`${G} 年选题指南已修改，立项截止 ${G}年4月30日`)
    expect(changed.body).toContain(`申报截止日期由 ${G}-03-31 延长至 ${G}-04-30`)
    expect(guideMessages('p050')).toHaveLength(0)

    // The sweep pushes where a credit allows: 运维部's secretary once, the others stay in 消息 only.
    await fireSweep(cloud)
    await fireSweep(cloud)
    expect(outboxTo(cloud, 'p001')).toHaveLength(1)
    expect(outboxTo(cloud, 'p043')).toHaveLength(0)
    expect(guideMessages()).toHaveLength(told.length * 2)
  })
})
