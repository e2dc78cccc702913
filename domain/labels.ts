import type { ProjectAction, ProjectCategory, ProjectStatus, Role } from '../types/entities'

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
