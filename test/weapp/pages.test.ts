/**
 * Every page of the built weapp (dist/app.json: main package and subpackages) for every kind of person, on
 * localcloud's demo company: the page loads its real data, its WXML renders through WeChat's compiler without an
 * exception, and it either shows its content or refuses in Chinese. The list comes from app.json: a page added to
 * the app is opened here with no entry of its own (then it must render Chinese, whatever it shows).
 */
import { BROKEN, CHINESE, PEOPLE, ROLES, setUpWeappCloud, type Role } from './cloud'
import { allRoutes } from './phone'
import { chinaDay } from '../../domain/checkins'
import { demoOpenid } from '../../localcloud/seed/org'

const w = setUpWeappCloud()

/** The demo company has no 随机抽查 yet: the committee draws one among 运维部党支部's running projects. */
let spotCheck = ''
let record = ''
beforeAll(async () => {
  const drawn = (await w.cloud().invoke(
    'supervision',
    {
      action: 'createSpotCheck',
      payload: { requestId: 'weapp-pages-draw-1', size: 1, branchId: 'b-yunwei' },
    },
    PEOPLE.committee.openid,
  )) as { ok: boolean; data: { id: string } }
  expect(drawn).toEqual({ ok: true, data: expect.anything() })
  spotCheck = drawn.data.id
  // A 督导记录 of 党建部主任 (p059, who supervises 运维部党支部) with a follow-up owned by the member.
  const recorded = (await w.cloud().invoke(
    'supervision',
    {
      action: 'createRecord',
      payload: {
        requestId: 'weapp-pages-record-1',
        branchId: 'b-yunwei',
        method: 'phone',
        date: chinaDay(new Date()),
        contactId: PEOPLE.secretary.personId,
        findings: '项目推进正常，台账需补充现场照片。',
        photos: [],
        followUps: [
          {
            text: '补充现场照片',
            ownerId: PEOPLE.member.personId,
            deadline: chinaDay(new Date(Date.now() + 7 * 86_400_000)),
          },
        ],
      },
    },
    demoOpenid('p059'),
  )) as { ok: boolean; data: { id: string } }
  expect(recorded).toEqual({ ok: true, data: expect.anything() })
  record = recorded.data.id
})

interface PageSpec {
  /** The query a real link opens it with, ids from the demo company (运维部党支部's project prj-001…). */
  query?: string | (() => string)
  /** Who may not open it (with this query): the page says why, in Chinese. Everyone else sees its content. */
  refuses?: Role[]
  /** What those it is for see, when the page also says what it leaves to others (else: no refusal at all). */
  content?: RegExp
}

/** How a page says no: a role it is not for, a person it is not about, or a WeChat user who is no member. */
const REFUSAL =
  /没有权限|无权|只有|只能|仅供|不是支部书记|未登记为党员|由支部书记和党委|不是落实给你|不存在|没有找到|找不到/

const NOT_MEMBER: Role[] = ['guest']
/** Pages for a Party member's own work: a WeChat user who is not one is told to bind an invite code. */
const MEMBERS_ONLY = { refuses: NOT_MEMBER }

