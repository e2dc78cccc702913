import { chinaDay } from '../../../domain/checkins'
import { canSeeReaders } from '../../../domain/group-permissions'
import { planAnnouncementUnread } from '../../../domain/notifications'
import { fail, ok } from '../../../types/result'
import { postFor } from '../../_shared/group-access'
import { notify, settingsOf } from '../../_shared/notify'
import { listGroupMembers, listReads } from '../../_shared/repositories/groups'
import { getRuns, markRun } from '../../_shared/repositories/messages'
import type { Handler } from '../../_shared/router'

/** The marker of 提醒未读 sent for an announcement on a China day. */
export const unreadRunId = (postId: string, day: string): string => `announcement-unread:${postId}:${day}`

/**
 * 提醒未读: the secretary or group leader tells the members who have not read an announcement to read it,
 * once a day. The day's marker refuses a second tap; the messages' keys carry the day as well, so two taps
 * at once still tell each member once.
 */
export const remindUnread: Handler<'groups', 'remindUnread'> = async ({ postId }, { caller }) => {
  const access = await postFor(caller, postId)
  if (!access.ok) return access.fail
  const { post, group } = access
  if (!canSeeReaders(caller, group)) return fail('FORBIDDEN', '只有支部书记和党小组长可以提醒未读')
  if (post.kind !== 'announcement') return fail('CONFLICT', '只有通知可以提醒未读')
  const now = new Date()
  const day = chinaDay(now)
  const runId = unreadRunId(postId, day)
  const [done, reads, members] = await Promise.all([
    getRuns([runId]),
    listReads(postId),
    listGroupMembers(group._id),
  ])
  if (done.size > 0) return fail('CONFLICT', '今天已经提醒过未读的组员，明天可以再提醒')
  const readBy = new Set(reads.map((r) => r.personId))
  const unread = members.filter((m) => !readBy.has(m._id)).map((m) => m._id)
  if (unread.length === 0) return fail('CONFLICT', '本组成员都已阅读，无需提醒')
  const planned = planAnnouncementUnread(
    {
      postId,
      groupName: group.name,
      text: post.text,
      authorId: post.authorId,
      authorName: post.authorName,
      at: post.createdAt,
    },
    unread,
    day,
    caller._id,
  )
  const settings = await settingsOf(planned.map((p) => p.personId))
  const [reminded] = await Promise.all([notify(planned, settings, now), markRun(runId, now)])
  return ok({ postId, reminded, unread: unread.length })
}
