import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { comment } from './actions/comment'
import { comments } from './actions/comments'
import { feed } from './actions/feed'
import { get } from './actions/get'
import { groupProjects } from './actions/group-projects'
import { markRead } from './actions/mark-read'
import { myGroups } from './actions/my-groups'
import { pin, unpin } from './actions/pin'
import { post } from './actions/post'
import { readers } from './actions/readers'
import { remindUnread } from './actions/remind-unread'
import { roster } from './actions/roster'
import { withdraw } from './actions/withdraw'

/** `groups`: the WeChat Party group (微信党小组): feed, announcements, comments, reads, roster and projects. */
export const main = createMain(
  'groups',
  {
    myGroups,
    feed,
    post,
    comment,
    comments,
    withdraw,
    get,
    pin,
    unpin,
    markRead,
    readers,
    remindUnread,
    roster,
    groupProjects,
  },
  { roundTrips: ROUND_TRIPS },
)
