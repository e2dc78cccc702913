import { PROJECT_ACTIONS, PROJECT_STATUSES } from '../../types/entities'
import type { ProjectAction, ProjectStatus } from '../../types/entities'
import { DECISIONS, PUBLIC_STATUSES, TRANSITIONS, nextStatus } from '../lifecycle'

// The lifecycle as PRODUCT.md tells it, written out by hand: action@from → to. Everything else is illegal.
const LEGAL: Record<string, ProjectStatus> = {
  'edit@draft': 'draft',
  'edit@returned': 'returned',
  'submit@draft': 'submitted',
  'submit@returned': 'submitted',
  'withdraw@submitted': 'draft',
  'approve@submitted': 'approved',
  'return@submitted': 'returned',
  'save_plan@approved': 'approved',
  'save_plan@in_progress': 'in_progress',
  'start@approved': 'in_progress',
  'request_acceptance@in_progress': 'acceptance_requested',
  'accept@acceptance_requested': 'closed',
  'return_acceptance@acceptance_requested': 'in_progress',
  'archive@closed': 'archived',
}

const cases: [ProjectAction, ProjectStatus][] = PROJECT_ACTIONS.flatMap((a) =>
  PROJECT_STATUSES.map((s): [ProjectAction, ProjectStatus] => [a, s]),
)

describe('nextStatus', () => {
  it.each(cases)('%s from %s goes where the table says, or is refused', (action, status) => {
    const to = LEGAL[`${action}@${status}`]
    expect(nextStatus(status, action)).toEqual(
      to ? { ok: true, to } : { ok: false, reason: 'ILLEGAL_TRANSITION' },
    )
  })

  it('covers all 96 pairs, 14 of them legal', () => {
    expect(cases).toHaveLength(96)
    expect(cases.filter(([a, s]) => nextStatus(s, a).ok)).toHaveLength(14)
  })

  it('never creates from an existing status', () => {
    for (const s of PROJECT_STATUSES) expect(nextStatus(s, 'create').ok).toBe(false)
    expect(TRANSITIONS.create.to).toBe('draft')
  })

  it('leaves archived projects where they are', () => {
    for (const a of PROJECT_ACTIONS) expect(nextStatus('archived', a).ok).toBe(false)
  })
})

describe('lifecycle facts', () => {
  it('asks for a comment on both kinds of return', () => {
    const needing = PROJECT_ACTIONS.filter((a) => TRANSITIONS[a].needsComment)
    expect(needing.sort()).toEqual(['return', 'return_acceptance'])
  })

  it('leaves decisions to the committee and everything else to the secretary', () => {
    const byCommittee = PROJECT_ACTIONS.filter((a) => TRANSITIONS[a].by === 'committee')
    expect(byCommittee.sort()).toEqual(['accept', 'approve', 'archive', 'return', 'return_acceptance'])
    expect([...DECISIONS].sort()).toEqual(['accept', 'approve', 'return', 'return_acceptance'])
  })

  it('makes running and finished projects public, never drafts or proposals', () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual(['acceptance_requested', 'archived', 'closed', 'in_progress'])
  })
})
