import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'lectures'> = {
  list: 3,
  get: 3,
  saveDraft: 6,
  // +1 each: the lecture enters search once published, leaves it once withdrawn.
  publish: 8,
  withdraw: 8,
  heartbeat: 6,
  submitQuiz: 7,
  stats: 3,
}
