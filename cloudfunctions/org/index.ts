import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import {
  createGroup,
  mergeGroups,
  moveGroup,
  movePerson,
  renameGroup,
  setGroupLeader,
  setSecretary,
} from './actions/admin-people'
import { createUnit, mergeUnits, moveUnit, renameUnit } from './actions/admin-units'
import { auditLog } from './actions/audit-log'
import { bindInvite } from './actions/bind-invite'
import { createInvite } from './actions/create-invite'
import { importRoster } from './actions/import-roster'
import { listBranches } from './actions/list-branches'
import { listMembers } from './actions/list-members'
import { orgTree } from './actions/org-tree'
import { reindexSearch } from './actions/reindex-search'
import { search } from './actions/search'
import { whoami } from './actions/whoami'
import { mergeJob, runMergeJob } from './actions/merge-job'
import { bootstrapCommittee } from './bootstrap'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { nextStaleMergeJob } from './merge-job'
import { runMergeJob as runJob } from './merge-run'

/**
 * The `jobs` timer, every minute: one run of the oldest large merge that no page is running (its page was
 * closed, or its run was stopped at the function's timeout), so that a merge once begun always finishes.
 */
const jobsTimer = async () => {
  const at = now()
  const stale = await nextStaleMergeJob(at)
  if (!stale) return { ran: null }
  const view = await runJob(stale, at)
  logEvent('info', 'org_merge_job_timer', { jobId: stale._id, status: view.status, done: view.done })
  return { ran: stale._id, status: view.status, done: view.done, total: view.total }
}

/**
 * `org`: who am I, the organisation tree, rosters, importing the roster and binding WeChat to it. The deploy's
 * own call (`isDeployCall`: keys-signed, no WeChat user, no `wx_` source) is the one way to `bootstrapCommittee`;
 * to every other caller it is an unknown action.
 */
export const main = createMain(
  'org',
  {
    whoami,
    listBranches,
    listMembers,
    importRoster,
    createInvite,
    bindInvite,
    search,
    orgTree,
    reindexSearch,
    auditLog,
    createUnit,
    renameUnit,
    moveUnit,
    mergeUnits,
    mergeJob,
    runMergeJob,
    createGroup,
    renameGroup,
    moveGroup,
    mergeGroups,
    setSecretary,
    setGroupLeader,
    movePerson,
  },
  {
    anonymous: ['bindInvite'],
    roundTrips: ROUND_TRIPS,
    deploy: { bootstrapCommittee },
    timers: { jobs: jobsTimer },
  },
)
