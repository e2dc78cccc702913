import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'supervision'> = {
  assignments: 2,
  setAssignment: 9,
  setCadence: 3,
  inspectionCoverage: 3,
  myBranches: 3,
  myRectifications: 3,
  candidates: 3,
  createSpotCheck: 8,
  listSpotChecks: 3,
  getSpotCheck: 3,
  verifySpotCheck: 2,
  recordFinding: 6,
  addRectification: 8,
  completeRectification: 6,
  confirmRectification: 6,
  reopenRectification: 6,
  evaluation: 3,
  markTopTen: 8,
  createRecord: 7,
  listRecords: 2,
  getRecord: 2,
  closeFollowUp: 7,
}
