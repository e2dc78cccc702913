import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import type { DatabaseSnapshot } from '../../localcloud/db/database'
import { resolveProfile } from '../../localcloud/profile'
import { schemas } from '../../types/api'
import { ROUND_TRIPS as checkins } from '../checkins/budgets'
import { ROUND_TRIPS as dashboard } from '../dashboard/budgets'
import { ROUND_TRIPS as groups } from '../groups/budgets'
import { ROUND_TRIPS as lectures } from '../lectures/budgets'
import { ROUND_TRIPS as ledger } from '../ledger/budgets'
import { ROUND_TRIPS as messages } from '../messages/budgets'
import { ROUND_TRIPS as org } from '../org/budgets'
import { ROUND_TRIPS as projects } from '../projects/budgets'
import { ROUND_TRIPS as supervision } from '../supervision/budgets'
import { guestCookie } from '../projects/__tests__/helpers'
import { PEOPLE, TABLE, expected, payloadOf, prepareFixtures } from './authz-table'
import type { Fixtures, Role } from './authz-table'

/**
 * Every action's declared round-trip budget (cloudfunctions/<fn>/budgets.ts), held: each successful case of the
 * authorisation table (every action, every scope, every role that may call it) is called through the gateway and
 * its sequential database round trips, as localcloud counts them (requests issued together count once), must
 * not exceed the budget. On CloudBase each of those waits a network round trip, so this is what a call costs.
 */
const BUDGETS: Record<string, Readonly<Record<string, number>>> = {
  checkins,
  dashboard,
  groups,
  lectures,
  ledger,
  messages,
  org,
  projects,
  supervision,
}

/** The round trip every request waits in this test. */
const LATENCY_MS = 10

/** What the issue asks of every read: a list or a detail in at most three round trips. */
const READ_LIMIT = 3

let cloud: TestCloud
let fixtures: Fixtures
let snapshot: DatabaseSnapshot
const cookies = {} as Record<Role, string>

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  // Every request waits a fixed round trip, so requests issued together overlap however many steps the SDK
  // takes before sending each, and a request issued after another's answer never does.
  cloud = await startTestCloud({
    rateLimit: false,
    profile: { ...resolveProfile(), latency: { meanMs: LATENCY_MS, jitterMs: 0 } },
  })
  for (const role of ['member', 'secretary', 'otherSecretary', 'committee'] as const) {
    cookies[role] = await cloud.signIn(PEOPLE[role])
  }
  fixtures = await prepareFixtures(cloud, cookies)
  snapshot = cloud.db.snapshot()
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

const contract = (): [string, string][] =>
  Object.entries(schemas).flatMap(([fn, actions]) =>
    Object.keys(actions).map((a) => [fn, a] as [string, string]),
  )

