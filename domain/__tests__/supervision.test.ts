import type { Actor } from '../roles'
import {
  canSeeSpotCheck,
  canSupervise,
  isRectificationOverdue,
  overdueByProject,
  quietProjects,
  quietWindowStart,
  rectificationActions,
  rectificationStep,
  spotCheckScope,
  supervisedProjects,
} from '../supervision'
import { canExportLedger } from '../ledger-permissions'

const OWN = 'b1'
const OTHER = 'b2'

const actors: Record<string, Actor> = {
  member: { _id: 'm1', branchId: OWN, grants: [{ role: 'member', branchId: OWN }] },
  secretaryOwn: {
    _id: 's1',
    branchId: OWN,
    grants: [
      { role: 'member', branchId: OWN },
      { role: 'secretary', branchId: OWN },
    ],
  },
  secretaryOther: {
    _id: 's2',
    branchId: OTHER,
    grants: [
      { role: 'member', branchId: OTHER },
      { role: 'secretary', branchId: OTHER },
    ],
  },
  committee: {
    _id: 'c1',
    branchId: 'b0',
    grants: [{ role: 'member', branchId: 'b0' }, { role: 'committee' }],
  },
  guest: { _id: 'guest:o1', branchId: null, grants: [] },
}

describe('who supervises, and who exports a ledger', () => {
  it.each([
    ['member', false, false],
    ['secretaryOwn', false, true],
    ['secretaryOther', false, false],
    ['committee', true, true],
    ['guest', false, false],
  ])('%s: supervise %s, export branch b1’s ledger %s', (who, supervise, exportOwn) => {
    expect(canSupervise(actors[who])).toBe(supervise)
    expect(canExportLedger(actors[who], OWN)).toBe(exportOwn)
  })

  it('shows a secretary the spot checks of their branch only, the committee all, a member none', () => {
    expect(spotCheckScope(actors.committee)).toEqual({ all: true })
    expect(spotCheckScope(actors.secretaryOwn)).toEqual({ all: false, branchIds: [OWN] })
    expect(spotCheckScope(actors.member)).toBeNull()
    const check = { branchIds: [OWN, 'b3'] }
    expect(canSeeSpotCheck(actors.committee, check)).toBe(true)
    expect(canSeeSpotCheck(actors.secretaryOwn, check)).toBe(true)
    expect(canSeeSpotCheck(actors.secretaryOther, check)).toBe(false)
    expect(canSeeSpotCheck(actors.member, check)).toBe(false)
  })
})

