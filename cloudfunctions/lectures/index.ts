import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { get } from './actions/get'
import { heartbeat } from './actions/heartbeat'
import { list } from './actions/list'
import { publish } from './actions/publish'
import { saveDraft } from './actions/save-draft'
import { stats } from './actions/stats'
import { submitQuiz } from './actions/submit-quiz'
import { withdraw } from './actions/withdraw'

/** `lectures`: the micro-lecture (党员微讲坛 / 指尖课堂): publishing, study records, quizzes and figures. */
export const main = createMain(
  'lectures',
  {
    list,
    get,
    saveDraft,
    publish,
    withdraw,
    heartbeat,
    submitQuiz,
    stats,
  },
  { roundTrips: ROUND_TRIPS },
)
