import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import type { DatabaseSnapshot } from '../../localcloud/db/database'
import { schemas } from '../../types/api'
import type { Result } from '../../types/result'
import { guestCookie } from '../projects/__tests__/helpers'
import {
  DENIALS,
  ESCALATION,
  PEOPLE,
  ROLES,
  TABLE,
  TARGET_ROLES,
  expected,
  payloadOf,
  prepareFixtures,
} from './authz-table'
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
/** Actions seen writing to `people` or `invites` in the matrix: each must have a role-escalation entry. */
const identityWriters = new Set<string>()

/** The documents that make up identities: who is on the roster with which roles and WeChat, and live codes. */
const identities = (): string =>
  JSON.stringify([
    cloud.db.find('people', {}, { sort: { _id: 1 }, limit: 5000 }),
    cloud.db.find('invites', {}, { sort: { _id: 1 }, limit: 5000 }),
  ])

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
  identitiesAtStart = identities()
})
let identitiesAtStart = ''
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
            if (wrote && identities() !== identitiesAtStart) identityWriters.add(`${fn}.${action}`)
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
  })
})

/** Bound committee members and codes that would make one: what no one but the committee may add to. */
function committeeIdentities(): { bound: string[]; codes: string[] } {
  const holders = cloud.db.find('people', { 'grants.role': 'committee' }, { limit: 5000 })
  const ids = holders.map((p) => String(p._id))
  return {
    bound: holders.filter((p) => p.openid !== '').map((p) => String(p._id)),
    codes: cloud.db
      .find('invites', { personId: { $in: ids }, usedAt: null, revoked: false }, { limit: 5000 })
      .map((i) => String(i._id)),
  }
}

describe('role escalation', () => {
  it('has an entry for every action that created, invited, bound or changed a person in the matrix', () => {
    const escalation = Object.entries(ESCALATION).flatMap(([fn, actions]) =>
      Object.keys(actions).map((a) => `${fn}.${a}`),
    )
    expect(identityWriters.size).toBeGreaterThan(0)
    expect({ missing: [...identityWriters].filter((a) => !escalation.includes(a)) }).toEqual({ missing: [] })
    expect({ notInContract: escalation.filter((a) => !actionsInContract().includes(a)) }).toEqual({
      notInContract: [],
    })
  })

  it('hands no caller an identity with a role they lack; committee identities come only on the committee’s word', async () => {
    const mismatches: string[] = []
    const escalations: string[] = []
    const writesOnRefusal: string[] = []
    let cases = 0
    const base = cloud.db.snapshot()
    const staff = { secretary: cookies.secretary as string, committee: cookies.committee as string }
    for (const [fn, actions] of Object.entries(ESCALATION)) {
      for (const [action, entry] of Object.entries(actions)) {
        for (const scope of entry.scopes ?? ['']) {
          for (const target of TARGET_ROLES) {
            for (const role of ROLES) {
              const payload = await entry.prepare(cloud, staff, target, scope)
              // A fresh WeChat user each time: binding spends a user's one claim.
              const cookie = role === 'public' ? guestCookie(cloud, `authz-esc-${cases}`) : cookies[role]
              const before = committeeIdentities()
              const changes = cloud.db.changes()
              const res = (await cloud.call(
                cookie,
                fn as 'org',
                action as 'whoami',
                payload as never,
              )) as Result<unknown>
              const wrote = cloud.db.changes() !== changes
              const after = committeeIdentities()
              const want = entry.expect(role, target, scope)
              const got = classOf(res)
              const label = `${fn}.${action}${scope ? ` [${scope}]` : ''} for a ${target} as ${role}`
              cases += 1
              if (got !== want)
                mismatches.push(`${label}: expected ${want}, got ${got}${res.ok ? '' : ` (${res.message})`}`)
              const grew = (k: 'bound' | 'codes') => after[k].some((id) => !before[k].includes(id))
              if ((entry.granter?.(role, scope) ?? role) !== 'committee' && (grew('bound') || grew('codes')))
                escalations.push(`${label}: ${JSON.stringify({ before, after })}`)
              if (!res.ok && wrote && !TABLE[fn]?.[action]?.writesOnRefusal)
                writesOnRefusal.push(`${label}: ${res.code} yet wrote`)
              cloud.db.restore(base)
            }
          }
        }
      }
    }
    process.stdout.write(`role escalation: ${cases} cases; escalations: ${escalations.length}\n`)
    expect(escalations).toEqual([])
    expect(mismatches).toEqual([])
    expect(writesOnRefusal).toEqual([])
    expect(cases).toBe(
      Object.values(ESCALATION)
        .flatMap((actions) => Object.values(actions))
        .reduce((n, e) => n + (e.scopes?.length ?? 1) * TARGET_ROLES.length * ROLES.length, 0),
    )
  })
})

/**
 * Denials that depend on the particular object (a task the caller is not on, a group of a branch the committee
 * member does not belong to, a lecture they cannot see): found only after reading a valid payload's object.
 */
const OBJECT_LEVEL: Record<string, readonly Role[]> = {
  'checkins.create': ['secretary', 'otherSecretary', 'committee'],
  'checkins.submitMilestone': ['secretary', 'otherSecretary', 'committee'],
  // Only a check-in's author corrects it: anyone may be one, so the record decides.
  'checkins.editCheckin': ['secretary', 'otherSecretary', 'committee'],
  'checkins.withdrawCheckin': ['secretary', 'otherSecretary', 'committee'],
  // Pinning and readers: the branch secretary or the group's own leader (党小组长).
  'groups.*': ['member', 'committee'],
  'lectures.publish': ['member'],
  'lectures.submitQuiz': ['committee'],
  // Only a follow-up's owner closes it: anyone may be one, so the record decides.
  'supervision.closeFollowUp': ['secretary', 'committee'],
  // A 管理台账 export job is its maker's: any secretary or committee member may make one, so the job decides.
  'ledger.job': ['committee'],
  'ledger.runJob': ['committee'],
}

describe('permission before validation', () => {
  it('gives a caller denied an action by role the same denial for an invalid payload, never INVALID_INPUT', async () => {
    const mismatches: string[] = []
    let cases = 0
    for (const [fn, actions] of Object.entries(schemas)) {
      for (const action of Object.keys(actions)) {
        const entry = TABLE[fn]?.[action]
        if (!entry) continue
        const scope = Object.keys(entry.payloads)[0]
        for (const role of ROLES) {
          const want = expected(entry, role, scope)
          const cell = entry.expect[role as 'member'] ?? want
          const objectLevel = [...(OBJECT_LEVEL[`${fn}.${action}`] ?? []), ...(OBJECT_LEVEL[`${fn}.*`] ?? [])]
          if (typeof cell !== 'string' || !DENIALS.includes(want) || objectLevel.includes(role)) continue
          // A valid payload plus a field no schema has, and a payload that is no object at all.
          for (const payload of [
            { ...payloadOf(entry.payloads[scope], fixtures), unexpected: 1 },
            'nonsense',
          ]) {
            const before = cloud.db.changes()
            const res = (await cloud.call(
              cookies[role],
              fn as 'org',
              action as 'whoami',
              payload as never,
            )) as Result<unknown>
            cases += 1
            const got = classOf(res)
            if (got !== want) mismatches.push(`${fn}.${action} as ${role}: expected ${want}, got ${got}`)
            if (cloud.db.changes() !== before) cloud.db.restore(snapshot)
          }
        }
      }
    }
    process.stdout.write(`permission before validation: ${cases} cases\n`)
    expect(mismatches).toEqual([])
    expect(cases).toBeGreaterThan(300)
  })
})
