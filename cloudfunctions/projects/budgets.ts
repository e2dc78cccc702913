import type { RoundTripBudgets } from '../_shared/router'

/**
 * The most sequential database round trips one call of each action may take, the caller's lookup included
 * (requests issued together count once). cloudfunctions/__tests__/round-trip-budgets.test.ts fails when a
 * call takes more. Reads are held to 3; a check-in to 4; deciding a milestone to 5.
 */
export const ROUND_TRIPS: RoundTripBudgets<'projects'> = {
  list: 2,
  get: 3,
  // +1: the draft's search index (title, slogan) is rewritten after the save.
  saveDraft: 7,
  submit: 7,
  withdraw: 6,
  approve: 6,
  return: 6,
  savePlan: 8,
  start: 7,
  requestAcceptance: 6,
  accept: 6,
  returnAcceptance: 6,
  archive: 6,
  publicGet: 3,
  posterCode: 3,
  rate: 6,
  recordAcceptanceMethod: 5,
  survey: 2,
  setSurvey: 5,
  submitProblem: 3,
  endorseProblem: 6,
  curateProblem: 5,
  // The selections with the caller, then the projects and their figures at once, then the photos' links.
  showcase: 3,
  // As saveDraft's creation, its source read with the caller.
  borrow: 7,
  guide: 2,
  // +1 when a new version is published: the secretaries' 消息, written once the version is committed (the
  // secretaries are read with the caller, their settings beside the transaction).
  saveGuide: 6,
  remindProposals: 6,
}
