import { assignmentId } from '../../domain/supervision'
import type { Person } from '../../types/entities'
import type { SupervisionAssignment } from '../../types/entities-supervision'

/**
 * 分片督导 of the demo company: the 党建部主任 follows the four departments' branches, the 政工专责 the
 * other four; the secretary and deputy secretary of the committee supervise none, so one can try assigning.
 */
const SLICES: [title: string, branchIds: string[]][] = [
  ['党建部主任', ['b-yunwei', 'b-yingxiao', 'b-anzhi', 'b-renzi']],
  ['政工专责', ['b-jiguan', 'b-diaokong', 'b-chengqu', 'b-dongbu']],
]

export function buildDemoAssignments(people: readonly Person[], now: Date): SupervisionAssignment[] {
  const committee = people.filter((p) => p.grants.some((g) => g.role === 'committee'))
  const head = committee.find((p) => p.title === '党委书记') ?? committee[0]
  return SLICES.flatMap(([title, branchIds]) => {
    const person = committee.find((p) => p.title === title)
    if (!person) return []
    return branchIds.map((branchId) => ({
      _id: assignmentId(person._id, branchId),
      personId: person._id,
      branchId,
      active: true,
      updatedBy: head?._id ?? person._id,
      updatedAt: now,
    }))
  })
}
