import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import type { DatabaseSnapshot } from '../../localcloud/db/database'
import { schemas } from '../../types/api'
import type { Result } from '../../types/result'
import { guestCookie } from '../projects/__tests__/helpers'
import { DENIALS, PEOPLE, ROLES, TABLE, expected, payloadOf, prepareFixtures } from './authz-table'
import type { Fixtures, Outcome, Role } from './authz-table'

/**
 * Every action of every cloud function (read from `schemas` in types/api.ts, so a new action without an
 * entry in authz-table.ts fails here by name) × every role × own/other resource, through the HTTP gateway
 * as the app calls it. Each case starts from the same database: a case that wrote anything is followed by a
 * restore of the snapshot taken after the fixtures.
 */
let cloud: TestCloud
let fixtures: Fixtures
let snapshot: DatabaseSnapshot
const cookies = {} as Record<Role, string | null>

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  // Hundreds of calls per identity in seconds: the rate limit has its own test (gateway-abuse.test.ts).
  cloud = await startTestCloud({ rateLimit: false })
  for (const role of ['member', 'secretary', 'otherSecretary', 'committee'] as const) {
    cookies[role] = await cloud.signIn(PEOPLE[role])
  }
  cookies.public = guestCookie(cloud, 'authz-guest-openid')
  cookies.signedOut = null
  fixtures = await prepareFixtures(cloud, cookies as Record<string, string>)
  snapshot = cloud.db.snapshot()
}, 30_000)
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

const actionsInContract = (): string[] =>
  Object.entries(schemas).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`))

const CLASSES: Record<string, Outcome> = {
  CONFLICT: 'refused',
  INVALID_INPUT: 'refused',
  FORBIDDEN: 'denied',
  NOT_FOUND: 'hidden',
  NOT_REGISTERED: 'unregistered',
  UNAUTHENTICATED: 'unauthenticated',
}

const classOf = (res: Result<unknown>): string => (res.ok ? 'ok' : (CLASSES[res.code] ?? `code ${res.code}`))

describe('authorisation matrix', () => {
  it('has an entry for every action in types/api.ts, and none for an action that is gone', () => {
    const inContract = actionsInContract()
    const inTable = Object.entries(TABLE).flatMap(([fn, actions]) =>
      Object.keys(actions).map((a) => `${fn}.${a}`),
    )
    expect({ missingFromTable: inContract.filter((a) => !inTable.includes(a)) }).toEqual({
      missingFromTable: [],
    })
    expect({ notInContract: inTable.filter((a) => !inContract.includes(a)) }).toEqual({ notInContract: [] })
  })

  it('gives every role exactly the outcome the table says, and nobody an unauthorised success', async () => {
    const mismatches: string[] = []
    const writesOnRefusal: string[] = []
    const tally: Record<string, number> = {}
    let cases = 0
    let unauthorised = 0
    for (const [fn, actions] of Object.entries(schemas)) {
      for (const action of Object.keys(actions)) {
        const entry = TABLE[fn]?.[action]
        if (!entry) continue
        for (const [scope, payload] of Object.entries(entry.payloads)) {
          for (const role of ROLES) {
            const want = expected(entry, role, scope)
            const before = cloud.db.changes()
            const res = (await cloud.call(
              cookies[role],
              fn as 'org',
              action as 'whoami',
              payloadOf(payload, fixtures) as never,
            )) as Result<unknown>
            const wrote = cloud.db.changes() !== before
            const got = classOf(res)
            cases += 1
            tally[got] = (tally[got] ?? 0) + 1
            const label = `${fn}.${action} [${scope}] as ${role}`
            if (res.ok && DENIALS.includes(want)) unauthorised += 1
            if (got !== want) {
              mismatches.push(`${label}: expected ${want}, got ${got}${res.ok ? '' : ` (${res.message})`}`)
            }
            if (!res.ok && wrote && !entry.writesOnRefusal)
              writesOnRefusal.push(`${label}: ${res.code} yet wrote`)
            if (wrote) cloud.db.restore(snapshot)
          }
        }
      }
    }
    process.stdout.write(
      `authorisation matrix: ${cases} cases over ${actionsInContract().length} actions × ${ROLES.length} roles; ` +
        `outcomes ${JSON.stringify(tally)}; unauthorised successes: ${unauthorised}\n`,
    )
    expect(mismatches).toEqual([])
    expect(writesOnRefusal).toEqual([])
    expect(unauthorised).toBe(0)
    expect(cases).toBeGreaterThan(500)
  }, 60_000)
})
