import { randomBytes } from 'node:crypto'
import type { TestCloud } from '../../../localcloud/testing'
import type { GroupBoard } from '../../../types/entities'

export { addLatency, countCalls, data } from '../../projects/__tests__/helpers'

// Demo ids (localcloud/seed/org.ts, community.ts). 运维部 (b-yunwei): p001 周晓东 secretary (in group g1),
// g1 = p001, p002 郭秀英 (leader), p004, p006; g2 = p003 谢明远 (leader), p005, p007. 营销部 (b-yingxiao): p008
// secretary, p009 leader of its g1. p057 卢思琪 committee (in 机关 g1). Every group has a pinned announcement
// `gp-demo-<group>-0` and posts `gp-demo-<group>-1…4`; g1 of 运维部 also a withdrawn post `-5`.
export const G1 = 'b-yunwei-g1'
export const G2 = 'b-yunwei-g2'
export const OTHER_BRANCH_GROUP = 'b-yingxiao-g1'
export const NOTICE_G1 = `gp-demo-${G1}-0`
export const NOTICE_G2 = `gp-demo-${G2}-0`
export const POST_G1 = `gp-demo-${G1}-1`
export const WITHDRAWN_G1 = `gp-demo-${G1}-5`

/** A fresh client request id, as the app makes one per post or comment. */
export const requestId = (): string => randomBytes(12).toString('hex')

/** A file id of `personId`'s own upload folder in localcloud storage. */
export const fileOf = (personId: string, ext = 'jpg', name = randomBytes(8).toString('hex')): string =>
  `cloud://local.localcloud/uploads/${personId}/${name}.${ext}`

/** Everything a refused write must leave untouched. */
export function groupState(cloud: TestCloud, groupId: string) {
  const all = { limit: 10_000, sort: { _id: 1 as const } }
  return {
    posts: cloud.db.find('group_posts', { groupId }, all),
    board: cloud.db.find('group_boards', { _id: groupId })[0] as unknown as GroupBoard,
    comments: cloud.db.count('group_comments', { groupId }),
    reads: cloud.db.count('announcement_reads', { groupId }),
    events: cloud.db.count('group_post_events', { groupId }),
  }
}
