import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'checkins'> = {
  myTasks: 3,
  create: 4,
  history: 3,
  myStats: 2,
  submitMilestone: 5,
  inbox: 3,
  inboxCount: 2,
  getSubmission: 3,
  approveMilestone: 5,
  returnMilestone: 5,
  editCheckin: 3,
  withdrawCheckin: 5,
}
