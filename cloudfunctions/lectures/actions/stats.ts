import { canManageLecture } from '../../../domain/lecture-permissions'
import { totalsId } from '../../../domain/lectures'
import { isCommittee, isSecretaryOf, secretaryBranches } from '../../../domain/roles'
import type { Person } from '../../../types/entities'
import type { BranchStudyView, LectureStatsView, MemberStudyView } from '../../../types/functions/lectures'
import { fail, ok } from '../../../types/result'
import type { Fail } from '../../../types/result'
import { toFigures } from '../../_shared/lecture-views'
import { countAudience, getLecture, getTotals, listBranchPeople } from '../../_shared/repositories/lectures'
import { listOrgUnits } from '../../_shared/repositories/org'
import { countPeopleByBranch } from '../../_shared/repositories/people'
import type { Handler } from '../../_shared/router'

/** A lecture's figures, for its editors: 培训人次, completions, hours, and completion rate of its audience. */
async function lectureStats(caller: Person, lectureId: string): Promise<LectureStatsView | Fail> {
  const lecture = await getLecture(lectureId)
  if (!lecture || !canManageLecture(caller, lecture)) {
    return lecture && lecture.status === 'published'
      ? fail('FORBIDDEN', '只有发布支部的书记和党委可以查看讲坛统计')
      : fail('NOT_FOUND', '没有找到这个讲坛')
  }
  const [totals, audience] = await Promise.all([
    getTotals([totalsId('lecture', lectureId)]),
    countAudience(lecture.audience.scope === 'company' ? null : lecture.audience.branchIds),
  ])
  const figures = toFigures(totals[0])
  return {
    lectureId,
    title: lecture.title,
    ...figures,
    audience,
    completionRate: audience > 0 ? Math.min(1, figures.completed / audience) : null,
  }
}

/** Branch totals: a secretary's own branches, every branch for the committee. */
async function branchStats(caller: Person): Promise<BranchStudyView[]> {
  const committee = isCommittee(caller)
  const mine = secretaryBranches(caller)
  if (!committee && mine.length === 0) return []
  const branches = (await listOrgUnits()).filter(
    (u) => u.kind === 'branch' && (committee || mine.includes(u._id)),
  )
  const [totals, heads] = await Promise.all([
    getTotals(branches.map((b) => totalsId('branch', b._id))),
    countPeopleByBranch(),
  ])
  const byId = new Map(totals.map((t) => [t._id, t]))
  return branches.map((b) => ({
    branchId: b._id,
    branchName: b.name,
    members: heads.get(b._id) ?? 0,
    ...toFigures(byId.get(totalsId('branch', b._id))),
  }))
}

/** Each member of a branch with their totals: for the branch's secretary and the committee. */
async function memberStats(caller: Person, branchId: string): Promise<MemberStudyView[] | Fail> {
  if (!isCommittee(caller) && !isSecretaryOf(caller, branchId)) {
    return fail('FORBIDDEN', '只能查看本支部党员的学习情况')
  }
  const people = await listBranchPeople(branchId)
  const totals = await getTotals(people.map((p) => totalsId('member', p._id)))
  const byId = new Map(totals.map((t) => [t._id, t]))
  return people.map((p) => ({
    person: { id: p._id, name: p.name },
    ...toFigures(byId.get(totalsId('member', p._id))),
  }))
}

const isFail = (v: unknown): v is Fail => typeof v === 'object' && v !== null && 'ok' in v && v.ok === false

/** 学习统计: the caller's own figures, and what else they asked for and may see. Totals are read, never summed. */
export const stats: Handler<'lectures', 'stats'> = async ({ lectureId, branchId }, { caller }) => {
  const [me, lecture, branches, members] = await Promise.all([
    getTotals([totalsId('member', caller._id)]),
    lectureId ? lectureStats(caller, lectureId) : Promise.resolve(null),
    branchStats(caller),
    branchId ? memberStats(caller, branchId) : Promise.resolve([]),
  ])
  if (isFail(lecture)) return lecture
  if (isFail(members)) return members
  return ok({ me: toFigures(me[0]), lecture, branches, members })
}
