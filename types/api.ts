import type { z } from 'zod'
import { checkinsSchemas } from './functions/checkins'
import type { CheckinsOutputs } from './functions/checkins'
import { dashboardSchemas } from './functions/dashboard'
import type { DashboardOutputs } from './functions/dashboard'
import { groupsSchemas } from './functions/groups'
import type { GroupsOutputs } from './functions/groups'
import { lecturesSchemas } from './functions/lectures'
import type { LecturesOutputs } from './functions/lectures'
import { ledgerSchemas } from './functions/ledger'
import type { LedgerOutputs } from './functions/ledger'
import { messagesSchemas } from './functions/messages'
import type { MessagesOutputs } from './functions/messages'
import { orgSchemas } from './functions/org'
import type { OrgOutputs } from './functions/org'
import { projectsSchemas } from './functions/projects'
import type { ProjectsOutputs } from './functions/projects'
import { supervisionSchemas } from './functions/supervision'
import type { SupervisionOutputs } from './functions/supervision'

/** Request schemas of every action of every cloud function. */
export const schemas = {
  org: orgSchemas,
  projects: projectsSchemas,
  checkins: checkinsSchemas,
  groups: groupsSchemas,
  lectures: lecturesSchemas,
  messages: messagesSchemas,
  dashboard: dashboardSchemas,
  ledger: ledgerSchemas,
  supervision: supervisionSchemas,
}

type Schemas = typeof schemas

interface Outputs {
  org: OrgOutputs
  projects: ProjectsOutputs
  checkins: CheckinsOutputs
  groups: GroupsOutputs
  lectures: LecturesOutputs
  messages: MessagesOutputs
  dashboard: DashboardOutputs
  ledger: LedgerOutputs
  supervision: SupervisionOutputs
}

export type FunctionName = keyof Schemas
export type ActionName<F extends FunctionName> = keyof Schemas[F] & keyof Outputs[F] & string

type SchemaOf<F extends FunctionName, A extends ActionName<F>> = Schemas[F][A] extends z.ZodType
  ? Schemas[F][A]
  : never

/** What the app sends (defaults may be left out). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<SchemaOf<F, A>>
/** What the function's handler receives after validation. */
export type ActionParams<F extends FunctionName, A extends ActionName<F>> = z.output<SchemaOf<F, A>>
/** What the function returns inside `{ok:true, data}`. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Outputs[F][A]

export type { MiniCodeView, Page } from './functions/common'
export type {
  CheckinCorrected,
  CheckinCreated,
  CheckinFigures,
  CheckinHistory,
  CheckinView,
  InboxItem,
  MilestoneChange,
  MilestoneRecordView,
  MyStats,
  MyTaskItem,
  MyTasks,
  ProjectRef,
  SubmissionDetail,
} from './functions/checkins'
export type {
  DashboardView,
  LeaguePartView,
  LeagueRow,
  OverdueItem,
  ParticipationRow,
  RefreshResult,
} from './functions/dashboard'
export type {
  CommentView,
  FeedPage,
  GroupProjectView,
  GroupSummary,
  PostPermissions,
  PostView,
  ReadersView,
  Roster,
  RosterMember,
} from './functions/groups'
export type {
  BranchStudyView,
  HeartbeatResult,
  LectureChange,
  LectureDetail,
  LectureListItem,
  LectureStatsView,
  MemberStudyView,
  QuizQuestionView,
  QuizResult,
  StudyFigures,
  StudyStats,
  StudyView,
} from './functions/lectures'
export type {
  MarkReadResult,
  MessageList,
  MessageView,
  ReminderKindSetting,
  ReminderSettingsView,
  SubscriptionCredits,
  SubscriptionTemplates,
} from './functions/messages'
export type {
  BranchView,
  InviteView,
  GroupAdminView,
  OrgChangeView,
  MergeJobView,
  OrgTreeView,
  AuditLogView,
  AuditEntryView,
  OrgUnitAdminView,
  MeView,
  MemberView,
  RosterImportView,
  RosterRowView,
  SearchHit,
  SearchKind,
  SearchSection,
  SearchView,
} from './functions/org'
export type {
  AcceptanceMethodView,
  GuideProblemView,
  GuideView,
  MilestoneView,
  PersonRef,
  ProjectChange,
  ProjectDetail,
  ProjectRectification,
  ProjectEventView,
  ProjectSummary,
  ProjectWorkView,
  PublicProjectView,
  ShowcaseProjectView,
  ShowcaseView,
  SurveyProblemView,
  SurveyView,
  TaskView,
} from './functions/projects'
export type {
  LedgerExport,
  LedgerFile,
  LedgerJobStatus,
  LedgerJobView,
  LedgerPreview,
  LedgerScope,
  LedgerSheetInfo,
} from './functions/ledger'
export type {
  AssignmentChange,
  AssignmentPerson,
  AssignmentsView,
  BranchEligibilityView,
  DrawVerification,
  EvaluationRules,
  EvaluationView,
  FindingView,
  FollowUpView,
  IneligibilityKind,
  IneligibilityReason,
  InspectionCoverageView,
  InspectionDueView,
  MyBranchesView,
  MyRectifications,
  PickedProjectView,
  RankedProjectView,
  RecordDetail,
  RecordSummary,
  RectificationChange,
  RectificationView,
  SpotCheckDetail,
  SpotCheckSummary,
  SupervisedBranch,
  SupervisedProject,
  SupervisionEventView,
  TopTenChange,
} from './functions/supervision'
