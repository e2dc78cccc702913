import {
  canSeeContact,
  canGrantRoles,
  canViewBranch,
  isCommittee,
  isLeader,
  isMemberOf,
  isSecretary,
  isSecretaryOf,
  primaryRole,
  rolesOf,
  secretaryBranches,
} from '../roles'
import type { Actor } from '../roles'
import type { RoleGrant } from '../../types/entities'

const member: Actor = { _id: 'm1', branchId: 'b1', grants: [{ role: 'member', branchId: 'b1' }] }
const secretary: Actor = {
  _id: 's1',
  branchId: 'b1',
  grants: [
    { role: 'member', branchId: 'b1' },
    { role: 'secretary', branchId: 'b1' },
  ],
}
const committee: Actor = {
  _id: 'c1',
  branchId: 'b0',
  grants: [{ role: 'member', branchId: 'b0' }, { role: 'committee' }],
}

describe('roles', () => {
  it('lists the branches a secretary leads once each, in grant order', () => {
    const twice = {
      grants: [
        { role: 'secretary' as const, branchId: 'b2' },
        { role: 'member' as const, branchId: 'b1' },
        { role: 'secretary' as const, branchId: 'b1' },
        { role: 'secretary' as const, branchId: 'b2' },
      ],
    }
    expect(secretaryBranches(twice)).toEqual(['b2', 'b1'])
    expect(secretaryBranches(member)).toEqual([])
    expect(secretaryBranches(committee)).toEqual([])
  })

  it('tells who leads: a secretary of any branch, or the committee', () => {
    expect([isSecretary(secretary), isSecretary(committee), isSecretary(member)]).toEqual([
      true,
      false,
      false,
    ])
    expect([isLeader(secretary), isLeader(committee), isLeader(member)]).toEqual([true, true, false])
  })

  it('tells committee, secretary and member apart', () => {
    expect(isCommittee(committee)).toBe(true)
    expect(isCommittee(secretary)).toBe(false)
    expect(isSecretaryOf(secretary, 'b1')).toBe(true)
    expect(isSecretaryOf(secretary, 'b2')).toBe(false)
    expect(isSecretaryOf(member, 'b1')).toBe(false)
    expect(isMemberOf(member, 'b1')).toBe(true)
    expect(isMemberOf(member, 'b2')).toBe(false)
  })

  it('lists roles strongest first and greets with the strongest', () => {
    expect(rolesOf(secretary)).toEqual(['secretary', 'member'])
    expect(rolesOf(committee)).toEqual(['committee', 'member'])
    expect(primaryRole(member)).toBe('member')
    expect(primaryRole(committee)).toBe('committee')
    expect(primaryRole({ grants: [] })).toBe('member')
  })

  it('lets the committee view every branch and others only their own', () => {
    expect(canViewBranch(committee, 'b9')).toBe(true)
    expect(canViewBranch(member, 'b1')).toBe(true)
    expect(canViewBranch(member, 'b2')).toBe(false)
    expect(canViewBranch(secretary, 'b2')).toBe(false)
  })

  it('shows a phone number only to the person, their secretary and the committee', () => {
    const subject = { _id: 'm1', branchId: 'b1' }
    const other = { _id: 'm2', branchId: 'b1', grants: [{ role: 'member' as const, branchId: 'b1' }] }
    const foreignSecretary = {
      _id: 's2',
      branchId: 'b2',
      grants: [{ role: 'secretary' as const, branchId: 'b2' }],
    }
    expect(canSeeContact(member, subject)).toBe(true)
    expect(canSeeContact(secretary, subject)).toBe(true)
    expect(canSeeContact(committee, subject)).toBe(true)
    expect(canSeeContact(other, subject)).toBe(false)
    expect(canSeeContact(foreignSecretary, subject)).toBe(false)
  })
})

describe('canGrantRoles', () => {
  const otherSecretary: Actor = {
    _id: 's2',
    branchId: 'b2',
    grants: [
      { role: 'member', branchId: 'b2' },
      { role: 'secretary', branchId: 'b2' },
    ],
  }
  const targets: Record<string, RoleGrant[]> = {
    member: [{ role: 'member', branchId: 'b1' }],
    secretary: [
      { role: 'member', branchId: 'b1' },
      { role: 'secretary', branchId: 'b1' },
    ],
    committee: [{ role: 'member', branchId: 'b1' }, { role: 'committee' }],
    secretaryElsewhere: [
      { role: 'member', branchId: 'b1' },
      { role: 'secretary', branchId: 'b2' },
    ],
    none: [],
  }
  const table: [string, Actor, Record<string, boolean>][] = [
    [
      'committee',
      committee,
      { member: true, secretary: true, committee: true, secretaryElsewhere: true, none: true },
    ],
    [
      'secretary of b1',
      secretary,
      { member: true, secretary: true, committee: false, secretaryElsewhere: false, none: true },
    ],
    [
      'secretary of b2',
      otherSecretary,
      { member: false, secretary: false, committee: false, secretaryElsewhere: false, none: true },
    ],
    [
      'member of b1',
      member,
      { member: true, secretary: false, committee: false, secretaryElsewhere: false, none: true },
    ],
  ]
  it.each(table)('lets the %s hand over only roles they hold', (_, actor, want) => {
    const got = Object.fromEntries(Object.keys(targets).map((t) => [t, canGrantRoles(actor, targets[t])]))
    expect(got).toEqual(want)
  })
})
