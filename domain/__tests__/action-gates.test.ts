import { ACTION_GATES, gateRefusal, passesGate } from '../action-gates'
import type { Actor } from '../roles'

const member: Actor = { _id: 'm', branchId: 'b1', grants: [{ role: 'member', branchId: 'b1' }] }
const secretary: Actor = {
  _id: 's',
  branchId: 'b1',
  grants: [
    { role: 'member', branchId: 'b1' },
    { role: 'secretary', branchId: 'b1' },
  ],
}
const committee: Actor = {
  _id: 'c',
  branchId: 'b0',
  grants: [{ role: 'member', branchId: 'b0' }, { role: 'committee' }],
}

describe('action gates', () => {
  it('lets through only the roles a gate names', () => {
    const who = (gate: 'committee' | 'secretary' | 'staff') =>
      [member, secretary, committee].filter((a) => passesGate(a, gate)).map((a) => a._id)
    expect(who('committee')).toEqual(['c'])
    expect(who('secretary')).toEqual(['s'])
    expect(who('staff')).toEqual(['s', 'c'])
  })

  it('lets only the masses (on no Party roster) through the masses gate', () => {
    const guest: Actor = { _id: 'guest:x', branchId: null, grants: [] }
    expect(
      [member, secretary, committee, guest].filter((a) => passesGate(a, 'masses')).map((a) => a._id),
    ).toEqual(['guest:x'])
    expect(gateRefusal(member, ACTION_GATES.projects!.rate!)).toBe('群众满意度由职工群众评价，党员不参与评分')
  })

  it('refuses with the action’s own words where it has them', () => {
    expect(gateRefusal(secretary, ACTION_GATES.org!.importRoster!)).toBe('只有党委可以导入党员名册')
    expect(gateRefusal(member, ACTION_GATES.projects!.accept!)).toBe('只有党委可以进行此操作')
    expect(gateRefusal(committee, ACTION_GATES.projects!.accept!)).toBeNull()
  })
})
