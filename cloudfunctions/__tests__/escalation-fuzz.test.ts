import fc from 'fast-check'
import { randomBytes } from 'node:crypto'
import type { DatabaseSnapshot } from '../../localcloud/db/database'
import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import type { RoleGrant } from '../../types/entities'
import type { Result } from '../../types/result'
import { guestCookie } from '../projects/__tests__/helpers'
import { PEOPLE } from './authz-table'

/**
 * Role-escalation sequences: random chains of createInvite, bindInvite and roster imports that change roles or
 * add people, by every caller, over people on the roster holding every role. After every step the committee's
 * identities (bound committee members, and live codes that would bind one) may only have grown on the word
 * of a committee member: the caller, or for a bind, whoever made the code.
 */
const RUNS = 60
const CALLERS = ['member', 'secretary', 'otherSecretary', 'committee'] as const
type Caller = (typeof CALLERS)[number]
const BRANCHES = { 'b-yunwei': '运维部党支部', 'b-yingxiao': '营销部党支部' } as const
type BranchId = keyof typeof BRANCHES
const HELD = ['member', 'secretary', 'committee'] as const

/** People on the roster, not yet bound: every role in both branches. */
const POOL = (Object.keys(BRANCHES) as BranchId[]).flatMap((branchId, b) =>
  HELD.map((held, h) => ({
    _id: `fuzz-${branchId}-${held}`,
    phone: `1390000${b}${h}00`,
    branchId,
    grants: [
      { role: 'member', branchId },
      ...(held === 'secretary' ? [{ role: 'secretary', branchId }] : []),
      ...(held === 'committee' ? [{ role: 'committee' }] : []),
    ] as RoleGrant[],
  })),
)

type Step =
  | { kind: 'invite'; by: Caller; target: number }
  | { kind: 'bind'; code: number }
  | { kind: 'setRole'; by: Caller; target: number; role: '党员' | '支部书记' | '' }
  | { kind: 'addPerson'; by: Caller; branch: BranchId; role: '党员' | '支部书记' }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('invite' as const),
    by: fc.constantFrom(...CALLERS),
    target: fc.nat(POOL.length - 1),
  }),
  fc.record({ kind: fc.constant('bind' as const), code: fc.nat(20) }),
  fc.record({
    kind: fc.constant('setRole' as const),
    by: fc.constantFrom(...CALLERS),
    target: fc.nat(POOL.length - 1),
    role: fc.constantFrom('党员' as const, '支部书记' as const, '' as const),
  }),
  fc.record({
    kind: fc.constant('addPerson' as const),
    by: fc.constantFrom(...CALLERS),
    branch: fc.constantFrom(...(Object.keys(BRANCHES) as BranchId[])),
    role: fc.constantFrom('党员' as const, '支部书记' as const),
  }),
)

let cloud: TestCloud
let base: DatabaseSnapshot
const cookies = {} as Record<Caller, string>

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud({ rateLimit: false })
  for (const c of CALLERS) cookies[c] = await cloud.signIn(PEOPLE[c])
  cloud.db.insertMany(
    'people',
    POOL.map((p) => ({ ...p, openid: '', name: '待绑定党员', groupId: null, title: '' })),
  )
  base = cloud.db.snapshot()
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

interface Doc {
  _id: string
  [k: string]: unknown
}
const committeeIds = () =>
  new Set(
    cloud.db
      .find('people', { grants: { $elemMatch: { role: 'committee' } } }, { limit: 5000 })
      .map((p) => String(p._id)),
  )

/** Bound committee members, and live codes for people holding committee: what only the committee may add. */
function committeeIdentities(): { bound: string[]; codes: Doc[] } {
  const holders = cloud.db.find('people', { 'grants.role': 'committee' }, { limit: 5000 }) as Doc[]
  return {
    bound: holders.filter((p) => p.openid !== '').map((p) => p._id),
    codes: cloud.db.find(
      'invites',
      { personId: { $in: holders.map((p) => p._id) }, usedAt: null, revoked: false },
      { limit: 5000 },
    ) as Doc[],
  }
}

const call = async (cookie: string, action: string, payload: unknown) =>
  (await cloud.call(cookie, 'org', action as 'whoami', payload as never)) as Result<Record<string, unknown>>

describe('role-escalation sequences', () => {
  it('never add a committee identity without a committee member’s word', async () => {
    const committee = committeeIds()
    let steps = 0
    let succeeded = 0
    let sequences = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (chain) => {
        sequences += 1
        cloud.db.restore(base)
        const codes: { code: string; by: Caller }[] = []
        for (const s of chain) {
          const before = committeeIdentities()
          let res: Result<Record<string, unknown>>
          let granter: Caller | 'public'
          if (s.kind === 'invite') {
            granter = s.by
            res = await call(cookies[s.by], 'createInvite', { personId: POOL[s.target]._id })
            if (res.ok) codes.push({ code: String(res.data.code), by: s.by })
          } else if (s.kind === 'bind') {
            const made = codes[s.code % Math.max(1, codes.length)]
            granter = made?.by ?? 'public'
            const guest = guestCookie(cloud, `fuzz-${randomBytes(6).toString('hex')}`)
            res = await call(guest, 'bindInvite', { code: made?.code ?? 'ZZZZ-9999' })
          } else {
            granter = s.by
            const row =
              s.kind === 'setRole'
                ? {
                    name: '待绑定党员',
                    phone: POOL[s.target].phone,
                    branch: BRANCHES[POOL[s.target].branchId],
                    role: s.role,
                  }
                : {
                    name: '新党员',
                    phone: `1370000${randomBytes(2).readUInt16BE(0) % 10_000}`.padEnd(11, '0'),
                    branch: BRANCHES[s.branch],
                    role: s.role,
                  }
            res = await call(cookies[s.by], 'importRoster', { rows: [{ row: 2, ...row }], commit: true })
          }
          steps += 1
          if (res.ok) succeeded += 1
          const after = committeeIdentities()
          const newBound = after.bound.filter((id) => !before.bound.includes(id))
          const newCodes = after.codes.filter((c) => !before.codes.some((b) => b._id === c._id))
          if (granter !== 'committee' && (newBound.length > 0 || newCodes.length > 0))
            throw new Error(
              `${JSON.stringify(s)} by ${granter} added ${JSON.stringify({ newBound, newCodes })}`,
            )
          // Every live code for a committee holder was made by a committee member.
          for (const c of after.codes)
            if (!committee.has(String(c.createdBy)))
              throw new Error(`${JSON.stringify(s)}: a live committee code made by ${String(c.createdBy)}`)
        }
      }),
      // A loaded machine runs fewer sequences in the time (each one it runs still checked in full).
      { numRuns: RUNS, interruptAfterTimeLimit: 75_000, markInterruptAsFailure: false },
    )
    process.stdout.write(
      `role-escalation fuzz: ${sequences} of ${RUNS} sequences, ${steps} steps, ${succeeded} succeeded\n`,
    )
    expect(sequences).toBeGreaterThanOrEqual(5)
    expect(succeeded).toBeGreaterThan(0)
  })
})
