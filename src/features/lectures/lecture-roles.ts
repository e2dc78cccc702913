import type { MeView } from '@contract/api'
import { isCommittee, isLeader, secretaryBranches } from '@domain/roles'

/**
 * Whether the person writes lectures (支部书记, 党委): they see 我发布的, 新建微讲坛 and 学习统计. Only a hint
 * for what to show; the function checks every action itself.
 */
export const canPublishLectures = (me: Pick<MeView, 'grants'> | null | undefined): boolean =>
  !!me && isLeader(me)

export const isCommitteeMember = (me: Pick<MeView, 'grants'> | null | undefined): boolean =>
  !!me && isCommittee(me)

/** The branches the person is secretary of: where a secretary's lectures may go. */
export const secretaryBranchIds = (me: Pick<MeView, 'grants'> | null | undefined): string[] =>
  me ? secretaryBranches(me) : []
