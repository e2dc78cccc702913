import * as cloud from 'wx-server-sdk'
import type { DB } from 'wx-server-sdk'

// Once per instance, at module scope: every invocation of a warm function reuses it.
// The typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is the documented way to use the caller's env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

// throwOnNotFound (wx-server-sdk ≥ 3.0.4, missing from its typings): doc().get() of a missing document
// answers `data: null` instead of throwing, so "unknown id" is a value, also inside transactions.
const config: DB.IDatabaseConfig & { throwOnNotFound: boolean } = { throwOnNotFound: false }
export const db = cloud.database(config)
export const _ = db.command
export { cloud }

/** Collection names, in one place. */
export const COLLECTIONS = {
  people: 'people',
  invites: 'invites',
  openidClaims: 'openid_claims',
  rosterImports: 'roster_imports',
  orgUnits: 'org_units',
  orgEvents: 'org_events',
  groups: 'groups',
  projects: 'projects',
  milestones: 'milestones',
  projectEvents: 'project_events',
  proposalVersions: 'proposal_versions',
  ratings: 'ratings',
  checkins: 'checkins',
  checkinStats: 'checkin_stats',
  checkinCounts: 'checkin_counts',
  dashboardRollups: 'dashboard_rollups',
  dashboardOverdue: 'dashboard_overdue',
  milestoneSubmissions: 'milestone_submissions',
  groupPosts: 'group_posts',
  groupBoards: 'group_boards',
  groupComments: 'group_comments',
  announcementReads: 'announcement_reads',
  groupPostEvents: 'group_post_events',
  lectures: 'lectures',
  lectureListings: 'lecture_listings',
  lectureStudies: 'lecture_studies',
  quizAttempts: 'quiz_attempts',
  studyTotals: 'study_totals',
  lectureEvents: 'lecture_events',
  messages: 'messages',
  reminderSettings: 'reminder_settings',
  subscriptionCredits: 'subscription_credits',
  reminderLog: 'reminder_log',
  reminderRuns: 'reminder_runs',
  supervisionAssignments: 'supervision_assignments',
  spotChecks: 'spot_checks',
  rectifications: 'rectifications',
  supervisionEvents: 'supervision_events',
  topTenSelections: 'top_ten_selections',
  surveyRounds: 'survey_rounds',
  surveyProblems: 'survey_problems',
  proposalGuides: 'proposal_guides',
  supervisionRecords: 'supervision_records',
  supervisionBranchStatus: 'supervision_branch_status',
  ledgerExports: 'ledger_exports',
  ledgerJobs: 'ledger_jobs',
  orgJobs: 'org_jobs',
  searchKeys: 'search_keys',
} as const
