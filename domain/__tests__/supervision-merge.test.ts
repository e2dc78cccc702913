import {
  assignmentsAfterMerge,
  emptyStatus,
  mergedNote,
  rectificationHeir,
  spotCheckAfterMerge,
  statusAfterMerge,
} from '../supervision-merge'
import type { StatusFields } from '../supervision-merge'

const at = new Date('2026-12-04T04:00:00Z')
const d = (day: string) => new Date(`${day}T00:00:00Z`)
const status = (over: Partial<StatusFields>): StatusFields => ({ ...emptyStatus(at), ...over })
const plan = [
  { year: 2026, cadence: 'monthly' as const, setById: 'c', setByName: '党委', since: '2026-01-01' },
]

describe('supervision after a branch merge', () => {
  it("keeps B's supervisors when it has any, else carries A's over with their cadence", () => {
    const fromA = [{ _id: 's1:a', personId: 's1', inspection: plan }]
    expect(assignmentsAfterMerge(fromA, [{ personId: 's2' }])).toEqual({ end: ['s1:a'], carry: [] })
    expect(assignmentsAfterMerge(fromA, [])).toEqual({
      end: ['s1:a'],
      carry: [{ personId: 's1', inspection: plan }],
    })
    expect(assignmentsAfterMerge([], [])).toEqual({ end: [], carry: [] })
  })

  it('takes the later contact and 定期检查, adds open follow-ups once; a tie keeps B', () => {
    const a = status({
      lastDate: d('2026-12-03'),
      lastMethod: 'phone',
      lastRecordId: 'ra',
      lastInspectionDate: d('2026-11-02'),
      openFollowUps: 2,
    })
    const b = status({
      lastDate: d('2026-12-01'),
      lastMethod: 'inspection',
      lastRecordId: 'rb',
      lastInspectionDate: d('2026-12-01'),
      openFollowUps: 1,
    })
    expect(statusAfterMerge('a', a, b, at)).toMatchObject({
      lastRecordId: 'ra',
      lastMethod: 'phone',
      lastInspectionDate: d('2026-12-01'),
      openFollowUps: 3,
    })
    expect(statusAfterMerge('a', a, { ...b, lastDate: d('2026-12-03') }, at)).toMatchObject({
      lastRecordId: 'rb',
    })
    expect(statusAfterMerge('a', null, b, at)).toBe(b)
    expect(statusAfterMerge('a', a, null, at)).toMatchObject({ lastRecordId: 'ra', openFollowUps: 2 })
  })

  it("adds A's open follow-ups once, however often the step runs (B remembers it holds A's)", () => {
    const a = status({ lastDate: d('2026-12-03'), lastRecordId: 'ra', openFollowUps: 2 })
    const b = status({ lastDate: d('2026-12-01'), lastRecordId: 'rb', openFollowUps: 1 })
    const once = statusAfterMerge('a', a, b, at) as StatusFields
    expect(once).toMatchObject({ openFollowUps: 3, absorbed: ['a'] })
    expect(statusAfterMerge('a', a, once, at)).toBe(once)
    // Another branch merged in later still counts.
    const c = status({ openFollowUps: 4 })
    expect(statusAfterMerge('c', c, once, at)).toMatchObject({ openFollowUps: 7, absorbed: ['a', 'c'] })
  })

  it('renames A in spot checks, once, and leaves others alone', () => {
    const check = {
      branchIds: ['a', 'b'],
      picked: [
        { projectId: 'p1', title: 'x', branchId: 'a', branchName: 'A' },
        { projectId: 'p2', title: 'y', branchId: 'b', branchName: 'B' },
      ],
    }
    expect(spotCheckAfterMerge(check, 'a', { id: 'b', name: 'B' })).toEqual({
      branchIds: ['b'],
      picked: [
        { projectId: 'p1', title: 'x', branchId: 'b', branchName: 'B' },
        { projectId: 'p2', title: 'y', branchId: 'b', branchName: 'B' },
      ],
    })
    expect(spotCheckAfterMerge({ branchIds: ['c'], picked: [] }, 'a', { id: 'b', name: 'B' })).toBeNull()
  })

  it("gives A's unfinished tasks to B's first secretary, and says where a record came from", () => {
    expect(
      rectificationHeir([
        { _id: 'p9', name: '乙' },
        { _id: 'p2', name: '甲' },
      ]),
    ).toEqual({ _id: 'p2', name: '甲' })
    expect(rectificationHeir([])).toBeNull()
    expect(mergedNote({ branchId: 'a', branchName: '营销部党支部', at })).toBe(
      '原「营销部党支部」记录，2026年12月4日并入',
    )
    expect(mergedNote(undefined)).toBeNull()
  })
})
