import { canSeeReaders } from '../../../domain/group-permissions'
import { chinaDay } from '../../../domain/checkins'
import { fail, ok } from '../../../types/result'
import { postFor } from '../../_shared/group-access'
import { iso } from '../../_shared/project-views'
import { listGroupMembers, listReads } from '../../_shared/repositories/groups'
import { getRuns } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'
import { unreadRunId } from './remind-unread'

/** Who has read an announcement, first reader first, and which of the group's members have not. */
export const readers: Handler<'groups', 'readers'> = async ({ postId }, { caller }) => {
  const access = await postFor(caller, postId)
  if (!access.ok) return access.fail
  const { post, group } = access
  if (!canSeeReaders(caller, group)) return fail('FORBIDDEN', '只有支部书记和党小组长可以查看阅读情况')
  if (post.kind !== 'announcement') return fail('CONFLICT', '只有通知统计阅读情况')
  const [reads, members, reminded] = await Promise.all([
    listReads(postId),
    listGroupMembers(group._id),
    getRuns([unreadRunId(postId, chinaDay(new Date()))]),
  ])
  const readBy = new Set(reads.map((r) => r.personId))
  return ok({
    postId,
    readCount: post.readCount,
    memberCount: members.length,
    read: reads.map((r) => ({ person: { id: r.personId, name: r.personName }, at: iso(r.at) })),
    unread: members.filter((m) => !readBy.has(m._id)).map((m) => ({ id: m._id, name: m.name })),
    remindedToday: reminded.size > 0,
  })
}
