import { canPost } from '../../../domain/group-permissions'
import { MAX_PINNED, withPin } from '../../../domain/groups'
import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { planAnnouncement } from '../../../domain/notifications'
import type { PartyGroup, Person } from '../../../types/entities'
import type { GroupBoard, GroupPost } from '../../../types/entities-community'
import type { ActionParams } from '../../../types/api'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import { groupFor } from '../../_shared/group-access'
import { toPostView } from '../../_shared/group-views'
import { notify, settingsOf } from '../../_shared/notify'
import { listGroupMembers, readId } from '../../_shared/repositories/groups'
import { requestDocId } from '../../_shared/request-ids'
import { postSearchable } from '../../../domain/search'
import { indexForSearch } from '../../_shared/repositories/search'
import type { Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * A post or an announcement, with the group's board, in one transaction. The id comes from the request id,
 * so a retry, however often and however concurrent, finds the first post and writes nothing. An
 * announcement is pinned unless asked not to be; if the group already has the most pins, it is pinned only
 * when asked for explicitly (and then refused), otherwise it joins the feed unpinned.
 */
export const post: Handler<'groups', 'post'> = async (params, { caller }) => {
  const access = await groupFor(caller, params.groupId)
  if (!access.ok) return access.fail
  const { group } = access
  if (!canPost(caller, group, params.kind)) return fail('FORBIDDEN', '只有支部书记和党小组长可以发布通知')
  const issues = fileIdIssues(params.photos, caller._id, PHOTO_EXTENSIONS, 'photos')
  if (issues.length > 0) return fail('INVALID_INPUT', `照片有误：${issues[0].message}`, issues)

  const id = requestDocId('gp', caller._id, params.requestId)
  const announcement = params.kind === 'announcement'
  // The group is told of an announcement: who is in it, and their settings, are read alongside the write.
  const [res, audience] = await Promise.all([
    write(id, params, group, caller),
    announcement ? listGroupMembers(group._id).then((ms) => audienceOf(ms.map((m) => m._id))) : null,
  ])
  // Found in search by its group and the secretary of its branch, beside the notices below.
  const indexed =
    res.ok && res.data.created ? indexPost(res.data.post.id, res.data.post.text, group, caller) : null
  // Also on a retry (created: false): a notice already stored stays as it was, a missing one is written.
  if (res.ok && audience && res.data.post.kind === 'announcement') {
    const p = res.data.post
    const planned = planAnnouncement(
      {
        postId: p.id,
        groupName: group.name,
        text: p.text,
        authorId: caller._id,
        authorName: caller.name,
        at: new Date(p.createdAt),
      },
      audience.ids,
    )
    await notify(planned, audience.settings, new Date())
  }
  await indexed
  return res
}

const indexPost = (id: string, text: string, group: PartyGroup, caller: Person) =>
  indexForSearch(
    [
      postSearchable(
        {
          _id: id,
          text,
          groupId: group._id,
          branchId: group.branchId,
          authorName: caller.name,
          createdAt: new Date(),
        },
        group.name,
      ),
    ],
    { fresh: true },
  )

async function audienceOf(ids: string[]) {
  return { ids, settings: await settingsOf(ids) }
}

function write(id: string, params: PostParams, group: PartyGroup, caller: Person) {
  return runInTransaction(async (t) => {
    const earlier = await txGet<GroupPost>(t, COLLECTIONS.groupPosts, id)
    if (earlier) return ok({ post: toPostView(earlier, group, caller, true), created: false })
    const now = new Date()
    const board = (await txGet<GroupBoard>(t, COLLECTIONS.groupBoards, group._id)) ?? {
      pinnedIds: [],
      posts: 0,
      lastPostAt: null,
    }
    const announcement = params.kind === 'announcement'
    const full = board.pinnedIds.length >= MAX_PINNED
    if (announcement && params.pin === true && full) {
      return fail('CONFLICT', `最多置顶 ${MAX_PINNED} 条通知，请先取消一条置顶`)
    }
    const pinned = announcement && params.pin !== false && !full
    const doc: GroupPost = {
      _id: id,
      requestId: params.requestId,
      groupId: group._id,
      branchId: group.branchId,
      kind: params.kind,
      authorId: caller._id,
      authorName: caller.name,
      text: params.text,
      photos: params.photos,
      pinned,
      pinnedAt: pinned ? now : null,
      withdrawn: false,
      withdrawnAt: null,
      withdrawnBy: null,
      commentCount: 0,
      // The author has read their own announcement: they never show as "not read".
      readCount: announcement ? 1 : 0,
      createdAt: now,
    }
    await t.collection(COLLECTIONS.groupPosts).add({ data: doc })
    if (announcement) {
      await t.collection(COLLECTIONS.announcementReads).add({
        data: {
          _id: readId(id, caller._id),
          postId: id,
          groupId: group._id,
          personId: caller._id,
          personName: caller.name,
          at: now,
        },
      })
    }
    await t
      .collection(COLLECTIONS.groupBoards)
      .doc(group._id)
      .set({
        data: {
          pinnedIds: pinned ? withPin(board.pinnedIds, id) : board.pinnedIds,
          posts: board.posts + 1,
          lastPostAt: now,
        },
      })
    return ok({ post: toPostView(doc, group, caller, true), created: true })
  })
}

type PostParams = ActionParams<'groups', 'post'>
