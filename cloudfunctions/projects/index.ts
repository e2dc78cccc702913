import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { accept } from './actions/accept'
import { approve } from './actions/approve'
import { archive } from './actions/archive'
import { borrow } from './actions/borrow'
import { get } from './actions/get'
import { guide, remindProposals, saveGuide } from './actions/guide'
import { list } from './actions/list'
import { posterCode } from './actions/poster-code'
import { publicGet } from './actions/public-get'
import { rate } from './actions/rate'
import { recordAcceptanceMethod } from './actions/record-acceptance-method'
import { requestAcceptance } from './actions/request-acceptance'
import { returnProposal } from './actions/return'
import { returnAcceptance } from './actions/return-acceptance'
import { saveDraft } from './actions/save-draft'
import { showcase } from './actions/showcase'
import { savePlan } from './actions/save-plan'
import { start } from './actions/start'
import { submit } from './actions/submit'
import { curateProblem, endorseProblem, setSurvey, submitProblem, survey } from './actions/survey'
import { withdraw } from './actions/withdraw'

/** `projects`: the project lifecycle (选题 → 答题 → 结题) and its public page. */
export const main = createMain(
  'projects',
  {
    list,
    get,
    saveDraft,
    submit,
    withdraw,
    approve,
    return: returnProposal,
    savePlan,
    start,
    requestAcceptance,
    accept,
    returnAcceptance,
    archive,
    publicGet,
    posterCode,
    rate,
    recordAcceptanceMethod,
    survey,
    setSurvey,
    submitProblem,
    endorseProblem,
    curateProblem,
    showcase,
    borrow,
    guide,
    saveGuide,
    remindProposals,
  },
  { anonymous: ['publicGet', 'rate'], roundTrips: ROUND_TRIPS },
)