const PAGES: Record<string, PageSpec> = {
  'pages/index/index': MEMBERS_ONLY,
  'pages/checkin/index': MEMBERS_ONLY,
  'pages/approvals/index': { refuses: ['member', 'guest'] },
  'pages/mine/index': MEMBERS_ONLY,
  'pages/project/index': { query: 'id=prj-001', ...MEMBERS_ONLY },
  'pages/proposal/index': MEMBERS_ONLY,
  'pages/plan/index': { query: 'id=prj-001', ...MEMBERS_ONLY },
  'pages/acceptance/index': { query: 'id=prj-001', ...MEMBERS_ONLY },
  // 安质部党支部's project, waiting for the committee's acceptance review.
  'pages/review/index': { query: 'id=prj-005', refuses: ['member', 'secretary', 'guest'] },
  'pages/public/index': { query: 'id=prj-009' },
  // A milestone of 苏雅琴 (p005): nobody else checks in on it.
  'pages/checkin-new/index': {
    query: 'projectId=prj-001&taskId=t2&milestoneId=prj-001-m4',
    refuses: ['member', 'secretary', 'committee', 'guest'],
  },
  'pages/milestone-submit/index': { query: 'id=prj-001-m4', ...MEMBERS_ONLY },
  'pages/submission/index': { query: 'id=prj-001-m3', ...MEMBERS_ONLY },
  'pages/messages/index': MEMBERS_ONLY,
  'pages/reminder-settings/index': MEMBERS_ONLY,
  'pages/privacy/index': {},
  'packages/groups/pages/index/index': MEMBERS_ONLY,
  'packages/groups/pages/feed/index': { query: 'id=b-yunwei-g1', refuses: ['committee', 'guest'] },
  'packages/groups/pages/compose/index': {
    query: 'groupId=b-yunwei-g1&kind=post',
    refuses: ['committee', 'guest'],
  },
  'packages/groups/pages/post/index': { query: 'id=gp-demo-b-yunwei-g1-0', refuses: ['committee', 'guest'] },
  'packages/groups/pages/readers/index': {
    query: 'id=gp-demo-b-yunwei-g1-0',
    refuses: ['committee', 'guest'],
  },
  'packages/dashboard/pages/index/index': { refuses: ['member', 'guest'] },
  'packages/dashboard/pages/list/index': MEMBERS_ONLY,
  'packages/admin/pages/ledger/index': { query: 'projectId=prj-001', refuses: ['member', 'guest'] },
  'packages/admin/pages/supervision/index': { refuses: ['member', 'guest'] },
  'packages/admin/pages/spot-check/index': { query: () => `id=${spotCheck}`, refuses: ['member', 'guest'] },
  // The record's follow-up is the member's, its branch the secretary's: only a WeChat user without a grant is refused.
  'packages/admin/pages/supervision-record/index': { query: () => `id=${record}`, ...MEMBERS_ONLY },
  // Only the committee records a contact (supervision.createRecord).
  'packages/admin/pages/supervision-record-new/index': {
    query: 'branchId=b-yunwei',
    refuses: ['member', 'secretary', 'guest'],
  },
  'packages/admin/pages/rectifications/index': { refuses: ['member', 'guest'] },
  'packages/admin/pages/evaluation/index': { refuses: ['member', 'secretary', 'guest'] },
  'packages/admin/pages/survey/index': MEMBERS_ONLY,
  'packages/admin/pages/showcase/index': { ...MEMBERS_ONLY, content: /十佳精品项目/ },
  'packages/admin/pages/showcase-detail/index': { query: 'id=prj-013&year=2025', ...MEMBERS_ONLY },
  'packages/admin/pages/guide/index': MEMBERS_ONLY,
  'packages/org/pages/members/index': { refuses: ['member', 'committee', 'guest'] },
  'packages/org/pages/roster-import/index': { refuses: ['member', 'secretary', 'guest'] },
  'packages/org/pages/admin/index': { refuses: ['member', 'secretary', 'guest'] },
  'packages/lectures/pages/index/index': MEMBERS_ONLY,
  'packages/lectures/pages/detail/index': { query: 'id=lec-001', ...MEMBERS_ONLY },
  'packages/lectures/pages/quiz/index': { query: 'id=lec-002', ...MEMBERS_ONLY },
  'packages/lectures/pages/edit/index': { query: 'id=lec-001', refuses: ['member', 'guest'] },
  // A member sees their own study; the branch's and the company's are the secretary's and the committee's.
  'packages/lectures/pages/stats/index': { ...MEMBERS_ONLY, content: /我的学习/ },
}

const routes = allRoutes()

it('covers every page of app.json, main package and subpackages', () => {
  expect(routes.length).toBeGreaterThan(30)
  expect(routes.filter((r) => r.startsWith('packages/')).length).toBeGreaterThan(10)
})

describe.each(ROLES)('as %s', (role) => {
  it.each(routes)('%s loads, renders and shows its content or refuses in Chinese', async (route) => {
    const spec = PAGES[route] ?? {}
    const query = typeof spec.query === 'function' ? spec.query() : spec.query
    const { text } = await w.open(role, route, query)
    expect(text).toMatch(CHINESE)
    expect(text).not.toMatch(BROKEN)
    if (!PAGES[route]) return
    if (spec.refuses?.includes(role)) expect(text).toMatch(REFUSAL)
    else if (spec.content) expect(text).toMatch(spec.content)
    else expect(text).not.toMatch(REFUSAL)
  })
})