describe('rectification steps', () => {
  const task = (status: 'open' | 'done' | 'confirmed', doneBy: string | null = null) => ({
    status,
    branchId: OWN,
    doneBy,
  })

  it.each([
    // who, action, from, expected
    ['secretaryOwn', 'complete', 'open', 'done'],
    ['secretaryOther', 'complete', 'open', 'FORBIDDEN'],
    ['member', 'complete', 'open', 'FORBIDDEN'],
    ['committee', 'complete', 'open', 'FORBIDDEN'],
    ['secretaryOwn', 'complete', 'done', 'ILLEGAL_TRANSITION'],
    ['committee', 'confirm', 'done', 'confirmed'],
    ['committee', 'reopen', 'done', 'open'],
    ['committee', 'confirm', 'open', 'ILLEGAL_TRANSITION'],
    ['committee', 'confirm', 'confirmed', 'ILLEGAL_TRANSITION'],
    ['secretaryOwn', 'confirm', 'done', 'FORBIDDEN'],
    ['secretaryOther', 'reopen', 'done', 'FORBIDDEN'],
    ['member', 'reopen', 'done', 'FORBIDDEN'],
  ] as const)('%s %s from %s → %s', (who, action, from, expected) => {
    const res = rectificationStep(actors[who], action, task(from, from === 'open' ? null : 's1'))
    expect(res.ok ? res.to : res.reason).toBe(expected)
  })

  it('lets nobody confirm a completion they reported themselves', () => {
    const both: Actor = {
      _id: 'x1',
      branchId: OWN,
      grants: [{ role: 'secretary', branchId: OWN }, { role: 'committee' }],
    }
    expect(rectificationStep(both, 'confirm', task('done', 'x1'))).toEqual({
      ok: false,
      reason: 'OWN_SUBMISSION',
    })
    expect(rectificationStep(both, 'confirm', task('done', 's1'))).toEqual({ ok: true, to: 'confirmed' })
  })

  it('offers each person what they may do now', () => {
    expect(rectificationActions(actors.secretaryOwn, task('open'))).toEqual(['complete'])
    expect(rectificationActions(actors.committee, task('done', 's1'))).toEqual(['confirm', 'reopen'])
    expect(rectificationActions(actors.committee, task('confirmed', 's1'))).toEqual([])
    expect(rectificationActions(actors.member, task('open'))).toEqual([])
  })

  it('calls a task overdue after its deadline day until it is confirmed', () => {
    const deadline = new Date(Date.UTC(2026, 5, 30))
    expect(isRectificationOverdue({ status: 'open', deadline }, '2026-06-30')).toBe(false)
    expect(isRectificationOverdue({ status: 'open', deadline }, '2026-07-01')).toBe(true)
    expect(isRectificationOverdue({ status: 'done', deadline }, '2026-07-01')).toBe(true)
    expect(isRectificationOverdue({ status: 'confirmed', deadline }, '2026-07-01')).toBe(false)
  })
})

describe('my branches', () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`)
  const milestones = [
    { projectId: 'p1', deadline: day('2026-03-01'), status: 'open' as const },
    { projectId: 'p1', deadline: day('2026-03-01'), status: 'approved' as const },
    { projectId: 'p1', deadline: day('2026-03-01'), status: 'returned' as const },
    { projectId: 'p2', deadline: day('2026-03-10'), status: 'submitted' as const },
    { projectId: 'p2', deadline: null, status: 'open' as const },
  ]

  it('counts milestones past their deadline and not approved, per project', () => {
    expect(overdueByProject(milestones, '2026-03-05')).toEqual(new Map([['p1', 2]]))
    expect(overdueByProject(milestones, '2026-03-11')).toEqual(
      new Map([
        ['p1', 2],
        ['p2', 1],
      ]),
    )
  })

  it('puts the most overdue projects first, then the least advanced', () => {
    const projects = [
      { _id: 'p3', progress: 10 },
      { _id: 'p1', progress: 50 },
      { _id: 'p2', progress: 5 },
    ]
    const order = supervisedProjects(projects, new Map([['p1', 2]])).map((p) => [p._id, p.overdueMilestones])
    expect(order).toEqual([
      ['p1', 2],
      ['p2', 0],
      ['p3', 0],
    ])
  })
})

describe('projects with no check-in for 14 days', () => {
  it('reads the counters from the week holding the 14th day back', () => {
    expect(quietWindowStart('2031-04-04')).toBe('2031-03-17') // Friday: 22 March is a Saturday
    expect(quietWindowStart('2031-03-30')).toBe('2031-03-17') // Sunday: 17 March is that Monday
    expect(quietWindowStart('2031-03-31')).toBe('2031-03-17') // Monday: 18 March, a Tuesday
    expect(quietWindowStart('2028-03-13')).toBe('2028-02-28') // across a leap day: 29 February, a Tuesday
  })

  it('flags running projects only, and not one with a check-in counted', () => {
    const projects = [
      { _id: 'a', status: 'in_progress' as const },
      { _id: 'b', status: 'in_progress' as const },
      { _id: 'c', status: 'acceptance_requested' as const },
    ]
    const weeks = [
      { projectId: 'a', count: 2 },
      { projectId: 'b', count: 0 },
    ]
    expect([...quietProjects(projects, weeks)]).toEqual(['b'])
  })
})
