import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { approveMilestone } from './actions/approve-milestone'
import { editCheckin, withdrawCheckin } from './actions/correct'
import { create } from './actions/create'
import { getSubmission } from './actions/get-submission'
import { history } from './actions/history'
import { inbox } from './actions/inbox'
import { inboxCount } from './actions/inbox-count'
import { myStats } from './actions/my-stats'
import { myTasks } from './actions/my-tasks'
import { returnMilestone } from './actions/return-milestone'
import { submitMilestone } from './actions/submit-milestone'

/** `checkins`: the member's daily loop (打卡/写实) and milestone review (提交成果 → 待审批 → 通过/退回). */
export const main = createMain(
  'checkins',
  {
    myTasks,
    create,
    history,
    myStats,
    submitMilestone,
    inbox,
    inboxCount,
    getSubmission,
    approveMilestone,
    returnMilestone,
    editCheckin,
    withdrawCheckin,
  },
  { roundTrips: ROUND_TRIPS },
)
