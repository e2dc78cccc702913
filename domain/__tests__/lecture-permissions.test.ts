import type { RoleGrant } from '../../types/entities'
import type { LectureAudience } from '../../types/entities-community'
import {
  audienceKeys,
  canManageLecture,
  canReadLecture,
  canTargetAudience,
  creationBranch,
  inAudience,
  lectureActions,
} from '../lecture-permissions'
import type { Actor } from '../roles'

const actor = (id: string, grants: RoleGrant[]): Actor => ({ _id: id, branchId: null, grants })
const member = actor('m', [{ role: 'member', branchId: 'b1' }])
const secretary = actor('s', [
  { role: 'member', branchId: 'b1' },
  { role: 'secretary', branchId: 'b1' },
])
const otherSecretary = actor('x', [
  { role: 'member', branchId: 'b2' },
  { role: 'secretary', branchId: 'b2' },
])
const committee = actor('c', [{ role: 'member', branchId: 'bj' }, { role: 'committee' }])
const guest = actor('g', [])

const company: LectureAudience = { scope: 'company' }
const b1: LectureAudience = { scope: 'branches', branchIds: ['b1'] }
const b1b2: LectureAudience = { scope: 'branches', branchIds: ['b1', 'b2'] }

describe('audience', () => {
  it('reaches everyone registered for the whole company, and a branch’s people for its branch', () => {
    expect(audienceKeys(member)).toEqual(['company', 'b1'])
    expect(audienceKeys(committee)).toEqual(['company', 'bj'])
    expect([inAudience(member, company), inAudience(member, b1), inAudience(member, b1b2)]).toEqual([
      true,
      true,
      true,
    ])
    expect([inAudience(otherSecretary, b1), inAudience(otherSecretary, b1b2)]).toEqual([false, true])
    expect(inAudience(committee, b1)).toBe(false)
    expect(inAudience(guest, company)).toBe(false)
  })
})

describe('managing a lecture', () => {
  const ofB1 = { ownerBranchId: 'b1' }
  const ofCommittee = { ownerBranchId: null }
  it.each([
    ['member', member, [false, false]],
    ['its branch secretary', secretary, [true, false]],
    ['another branch’s secretary', otherSecretary, [false, false]],
    ['the committee', committee, [true, true]],
  ])('%s manages a branch lecture / a committee lecture: %j', (_who, who, expected) => {
    expect([canManageLecture(who, ofB1), canManageLecture(who, ofCommittee)]).toEqual(expected)
  })

  it('lets a secretary reach their own branches only; the committee anyone', () => {
    expect([canTargetAudience(secretary, b1), canTargetAudience(secretary, b1b2)]).toEqual([true, false])
    expect(canTargetAudience(secretary, company)).toBe(false)
    expect(canTargetAudience(member, b1)).toBe(false)
    expect([canTargetAudience(committee, company), canTargetAudience(committee, b1b2)]).toEqual([true, true])
  })

  it('creates in the secretary’s branch, the committee’s own, or a branch the caller may act for', () => {
    expect(creationBranch(secretary, undefined)).toEqual({ ok: true, ownerBranchId: 'b1' })
    expect(creationBranch(secretary, 'b2')).toEqual({ ok: false, requested: true })
    expect(creationBranch(committee, undefined)).toEqual({ ok: true, ownerBranchId: null })
    expect(creationBranch(committee, 'b2')).toEqual({ ok: true, ownerBranchId: 'b2' })
    expect(creationBranch(member, undefined)).toEqual({ ok: false, requested: false })
  })
})

describe('reading and acting on a lecture', () => {
  const lecture = (status: 'draft' | 'published' | 'withdrawn', audience: LectureAudience = b1) => ({
    ownerBranchId: 'b1',
    status,
    audience,
  })
  it('shows a published lecture to its audience and every lecture to its editors', () => {
    expect(canReadLecture(member, lecture('published'))).toBe(true)
    expect(canReadLecture(member, lecture('draft'))).toBe(false)
    expect(canReadLecture(member, lecture('withdrawn'))).toBe(false)
    expect(canReadLecture(otherSecretary, lecture('published'))).toBe(false)
    expect(canReadLecture(secretary, lecture('draft'))).toBe(true)
    expect(canReadLecture(committee, lecture('withdrawn'))).toBe(true)
  })

  it('offers edit and publish on a draft, withdraw on a published lecture, nothing after', () => {
    expect(lectureActions(secretary, lecture('draft'))).toEqual(['edit', 'publish'])
    expect(lectureActions(secretary, lecture('published'))).toEqual(['withdraw'])
    expect(lectureActions(secretary, lecture('withdrawn'))).toEqual([])
    expect(lectureActions(member, lecture('draft'))).toEqual([])
    // The committee widened the audience beyond the branch: its secretary can still edit, not publish.
    expect(lectureActions(secretary, lecture('draft', company))).toEqual(['edit'])
    expect(lectureActions(committee, lecture('draft', company))).toEqual(['edit', 'publish'])
  })
})
