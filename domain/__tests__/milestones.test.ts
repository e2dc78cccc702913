import {
  approvalScope,
  canCheckIn,
  daysOverdue,
  isOverdue,
  milestoneStep,
  progressWithApproved,
  recordId,
} from '../milestones'
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

describe('approvalScope', () => {
  it('gives the committee every branch, a secretary their own, a member nothing', () => {
    expect(approvalScope(committee)).toEqual({ all: true })
    expect(approvalScope(secretary)).toEqual({ all: false, branchIds: ['b1'] })
    expect(approvalScope(owner)).toBeNull()
    const both: Actor = {
      _id: 's3',
      branchId: 'b2',
      grants: [
        { role: 'member', branchId: 'b2' },
        { role: 'secretary', branchId: 'b2' },
        { role: 'secretary', branchId: 'b1' },
      ],
    }
    expect(approvalScope(both)).toEqual({ all: false, branchIds: ['b1', 'b2'] })
  })
})

describe('progressWithApproved', () => {
  it('rolls the weights up with the newly approved milestone counted as done', () => {
    const ms = [
      { _id: 'a', weight: 25, status: 'approved' as const },
      { _id: 'b', weight: 25, status: 'submitted' as const },
      { _id: 'c', weight: 50, status: 'open' as const },
    ]
    expect(progressWithApproved(ms, 'b')).toBe(50)
    expect(progressWithApproved(ms, 'c')).toBe(75)
  })
})

describe('recordId', () => {
  it('allows one submission and one decision per round', () => {
    expect(recordId('m1', 2, 'submit')).toBe('m1-r2-submit')
    expect(recordId('m1', 2, 'approve')).toBe(recordId('m1', 2, 'return'))
  })
})

describe('isOverdue, the one rule of 已逾期', () => {
  const stored = new Date('2026-11-20T00:00:00Z') // the day 2026-11-20, as stored
  it('is overdue from the day after the deadline until approved', () => {
    for (const deadline of [stored, '2026-11-20']) {
      expect(isOverdue({ status: 'open', deadline }, '2026-11-20')).toBe(false)
      expect(isOverdue({ status: 'open', deadline }, '2026-11-21')).toBe(true)
      expect(isOverdue({ status: 'submitted', deadline }, '2026-11-21')).toBe(true)
      expect(isOverdue({ status: 'returned', deadline }, '2026-11-21')).toBe(true)
      expect(isOverdue({ status: 'approved', deadline }, '2026-11-21')).toBe(false)
    }
    expect(isOverdue({ status: 'open', deadline: null }, '2030-01-01')).toBe(false)
  })

  it('counts whole days past the deadline', () => {
    expect(daysOverdue(stored, '2026-11-21')).toBe(1)
    expect(daysOverdue('2026-11-20', '2026-12-20')).toBe(30)
    expect(daysOverdue('2026-11-20', '2026-11-20')).toBe(0)
    expect(daysOverdue('2026-11-20', '2026-11-18')).toBe(-2)
  })
})
