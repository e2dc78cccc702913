import { canCheckIn, milestoneStep } from '../milestones'
import type { Actor } from '../roles'

const owner: Actor = { _id: 'm1', branchId: 'b1', grants: [{ role: 'member', branchId: 'b1' }] }
const secretary: Actor = { _id: 's1', branchId: 'b1', grants: [{ role: 'secretary', branchId: 'b1' }] }
const foreignSecretary: Actor = { _id: 's2', branchId: 'b2', grants: [{ role: 'secretary', branchId: 'b2' }] }
const committee: Actor = { _id: 'c1', branchId: null, grants: [{ role: 'committee' }] }
const milestone = (status: 'open' | 'submitted' | 'approved' | 'returned') => ({
  status,
  ownerId: 'm1',
  branchId: 'b1',
})

describe('milestoneStep', () => {
  it('lets the owner submit an open or returned milestone', () => {
    expect(milestoneStep(owner, 'submit', milestone('open'))).toEqual({ ok: true, to: 'submitted' })
    expect(milestoneStep(owner, 'submit', milestone('returned'))).toEqual({ ok: true, to: 'submitted' })
    expect(milestoneStep(secretary, 'submit', milestone('open'))).toEqual({ ok: false, reason: 'FORBIDDEN' })
  })

  it('lets the branch secretary or the committee approve or return a submission', () => {
    expect(milestoneStep(secretary, 'approve', milestone('submitted'))).toEqual({ ok: true, to: 'approved' })
    expect(milestoneStep(committee, 'return', milestone('submitted'))).toEqual({ ok: true, to: 'returned' })
    expect(milestoneStep(foreignSecretary, 'approve', milestone('submitted'))).toEqual({
      ok: false,
      reason: 'FORBIDDEN',
    })
    expect(milestoneStep(owner, 'approve', milestone('submitted'))).toEqual({
      ok: false,
      reason: 'FORBIDDEN',
    })
  })

  it('refuses deciding twice and deciding on your own submission', () => {
    expect(milestoneStep(secretary, 'approve', milestone('approved'))).toEqual({
      ok: false,
      reason: 'ILLEGAL_TRANSITION',
    })
    expect(milestoneStep(secretary, 'return', milestone('returned'))).toEqual({
      ok: false,
      reason: 'ILLEGAL_TRANSITION',
    })
    const own = { ...milestone('submitted'), ownerId: 's1', submittedBy: 's1' }
    expect(milestoneStep(secretary, 'approve', own)).toEqual({ ok: false, reason: 'OWN_SUBMISSION' })
  })
})

describe('canCheckIn', () => {
  it('allows assignees and milestone owners only', () => {
    expect(canCheckIn(owner, { assigneeIds: ['m1'] }, [])).toBe(true)
    expect(canCheckIn(owner, { assigneeIds: [] }, ['m1'])).toBe(true)
    expect(canCheckIn(secretary, { assigneeIds: ['m1'] }, ['m1'])).toBe(false)
  })
})
