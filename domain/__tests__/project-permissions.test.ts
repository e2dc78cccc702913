import { PROJECT_ACTIONS } from '../../types/entities'
import type { ProjectAction, ProjectStatus } from '../../types/entities'
import { availableActions, canAct, canReadProject, draftBranch, isPublic } from '../project-permissions'
import type { Actor } from '../roles'

const OWN = 'b1'
const OTHER = 'b2'

const actors: Record<string, Actor> = {
  member: { _id: 'm1', branchId: OWN, grants: [{ role: 'member', branchId: OWN }] },
  secretary: {
    _id: 's1',
    branchId: OWN,
    grants: [
      { role: 'member', branchId: OWN },
      { role: 'secretary', branchId: OWN },
    ],
  },
  committee: {
    _id: 'c1',
    branchId: 'b0',
    grants: [{ role: 'member', branchId: 'b0' }, { role: 'committee' }],
  },
  /** A secretary who also sits on the committee: the case "nobody approves their own submission" is for. */
  both: {
    _id: 'x1',
    branchId: OWN,
    grants: [{ role: 'member', branchId: OWN }, { role: 'secretary', branchId: OWN }, { role: 'committee' }],
  },
  guest: { _id: 'guest:o1', branchId: null, grants: [] },
}

// Written out by hand rather than read from TRANSITIONS, so a change there has to be a change here too.
const SECRETARY_ACTIONS: ProjectAction[] = [
  'create',
  'edit',
  'submit',
  'withdraw',
  'save_plan',
  'start',
  'request_acceptance',
]
const COMMITTEE_ACTIONS: ProjectAction[] = ['approve', 'return', 'accept', 'return_acceptance', 'archive']
const DECISIONS: ProjectAction[] = ['approve', 'return', 'accept', 'return_acceptance']

type Expect = 'ok' | 'FORBIDDEN' | 'OWN_SUBMISSION'

function expected(who: string, action: ProjectAction, branch: string, ownSubmission: boolean): Expect {
  const secretaryHere = (who === 'secretary' || who === 'both') && branch === OWN
  const committee = who === 'committee' || who === 'both'
  const allowed = SECRETARY_ACTIONS.includes(action) ? secretaryHere : committee
  if (!allowed) return 'FORBIDDEN'
  return ownSubmission && DECISIONS.includes(action) ? 'OWN_SUBMISSION' : 'ok'
}

const matrix = Object.keys(actors).flatMap((who) =>
  PROJECT_ACTIONS.flatMap((action) =>
    [OWN, OTHER].flatMap((branch) =>
      [false, true].map((own): [string, ProjectAction, string, boolean] => [who, action, branch, own]),
    ),
  ),
)

describe('canAct: role × action × own/other branch × own submission', () => {
  it('has the whole matrix', () => {
    expect(COMMITTEE_ACTIONS.length + SECRETARY_ACTIONS.length).toBe(PROJECT_ACTIONS.length)
    expect(matrix).toHaveLength(5 * 12 * 2 * 2)
  })

  it.each(matrix)('%s → %s on branch %s (own submission: %s)', (who, action, branch, ownSubmission) => {
    const actor = actors[who]
    const project = { branchId: branch, submittedBy: ownSubmission ? actor._id : 'someone-else' }
    const want = expected(who, action, branch, ownSubmission)
    expect(canAct(actor, action, project)).toEqual(want === 'ok' ? { ok: true } : { ok: false, reason: want })
  })
})

describe('canReadProject', () => {
  it.each([
    ['member', OWN, true],
    ['member', OTHER, false],
    ['secretary', OWN, true],
    ['secretary', OTHER, false],
    ['committee', OWN, true],
    ['committee', OTHER, true],
    ['guest', OWN, false],
  ] as const)('%s reading a project of %s: %s', (who, branchId, allowed) => {
    expect(canReadProject(actors[who], { branchId })).toBe(allowed)
  })
})

describe('isPublic', () => {
  it.each([
    ['draft', false],
    ['submitted', false],
    ['returned', false],
    ['approved', false],
    ['in_progress', true],
    ['acceptance_requested', true],
    ['closed', true],
    ['archived', true],
  ] as [ProjectStatus, boolean][])('%s → %s', (status, open) => {
    expect(isPublic({ status })).toBe(open)
  })
})

describe('draftBranch', () => {
  it('puts a secretary’s draft in their branch, or the one they ask for if it is theirs', () => {
    expect(draftBranch(actors.secretary, undefined)).toBe(OWN)
    expect(draftBranch(actors.secretary, OWN)).toBe(OWN)
    expect(draftBranch(actors.secretary, OTHER)).toBeNull()
  })

  it('lets nobody else draft', () => {
    expect(draftBranch(actors.member, undefined)).toBeNull()
    expect(draftBranch(actors.member, OWN)).toBeNull()
    expect(draftBranch(actors.committee, undefined)).toBeNull()
    expect(draftBranch(actors.guest, undefined)).toBeNull()
  })
})

describe('availableActions', () => {
  const none = { missingFields: 0, planProblems: 0 }
  const project = (status: ProjectStatus, submittedBy: string | null = null) => ({
    branchId: OWN,
    status,
    submittedBy,
  })

  it('offers the secretary edit and submit on a complete draft, but not submit on an incomplete one', () => {
    expect(availableActions(actors.secretary, project('draft'), none)).toEqual(['edit', 'submit'])
    expect(availableActions(actors.secretary, project('draft'), { ...none, missingFields: 2 })).toEqual([
      'edit',
    ])
  })

  it('offers the committee approve and return on a proposal, not its own', () => {
    expect(availableActions(actors.committee, project('submitted', 's1'), none)).toEqual([
      'approve',
      'return',
    ])
    expect(availableActions(actors.both, project('submitted', 'x1'), none)).toEqual(['withdraw'])
    expect(availableActions(actors.secretary, project('submitted', 's1'), none)).toEqual(['withdraw'])
  })

  it('offers start only once the plan has no problems', () => {
    expect(availableActions(actors.secretary, project('approved'), none)).toEqual(['save_plan', 'start'])
    expect(availableActions(actors.secretary, project('approved'), { ...none, planProblems: 1 })).toEqual([
      'save_plan',
    ])
  })

  it('offers members, guests and foreign secretaries nothing', () => {
    for (const status of ['draft', 'submitted', 'approved', 'in_progress', 'closed'] as ProjectStatus[]) {
      expect(availableActions(actors.member, project(status), none)).toEqual([])
      expect(availableActions(actors.guest, project(status), none)).toEqual([])
      expect(availableActions(actors.secretary, { ...project(status), branchId: OTHER }, none)).toEqual([])
    }
  })

  it('offers the committee the acceptance decisions and then archive', () => {
    expect(availableActions(actors.committee, project('acceptance_requested', 's1'), none)).toEqual([
      'accept',
      'return_acceptance',
    ])
    expect(availableActions(actors.committee, project('closed'), none)).toEqual(['archive'])
  })
})
