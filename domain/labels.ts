import type {
  MilestoneAction,
  MilestoneStatus,
  ProjectAction,
  ProjectCategory,
  ProjectStatus,
  Role,
} from '../types/entities'
import type { DueState } from './checkins'
import type {
  GroupRole,
  LectureAction,
  LectureStatus,
  LectureTab,
  MediaKind,
  PostKind,
  QuestionKind,
  QuizReveal,
} from '../types/entities-community'
import type { ReminderKind } from '../types/entities-reminders'
import type { LeaguePart } from '../types/entities-dashboard'
import type {
  AcceptanceMethod,
  FindingConclusion,
  FollowUpStatus,
  RectificationAction,
  RectificationStatus,
  InspectionCadence,
  SupervisionEventAction,
  SupervisionMethod,
} from '../types/entities-supervision'
import type { IneligibilityKind } from '../types/functions/supervision'

/** The one place where code names get their Chinese UI labels (PRODUCT.md, "Words the UI uses"). */
export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  committee: '党委',
}

export const CATEGORY_LABELS: Record<ProjectCategory, string> = {
  basic: '基础规范项目',
  service: '服务关怀项目',
  innovation: '创新探索项目',
  theme: '主题实践项目',
  flagship: '精品党建项目',
}

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '待立项审批',
  returned: '已退回',
  approved: '已立项',
  in_progress: '实施中',
  acceptance_requested: '待验收',
  closed: '已结题',
  archived: '已归档',
}

/** What each lifecycle action is called on buttons, in the timeline and in refusals. */
export const ACTION_LABELS: Record<ProjectAction, string> = {
  create: '创建草稿',
  edit: '修改立项表',
  submit: '提交立项申请',
  withdraw: '撤回立项申请',
  approve: '批准立项',
  return: '退回立项申请',
  save_plan: '保存计划书',
  start: '开始实施',
  request_acceptance: '申请结题验收',
  accept: '验收通过',
  return_acceptance: '退回验收申请',
  archive: '归档',
}

/** A milestone's state as a word (the words the app's plan pages already use). */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  open: '进行中',
  submitted: '待审核',
  approved: '已完成',
  returned: '已退回',
}

/** What each review step is called in the submission history and in refusals. */
export const MILESTONE_ACTION_LABELS: Record<MilestoneAction, string> = {
  submit: '提交成果',
  approve: '审核通过',
  return: '退回',
}

/** Where a deadline stands, as a word (status never by colour alone). */
export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: '已逾期',
  due_soon: '即将到期',
  normal: '按计划',
  done: '已完成',
  no_deadline: '未定时限',
}

/** A person's place in a Party group, as the roster shows it. */
export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  secretary: '支部书记',
  leader: '党小组长',
  member: '党员',
}

export const POST_KIND_LABELS: Record<PostKind, string> = {
  post: '动态',
  announcement: '通知',
}

export const LECTURE_STATUS_LABELS: Record<LectureStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
}

export const LECTURE_ACTION_LABELS: Record<LectureAction, string> = {
  create: '新建讲坛',
  edit: '编辑',
  publish: '发布',
  withdraw: '撤回',
}

export const LECTURE_TAB_LABELS: Record<LectureTab, string> = {
  new: '最新',
  required: '必学',
  finished: '已学完',
  manage: '我发布的',
}

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  audio: '音频',
  video: '视频',
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选题',
  multiple: '多选题',
}

export const QUIZ_REVEAL_LABELS: Record<QuizReveal, string> = {
  pass_or_last: '通过或当日次数用完后',
  pass: '仅在通过后',
}

/** 消息 settings and the message centre: what each kind of reminder is called. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  milestone_due: '里程碑即将到期',
  milestone_overdue: '里程碑已逾期',
  milestone_escalated: '逾期督办（本支部）',
  approval_waiting: '成果待审批',
  proposal_waiting: '立项待审批',
  acceptance_waiting: '结题待验收',
  lecture_new: '新讲坛上线',
  lecture_due: '必学讲坛即将截止',
  lecture_overdue: '必学讲坛已逾期',
  weekly_digest: '每周简报',
  milestone_approved: '成果已通过',
  milestone_returned: '成果被退回',
  proposal_decided: '立项审批结果',
  acceptance_decided: '结题验收结果',
  announcement_new: '党小组新通知',
  announcement_unread: '通知未读提醒',
  supervision_assigned: '分片督导安排',
  spot_check_assigned: '随机抽查通知',
  org_changed: '组织调整通知',
  follow_up_assigned: '督导跟进事项',
  follow_up_closed: '督导跟进已完成',
  rectification_assigned: '整改任务下达',
  rectification_due: '整改即将到期',
  rectification_overdue: '整改逾期督办',
  inspection_due: '定期检查即将到期',
  inspection_overdue: '定期检查已逾期',
  inspection_escalated: '定期检查逾期督办',
  proposal_due: '立项申报提醒',
}

/** 结题 evidence: how the committee judged the project. */
export const ACCEPTANCE_METHOD_LABELS: Record<AcceptanceMethod, string> = {
  report: '听取汇报',
  survey: '调查走访',
  site_visit: '察看现场',
}

/** 督导记录: how the contact was made. */
export const SUPERVISION_METHOD_LABELS: Record<SupervisionMethod, string> = {
  phone: '电话调度',
  inspection: '定期检查',
  spot_check: '随机抽查',
  site_visit: '察看现场',
  report: '听取汇报',
}

/** 定期检查 frequency, as the committee sets it. */
export const INSPECTION_CADENCE_LABELS: Record<InspectionCadence, string> = {
  monthly: '每月一次',
  quarterly: '每季度一次',
  half_yearly: '每半年一次',
  yearly: '每年一次',
}

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: '待跟进',
  closed: '已完成',
}

/** 整改 tasks: where one stands, as a word. */
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改',
  done: '待确认',
  confirmed: '已销号',
}

export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = {
  create: '下达整改',
  complete: '整改完成',
  confirm: '确认销号',
  reopen: '退回重改',
}

/** 随机抽查 findings: the committee's conclusion on a project. */
export const FINDING_CONCLUSION_LABELS: Record<FindingConclusion, string> = {
  meets: '符合要求',
  issues: '存在问题',
}

/** 督导记录: each step of supervision and evaluation, as the record shows it. */
export const SUPERVISION_EVENT_LABELS: Record<SupervisionEventAction, string> = {
  assign: '分配联系支部',
  unassign: '取消联系支部',
  draw: '随机抽取',
  record_finding: '记录检查情况',
  create_rectification: '下达整改',
  complete_rectification: '整改完成',
  confirm_rectification: '确认销号',
  reopen_rectification: '退回重改',
  mark_top_ten: '确认十佳精品项目',
}

/** Why a branch loses 电网先锋 eligibility (the seed article's three grounds). */
export const INELIGIBILITY_LABELS: Record<IneligibilityKind, string> = {
  weak_measures: '工作措施不力',
  plan_unfinished: '未完成项目计划',
  low_satisfaction: '群众满意率低',
  no_project: '无项目',
}

/** 层层打擂: what each part of a branch's score is called (domain/dashboard.ts defines them). */
export const LEAGUE_PART_LABELS: Record<LeaguePart, string> = {
  completion: '完成率',
  onTime: '按期率',
  checkins: '打卡活跃',
  study: '学习时长',
  satisfaction: '满意度',
}
