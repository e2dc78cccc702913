import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'groups'> = {
  myGroups: 3,
  feed: 3,
  post: 9,
  comment: 9,
  comments: 3,
  // +1: a withdrawn post leaves search.
  withdraw: 11,
  get: 3,
  pin: 11,
  unpin: 11,
  markRead: 9,
  readers: 3,
  remindUnread: 6,
  roster: 3,
  groupProjects: 3,
}
