import type { PartyGroup, RoleGrant } from '../../types/entities'
import type { GroupActor } from '../group-permissions'
import {
  canPin,
  canPost,
  canReadGroup,
  canSeeReaders,
  canWithdrawPost,
  groupRole,
} from '../group-permissions'

const group: PartyGroup = { _id: 'g1', branchId: 'b1', name: '第一党小组', leaderId: 'leader' }

const person = (id: string, groupId: string | null, grants: RoleGrant[]): GroupActor => ({
  _id: id,
  branchId: 'b1',
  groupId,
  grants,
})

const member = person('m', 'g1', [{ role: 'member', branchId: 'b1' }])
const leader = person('leader', 'g1', [{ role: 'member', branchId: 'b1' }])
const secretary = person('s', 'g1', [
  { role: 'member', branchId: 'b1' },
  { role: 'secretary', branchId: 'b1' },
])
/** The branch secretary sitting in the branch's other group: still manages this one. */
const secretaryElsewhere = person('s2', 'g2', [
  { role: 'member', branchId: 'b1' },
  { role: 'secretary', branchId: 'b1' },
])
const otherGroupMember = person('o', 'g2', [{ role: 'member', branchId: 'b1' }])
const otherBranchSecretary = { ...person('x', 'gx', [{ role: 'secretary', branchId: 'b2' }]), branchId: 'b2' }
const committee = {
  ...person('c', 'gj', [{ role: 'member', branchId: 'bj' }, { role: 'committee' }]),
  branchId: 'bj',
}

describe('group roles', () => {
  it.each([
    ['a member of the group', member, 'member'],
    ['its leader', leader, 'leader'],
    ['the branch secretary in the group', secretary, 'secretary'],
    ['the branch secretary in another group', secretaryElsewhere, 'secretary'],
    ['a member of the branch’s other group', otherGroupMember, null],
    ['another branch’s secretary', otherBranchSecretary, null],
    ['the committee', committee, null],
  ])('%s is %s', (_who, actor, role) => {
    expect(groupRole(actor, group)).toBe(role)
    expect(canReadGroup(actor, group)).toBe(role !== null)
  })

  it('takes leadership from the group, not from a title: a leader elsewhere is a member here', () => {
    expect(groupRole(leader, { ...group, leaderId: 'someone-else' })).toBe('member')
  })
})

describe('what each role may do in a group', () => {
  const table: [string, GroupActor, boolean[]][] = [
    // post, announce, pin, readers
    ['member', member, [true, false, false, false]],
    ['leader', leader, [true, true, true, true]],
    ['secretary', secretary, [true, true, true, true]],
    ['secretary elsewhere', secretaryElsewhere, [true, true, true, true]],
    ['other group', otherGroupMember, [false, false, false, false]],
    ['other branch secretary', otherBranchSecretary, [false, false, false, false]],
    ['committee', committee, [false, false, false, false]],
  ]
  it.each(table)('%s', (_who, actor, [post, announce, pin, readers]) => {
    expect([
      canPost(actor, group, 'post'),
      canPost(actor, group, 'announcement'),
      canPin(actor, group),
      canSeeReaders(actor, group),
    ]).toEqual([post, announce, pin, readers])
  })
})

describe('withdrawing a post', () => {
  const byMember = { authorId: 'm' }
  it('is for its author and the branch secretary only', () => {
    expect(canWithdrawPost(member, group, byMember)).toBe(true)
    expect(canWithdrawPost(secretary, group, byMember)).toBe(true)
    expect(canWithdrawPost(secretaryElsewhere, group, byMember)).toBe(true)
    expect(canWithdrawPost(leader, group, byMember)).toBe(false)
    expect(canWithdrawPost(otherBranchSecretary, group, byMember)).toBe(false)
    expect(canWithdrawPost(committee, group, byMember)).toBe(false)
  })

  it('is not for an author who has since left the group', () => {
    expect(canWithdrawPost({ ...member, groupId: 'g2' }, group, byMember)).toBe(false)
  })
})
