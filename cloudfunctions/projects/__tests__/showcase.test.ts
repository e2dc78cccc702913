import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { Project } from '../../../types/entities'
import type { TopTenSelection } from '../../../types/entities-supervision'
import { data, guestCookie } from './helpers'

// p002 member of 运维部, p001 its secretary, p043 secretary of 城区供电所, p057 committee (no branch of theirs).
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p043', 'p057']) as[id] = await cloud.signIn(id)
  as.guest = guestCookie(cloud, 'showcase-guest')
})
afterAll(() => cloud.close())

const call = <A extends 'showcase' | 'borrow'>(who: string, action: A, payload: object) =>
  cloud.call(as[who], 'projects', action, payload as never)
const selection = (year: number) =>
  cloud.db.find('top_ten_selections', { _id: `top-ten-${year}` })[0] as unknown as TopTenSelection
const project = (id: string) => cloud.db.find('projects', { _id: id })[0] as unknown as Project
const drafts = () => cloud.db.count('projects', { status: 'draft' })

describe('经验交流: the 十佳 showcase', () => {
  it('shows every member the latest confirmed 十佳 (the demo’s 2025) with what they solved and their figures', async () => {
    const top = selection(2025)
    expect(top.entries.length).toBeGreaterThan(0)
    const view = data(await call('p002', 'showcase', {}))
    expect(view.year).toBe(2025)
    expect(view.years).toEqual([2025])
    expect(view.borrowable).toBe(false)
    expect(view.items.map((i) => i.id)).toEqual(top.entries.map((e) => e.projectId))
    const first = view.items[0]
    const source = project(first.id)
    expect(first).toMatchObject({
      rank: 1,
      title: source.title,
      slogan: source.slogan,
      problem: source.problem,
      branchName: source.branchName,
      effect: source.acceptance?.summary,
      what: source.answers.what,
      extent: source.answers.extent,
    })
    expect(first.outline.map((o) => o.task)).toEqual(source.tasks.map((t) => t.title))
    expect(first.outline.flatMap((o) => o.milestones)).toHaveLength(
      cloud.db.count('milestones', { projectId: first.id }),
    )
    const counter = cloud.db.find('checkin_counts', { _id: `project:${first.id}` })[0] as
      { count: number } | undefined
    const study = cloud.db.find('study_totals', { _id: `branch:${source.branchId}` })[0] as
      { personTimes: number } | undefined
    expect(first.figures).toMatchObject({
      checkins: counter?.count ?? 0,
      trainees: study?.personTimes ?? 0,
      milestones: cloud.db.count('milestones', { projectId: first.id }),
      milestonesDone: cloud.db.count('milestones', { projectId: first.id, status: 'approved' }),
      score: source.score?.total,
      ratingCount: source.rating.count,
    })
    // Approved milestones' evidence are the results' photos.
    const evidence = (
      cloud.db.find('milestones', { projectId: first.id, status: 'approved' }) as { evidence: string[] }[]
    ).flatMap((m) => m.evidence)
    expect(first.photos.length).toBeGreaterThan(0)
    expect(first.photos.every((f) => evidence.includes(f))).toBe(true)
  })

  it('tells a secretary they may 借鉴; a year without a selection is empty; a guest is not registered', async () => {
    expect(data(await call('p001', 'showcase', {})).borrowable).toBe(true)
    expect(data(await call('p057', 'showcase', { year: 2024 }))).toEqual({
      year: 2024,
      years: [2025],
      items: [],
      borrowable: false,
    })
    expect(await call('guest', 'showcase', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
    expect(await call('p002', 'showcase', { year: 1999 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('shows a newly confirmed year first once the committee confirms its 十佳', async () => {
    const evaluation = data(await cloud.call(as.p057, 'supervision', 'evaluation', { year: 2026 }))
    data(
      await cloud.call(as.p057, 'supervision', 'markTopTen', {
        year: 2026,
        projectIds: evaluation.proposedTopTen,
      }),
    )
    const view = data(await call('p002', 'showcase', {}))
    expect(view.year).toBe(2026)
    expect(view.years).toEqual([2026, 2025])
    expect(view.items.map((i) => i.id)).toEqual(evaluation.proposedTopTen)
  })
})

describe('借鉴: a secretary starts a draft from a showcased project', () => {
  it('copies the title idea, slogan, problem, goals and plan outline into a draft of the caller’s branch, source recorded', async () => {
    const sourceId = selection(2025).entries[0].projectId
    const source = project(sourceId)
    const before = cloud.db.count('projects', {})
    const made = data(await call('p043', 'borrow', { id: sourceId }))
    expect(made).toMatchObject({ status: 'draft', version: 1 })
    expect(made.missingFields).toEqual(['谁来做', '何时做'])
    expect(cloud.db.count('projects', {})).toBe(before + 1)
    const draft = project(made.id)
    expect(draft).toMatchObject({
      branchId: 'b-chengqu',
      status: 'draft',
      title: source.title,
      slogan: source.slogan,
      problem: source.problem,
      category: source.category,
      answers: { ...source.answers, who: '', when: '' },
      borrowedFrom: {
        projectId: sourceId,
        title: source.title,
        branchName: source.branchName,
        year: 2025,
        rank: 1,
      },
    })
    expect(draft.borrowedFrom?.outline.map((o) => o.task)).toEqual(source.tasks.map((t) => t.title))
    // The source is untouched; the draft says where it came from, on the page and in its history.
    expect(project(sourceId)).toEqual(source)
    const page = data(await cloud.call(as.p043, 'projects', 'get', { id: made.id }))
    expect(page.borrowedFrom).toMatchObject({ projectId: sourceId, branchName: source.branchName })
    expect(page.events[0]).toMatchObject({
      action: 'create',
      comment: `借鉴自${source.branchName}《${source.title}》`,
    })
  })

  it('refuses anyone but a secretary, a project never in a 十佳, another branch and bad input, changing nothing', async () => {
    const sourceId = selection(2025).entries[0].projectId
    const before = drafts()
    expect(await call('p002', 'borrow', { id: sourceId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记可以借鉴项目起草立项',
    })
    expect(await call('p057', 'borrow', { id: sourceId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('guest', 'borrow', { id: sourceId })).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    })
    // Permission before input: a member with a bad payload still learns FORBIDDEN.
    expect(await call('p002', 'borrow', { id: 42 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('p001', 'borrow', { id: 'prj-001' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '没有找到这个十佳精品项目，只能借鉴经验交流中的项目',
    })
    expect(await call('p001', 'borrow', { id: 'prj-none' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call('p001', 'borrow', { id: sourceId, branchId: 'b-chengqu' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只能为自己担任书记的支部起草项目',
    })
    expect(await call('p001', 'borrow', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('p001', 'borrow', { id: sourceId, title: 'x' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(drafts()).toBe(before)
  })
})