describe('round-trip budgets', () => {
  it('declares a budget for every action, and none for an action that is gone', () => {
    expect(contract().filter(([fn, a]) => typeof BUDGETS[fn]?.[a] !== 'number')).toEqual([])
    const declared = Object.entries(BUDGETS).flatMap(([fn, b]) => Object.keys(b).map((a) => `${fn}.${a}`))
    const inContract = contract().map(([fn, a]) => `${fn}.${a}`)
    expect(declared.filter((a) => !inContract.includes(a))).toEqual([])
  })

  it('holds every read to three, a check-in to four and a milestone decision to five', () => {
    const over = Object.entries(BUDGETS).flatMap(([fn, b]) =>
      Object.entries(b)
        .filter(([a, n]) => READS.has(`${fn}.${a}`) && n > READ_LIMIT)
        .map(([a, n]) => `${fn}.${a}: ${n}`),
    )
    expect(over).toEqual([])
    // The member's check-in and the secretary's decision, tapped on a phone many times a day.
    expect(checkins.create).toBeLessThanOrEqual(4)
    expect(checkins.approveMilestone).toBeLessThanOrEqual(5)
    expect(checkins.returnMilestone).toBeLessThanOrEqual(5)
  })

  it('keeps every successful call of every action within its budget', async () => {
    const over: string[] = []
    const measured = new Map<string, number>()
    for (const [fn, action] of contract()) {
      const entry = TABLE[fn]?.[action]
      if (!entry) continue
      for (const [scope, payload] of Object.entries(entry.payloads)) {
        for (const role of ['member', 'secretary', 'otherSecretary', 'committee', 'public'] as const) {
          if (expected(entry, role, scope) !== 'ok') continue
          // A fresh WeChat user for each public call: binding spends a user's one claim.
          const cookie =
            role === 'public' ? guestCookie(cloud, `budget-${fn}-${action}-${scope}`) : cookies[role]
          const before = cloud.db.changes()
          const r = await cloud.callTraced(
            cookie,
            fn as 'org',
            action as 'whoami',
            payloadOf(payload, fixtures) as never,
          )
          if (cloud.db.changes() !== before) cloud.db.restore(snapshot)
          if (!r.result.ok) continue
          const label = `${fn}.${action} [${scope}] as ${role}`
          measured.set(`${fn}.${action}`, Math.max(measured.get(`${fn}.${action}`) ?? 0, r.roundTrips))
          if (r.roundTrips > BUDGETS[fn][action])
            over.push(`${label}: ${r.roundTrips} > ${BUDGETS[fn][action]}`)
        }
      }
    }
    process.stdout.write(
      `round trips per action (most seen): ${[...measured].map(([a, n]) => `${a} ${n}`).join(', ')}\n`,
    )
    expect(over).toEqual([])
    // Every action was measured at least once, each call cost something, and no budget is left far too loose.
    expect(contract().filter(([fn, a]) => !measured.has(`${fn}.${a}`))).toEqual([])
    expect([...measured.values()].every((n) => n >= 1)).toBe(true)
    const loose = [...measured]
      .filter(([key]) => !GROWS_WITH_INPUT.has(key))
      .filter(([key, n]) => BUDGETS[key.split('.')[0]][key.split('.')[1]] > n + 2)
      .map(([key, n]) => `${key}: budget ${BUDGETS[key.split('.')[0]][key.split('.')[1]]}, took ${n}`)
    expect(loose).toEqual([])
  })

  it('loads the home page, all its calls issued together, in at most four round trips', async () => {
    cloud.db.restore(snapshot)
    const calls = await Promise.all([
      cloud.callTraced(cookies.member, 'org', 'whoami', {}),
      cloud.callTraced(cookies.member, 'org', 'listBranches', {}),
      cloud.callTraced(cookies.member, 'projects', 'list', { page: 1, pageSize: 20 }),
      cloud.callTraced(cookies.member, 'checkins', 'inboxCount', {}),
      cloud.callTraced(cookies.member, 'messages', 'unreadCount', {}),
    ])
    expect(calls.map((c) => c.result.ok)).toEqual([true, true, true, true, true])
    expect(Math.max(...calls.map((c) => c.roundTrips))).toBeLessThanOrEqual(4)
  })
})

/** Actions whose budget is for their largest input (a 2,000-row roster, a full roll-up), more than the table's case takes. */
// A large ledger's job reads its check-ins 1,000 a round trip, and notes its progress every 5,000 rows.
const GROWS_WITH_INPUT = new Set([
  'org.importRoster',
  'org.runMergeJob',
  'dashboard.refresh',
  'ledger.runJob',
])

/** The actions that only read: lists, details, counts and figures. */
const READS = new Set([
  'org.whoami',
  'org.listBranches',
  'org.listMembers',
  'projects.list',
  'projects.get',
  'projects.publicGet',
  'projects.guide',
  'checkins.myTasks',
  'checkins.history',
  'checkins.myStats',
  'checkins.inbox',
  'checkins.inboxCount',
  'checkins.getSubmission',
  'groups.myGroups',
  'groups.feed',
  'groups.comments',
  'groups.get',
  'groups.readers',
  'groups.roster',
  'groups.groupProjects',
  'lectures.list',
  'lectures.get',
  'lectures.stats',
  'messages.list',
  'messages.unreadCount',
  'messages.getSettings',
  'messages.templates',
  'dashboard.committee',
  'dashboard.branch',
  'dashboard.overdue',
  'dashboard.league',
  'ledger.preview',
  'ledger.job',
  'supervision.assignments',
  'supervision.myBranches',
  'supervision.candidates',
  'supervision.listSpotChecks',
  'supervision.getSpotCheck',
  'supervision.evaluation',
])
