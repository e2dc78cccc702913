import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'ledger'> = {
  preview: 3,
  export: 8,
  job: 2,
  // A small ledger's run; a large one adds a round trip per 1,000 check-ins and per 5,000 rows of progress.
  runJob: 12,
}
