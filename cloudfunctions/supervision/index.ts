import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { addRectification } from './actions/add-rectification'
import { assignments } from './actions/assignments'
import { candidates } from './actions/candidates'
import { closeFollowUp } from './actions/close-follow-up'
import { completeRectification } from './actions/complete-rectification'
import { confirmRectification } from './actions/confirm-rectification'
import { createRecord } from './actions/create-record'
import { createSpotCheck } from './actions/create-spot-check'
import { evaluation } from './actions/evaluation'
import { getRecord } from './actions/get-record'
import { getSpotCheck } from './actions/get-spot-check'
import { listSpotChecks } from './actions/list-spot-checks'
import { listRecords } from './actions/list-records'
import { markTopTen } from './actions/mark-top-ten'
import { myBranches } from './actions/my-branches'
import { myRectifications } from './actions/my-rectifications'
import { recordFinding } from './actions/record-finding'
import { reopenRectification } from './actions/reopen-rectification'
import { setAssignment } from './actions/set-assignment'
import { setCadence } from './actions/set-cadence'
import { inspectionCoverage } from './actions/inspection-coverage'
import { verifySpotCheck } from './actions/verify-spot-check'

/** `supervision`: 分片督导, 督导记录 with follow-ups, 随机抽查 with findings and rectifications, and the annual evaluation (十佳, 电网先锋). */
export const main = createMain(
  'supervision',
  {
    assignments,
    setAssignment,
    setCadence,
    inspectionCoverage,
    myBranches,
    myRectifications,
    candidates,
    createSpotCheck,
    listSpotChecks,
    getSpotCheck,
    verifySpotCheck,
    recordFinding,
    addRectification,
    completeRectification,
    confirmRectification,
    reopenRectification,
    evaluation,
    markTopTen,
    createRecord,
    listRecords,
    getRecord,
    closeFollowUp,
  },
  { roundTrips: ROUND_TRIPS },
)
