/** Page addresses, built in one place so a renamed page breaks the compiler, not a tap. */
const withId = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`
const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')

export const routes = {
  home: '/pages/index/index',
  approvals: '/pages/approvals/index',
  checkin: '/pages/checkin/index',
  mine: '/pages/mine/index',
  /** 消息 (tab): reminders and what waits for me. */
  messages: '/pages/messages/index',
  /** 我的 → 提醒设置. */
  reminderSettings: '/pages/reminder-settings/index',
  /** 隐私保护指引 (also opened by WeChat's privacy question). */
  privacy: '/pages/privacy/index',
  project: (id: string) => withId('/pages/project/index', id),
  /** No id: a new draft. */
  proposal: (id?: string) => (id ? withId('/pages/proposal/index', id) : '/pages/proposal/index'),
  plan: (id: string) => withId('/pages/plan/index', id),
  acceptance: (id: string) => withId('/pages/acceptance/index', id),
  review: (id: string) => withId('/pages/review/index', id),
  publicView: (id: string) => withId('/pages/public/index', id),
  /** A new check-in on a task, or on one milestone of it. */
  checkinNew: (projectId: string, taskId: string, milestoneId?: string) =>
    `/pages/checkin-new/index?${query({ projectId, taskId, milestoneId })}`,
  /** The owner submits a milestone as done. */
  milestoneSubmit: (id: string) => withId('/pages/milestone-submit/index', id),
  /** The approver's view of a milestone submission. */
  submission: (id: string) => withId('/pages/submission/index', id),
  /** 党小组 (subpackage): my groups, a group's feed (动态 / 成员 / 项目), writing, one post, who has read. */
  groups: '/packages/groups/pages/index/index',
  groupFeed: (groupId: string) => withId('/packages/groups/pages/feed/index', groupId),
  compose: (groupId: string, kind: 'post' | 'announcement') =>
    `/packages/groups/pages/compose/index?${query({ groupId, kind })}`,
  post: (postId: string) => withId('/packages/groups/pages/post/index', postId),
  readers: (postId: string) => withId('/packages/groups/pages/readers/index', postId),
  /** 微讲坛 (subpackage): the list, one lecture, its quiz, the editor (no id: new), study statistics. */
  lectures: '/packages/lectures/pages/index/index',
  lecture: (id: string) => withId('/packages/lectures/pages/detail/index', id),
  quiz: (lectureId: string) => withId('/packages/lectures/pages/quiz/index', lectureId),
  editLecture: (id?: string) =>
    id ? withId('/packages/lectures/pages/edit/index', id) : '/packages/lectures/pages/edit/index',
  studyStats: '/packages/lectures/pages/stats/index',
  /** 支部党员名册 (subpackage): a secretary's members and their invite codes. */
  branchMembers: '/packages/org/pages/members/index',
  /** 绑定微信 (subpackage): what an invite 小程序码 opens, the code read from its scene. */
  bind: '/packages/org/pages/bind/index',
  /** 搜索 (subpackage): projects, people, lectures and posts within what the person may read. */
  search: '/packages/org/pages/search/index',
  /** 组织管理 (subpackage, committee): units, groups, secretaries, group leaders, moves and merges. */
  orgAdmin: '/packages/org/pages/admin/index',
  /** 导入党员名册 (subpackage, committee). */
  rosterImport: '/packages/org/pages/roster-import/index',
  /** 看板 (subpackage): the committee's or a secretary's dashboard, and the list behind one of its numbers. */
  dashboard: '/packages/dashboard/pages/index/index',
  /** One branch's dashboard (the committee opens it from the league). */
  branchDashboard: (branchId: string) => `/packages/dashboard/pages/index/index?${query({ branchId })}`,
  dashboardList: (params: Record<string, string | undefined>) =>
    `/packages/dashboard/pages/list/index?${query(params)}`,
  /** 管理台账 export of one project (projectId) or of a branch's year (branchId + year). */
  ledger: (params: { projectId?: string; branchId?: string; year?: string }) =>
    `/packages/admin/pages/ledger/index?${query(params)}`,
  /** 分片督导 and 随机抽查. */
  supervision: '/packages/admin/pages/supervision/index',
  spotCheck: (id: string) => withId('/packages/admin/pages/spot-check/index', id),
  /** One 督导记录 and its follow-ups (an owner closes theirs here). */
  supervisionRecord: (id: string) => withId('/packages/admin/pages/supervision-record/index', id),
  /** A new 督导记录 for a branch; 电话调度 comes with the person called and the time. */
  newSupervisionRecord: (params: { branchId: string; method?: string; contactId?: string; time?: string }) =>
    `/packages/admin/pages/supervision-record-new/index?${query(params)}`,
  /** 整改任务: a secretary's (and a supervisor's) rectifications after spot checks. */
  rectifications: '/packages/admin/pages/rectifications/index',
  /** 十佳精品项目 and 电网先锋 eligibility. */
  evaluation: '/packages/admin/pages/evaluation/index',
  /** 大调研: the year's problems and 短板 (everyone submits and +1s; the committee curates). */
  survey: '/packages/admin/pages/survey/index',
}
