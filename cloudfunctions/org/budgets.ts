import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'org'> = {
  whoami: 2,
  listBranches: 2,
  listMembers: 3,
  importRoster: 8,
  createInvite: 4,
  bindInvite: 13,
  search: 2,
  orgTree: 3,
  reindexSearch: 4,
  auditLog: 2,
  createUnit: 3,
  renameUnit: 4,
  moveUnit: 3,
  mergeUnits: 5,
  mergeJob: 2,
  // A small history's run (take, read each kind of history, finish like a merge, done); a large one adds two
  // round trips per batch of 1,000 (read ids, move them; the progress goes with the next read), and a run
  // starts no batch after MERGE_RUN_MS (domain/org-jobs.ts).
  runMergeJob: 17,
  createGroup: 3,
  renameGroup: 3,
  moveGroup: 4,
  mergeGroups: 4,
  setSecretary: 3,
  setGroupLeader: 3,
  movePerson: 4,
}
