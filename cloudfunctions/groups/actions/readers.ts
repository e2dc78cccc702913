import { canSeeReaders } from '../../../domain/group-permissions'
import { chinaDay } from '../../../domain/checkins'
import { fail, ok } from '../../../types/result'
import { groupAccess, livePost } from '../../_shared/group-access'
import { iso } from '../../_shared/project-views'
import { getGroup, getPost, listGroupMembers, listReads } from '../../_shared/repositories/groups'
import { getRuns } from '../../_shared/repositories/messages'
import { readingEarly } from '../../_shared/router'
import { unreadRunId } from './remind-unread'

/**
 * Who has read an announcement, first reader first, and which of the group's members have not. Reads: the post,
 * its reads and today's reminder run with the caller, then the group and its members at once.
 */
export const readers = readingEarly<'groups', 'readers'>()(
  ({ postId }) =>
    Promise.all([getPost(postId), listReads(postId), getRuns([unreadRunId(postId, chinaDay(new Date()))])]),
  async ({ postId }, { caller, early: [found, reads, reminded] }) => {
    const live = livePost(found)
    if (!live.ok) return live.fail
    const post = live.post
    const [stored, members] = await Promise.all([getGroup(post.groupId), listGroupMembers(post.groupId)])
    const access = groupAccess(caller, stored)
    if (!access.ok) return access.fail
    const group = access.group
    if (!canSeeReaders(caller, group)) return fail('FORBIDDEN', '只有支部书记和党小组长可以查看阅读情况')
    if (post.kind !== 'announcement') return fail('CONFLICT', '只有通知统计阅读情况')
    const readBy = new Set(reads.map((r) => r.personId))
    return ok({
      postId,
      readCount: post.readCount,
      memberCount: members.length,
      read: reads.map((r) => ({ person: { id: r.personId, name: r.personName }, at: iso(r.at) })),
      unread: members.filter((m) => !readBy.has(m._id)).map((m) => ({ id: m._id, name: m.name })),
      remindedToday: reminded.size > 0,
    })
  },
)
