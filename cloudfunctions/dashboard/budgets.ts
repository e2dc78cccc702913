import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'dashboard'> = {
  committee: 3,
  branch: 2,
  overdue: 2,
  league: 3,
  refresh: 90,
}
