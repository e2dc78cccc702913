import { projectListScope, rollUpProgress } from '../projects'
import type { Actor } from '../roles'

const member: Actor = { _id: 'm1', branchId: 'b1', grants: [{ role: 'member', branchId: 'b1' }] }
const committee: Actor = { _id: 'c1', branchId: null, grants: [{ role: 'committee' }] }

describe('projectListScope', () => {
  it('gives a member their own branch by default', () => {
    expect(projectListScope(member, undefined)).toEqual({ ok: true, branchId: 'b1' })
  })
  it('refuses a member another branch', () => {
    expect(projectListScope(member, 'b2')).toEqual({ ok: false, reason: 'FOREIGN_BRANCH' })
  })
  it('lets the committee list every branch or one', () => {
    expect(projectListScope(committee, undefined)).toEqual({ ok: true, branchId: undefined })
    expect(projectListScope(committee, 'b2')).toEqual({ ok: true, branchId: 'b2' })
  })
  it('refuses a person with no branch and no committee role', () => {
    expect(projectListScope({ _id: 'x', branchId: null, grants: [] }, undefined)).toEqual({
      ok: false,
      reason: 'NO_BRANCH',
    })
  })
})

describe('rollUpProgress', () => {
  it('weights milestones', () => {
    expect(
      rollUpProgress([
        { weight: 30, done: true },
        { weight: 70, done: false },
      ]),
    ).toBe(30)
    expect(
      rollUpProgress([
        { weight: 1, done: true },
        { weight: 2, done: true },
      ]),
    ).toBe(100)
  })
  it('is 0 with no weight at all', () => {
    expect(rollUpProgress([])).toBe(0)
    expect(rollUpProgress([{ weight: 0, done: true }])).toBe(0)
  })
})
