/**
 * Every page of the app, in one home. src/app.config.ts lists its pages and subpackages from PAGES, the app and
 * the messages a function writes (reminders, notifications) build addresses with `routes`, and
 * types/__tests__/routes.test.ts checks that the two agree with what Taro reads from app.config.ts.
 */

/**
 * Page paths as app.config.ts names them (no leading slash). The main package comes first, in app.config order
 * (the first page opens the app); a page under `packages/<name>/` loads in that subpackage.
 */
export const PAGES = {
  home: 'pages/index/index',
  checkin: 'pages/checkin/index',
  approvals: 'pages/approvals/index',
  mine: 'pages/mine/index',
  project: 'pages/project/index',
  proposal: 'pages/proposal/index',
  plan: 'pages/plan/index',
  acceptance: 'pages/acceptance/index',
  review: 'pages/review/index',
  publicView: 'pages/public/index',
  checkinNew: 'pages/checkin-new/index',
  milestoneSubmit: 'pages/milestone-submit/index',
  submission: 'pages/submission/index',
  messages: 'pages/messages/index',
  reminderSettings: 'pages/reminder-settings/index',
  privacy: 'pages/privacy/index',
  groups: 'packages/groups/pages/index/index',
  groupFeed: 'packages/groups/pages/feed/index',
  compose: 'packages/groups/pages/compose/index',
  post: 'packages/groups/pages/post/index',
  readers: 'packages/groups/pages/readers/index',
  dashboard: 'packages/dashboard/pages/index/index',
  dashboardList: 'packages/dashboard/pages/list/index',
  ledger: 'packages/admin/pages/ledger/index',
  supervision: 'packages/admin/pages/supervision/index',
  spotCheck: 'packages/admin/pages/spot-check/index',
  rectifications: 'packages/admin/pages/rectifications/index',
  evaluation: 'packages/admin/pages/evaluation/index',
  supervisionRecord: 'packages/admin/pages/supervision-record/index',
  newSupervisionRecord: 'packages/admin/pages/supervision-record-new/index',
  survey: 'packages/admin/pages/survey/index',
  showcase: 'packages/admin/pages/showcase/index',
  showcaseProject: 'packages/admin/pages/showcase-detail/index',
  guide: 'packages/admin/pages/guide/index',
  branchMembers: 'packages/org/pages/members/index',
  rosterImport: 'packages/org/pages/roster-import/index',
  bind: 'packages/org/pages/bind/index',
  search: 'packages/org/pages/search/index',
  orgAdmin: 'packages/org/pages/admin/index',
  orgAudit: 'packages/org/pages/audit/index',
  lectures: 'packages/lectures/pages/index/index',
  lecture: 'packages/lectures/pages/detail/index',
  quiz: 'packages/lectures/pages/quiz/index',
  editLecture: 'packages/lectures/pages/edit/index',
  studyStats: 'packages/lectures/pages/stats/index',
} as const

export type PageName = keyof typeof PAGES

/** The tab bar's pages, in app.config.ts order (a tab page is never "opened on its own": the tab bar leads home). */
export const TAB_PAGES = [
  'home',
  'checkin',
  'approvals',
  'messages',
  'mine',
] as const satisfies readonly PageName[]

/** Whether a page path (with or without the leading slash or a query) is one of the tab bar's pages. */
export function isTabPage(path: string): boolean {
  const page = path.replace(/^\//, '').replace(/\?.*$/, '')
  return TAB_PAGES.some((name) => PAGES[name] === page)
}

const SUBPACKAGE = /^(packages\/[^/]+)\/(.+)$/

/** app.config.ts `pages` and `subPackages`, read from PAGES (subpackages in the order their first page appears). */
export function appPages(): { pages: string[]; subPackages: { root: string; pages: string[] }[] } {
  const pages: string[] = []
  const subPackages: { root: string; pages: string[] }[] = []
  for (const path of Object.values(PAGES)) {
    const sub = SUBPACKAGE.exec(path)
    if (!sub) {
      pages.push(path)
      continue
    }
    const [, root, page] = sub
    const known = subPackages.find((p) => p.root === root)
    if (known) known.pages.push(page)
    else subPackages.push({ root, pages: [page] })
  }
  return { pages, subPackages }
}

/** The address of a page, as navigateTo and a message's `page` take it. */
const at = (name: PageName) => `/${PAGES[name]}`
const withId = (name: PageName, id: string) => `${at(name)}?id=${encodeURIComponent(id)}`
const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')

/** Page addresses, built in one place so a renamed page breaks the compiler, not a tap. */
export const routes = {
  home: at('home'),
  approvals: at('approvals'),
  checkin: at('checkin'),
  mine: at('mine'),
  /** 消息 (tab): reminders and what waits for me. */
  messages: at('messages'),
  /** 我的 → 提醒设置. */
  reminderSettings: at('reminderSettings'),
  /** 隐私保护指引 (also opened by WeChat's privacy question). */
  privacy: at('privacy'),
  project: (id: string) => withId('project', id),
  /** No id: a new draft. */
  proposal: (id?: string) => (id ? withId('proposal', id) : at('proposal')),
  plan: (id: string) => withId('plan', id),
  acceptance: (id: string) => withId('acceptance', id),
  /** The committee's acceptance review (验收). */
  review: (id: string) => withId('review', id),
  publicView: (id: string) => withId('publicView', id),
  /** A new check-in on a task, or on one milestone of it. */
  checkinNew: (projectId: string, taskId: string, milestoneId?: string) =>
    `${at('checkinNew')}?${query({ projectId, taskId, milestoneId })}`,
  /** The owner submits a milestone as done (提交成果). */
  milestoneSubmit: (id: string) => withId('milestoneSubmit', id),
  /** The approver's view of a milestone submission (待审批). */
  submission: (id: string) => withId('submission', id),
  /** 党小组 (subpackage): my groups, a group's feed (动态 / 成员 / 项目), writing, one post, who has read. */
  groups: at('groups'),
  groupFeed: (groupId: string) => withId('groupFeed', groupId),
  compose: (groupId: string, kind: 'post' | 'announcement') => `${at('compose')}?${query({ groupId, kind })}`,
  post: (postId: string) => withId('post', postId),
  readers: (postId: string) => withId('readers', postId),
  /** 微讲坛 (subpackage): the list, one lecture, its quiz, the editor (no id: new), study statistics. */
  lectures: at('lectures'),
  lecture: (id: string) => withId('lecture', id),
  quiz: (lectureId: string) => withId('quiz', lectureId),
  editLecture: (id?: string) => (id ? withId('editLecture', id) : at('editLecture')),
  studyStats: at('studyStats'),
  /** 支部党员名册 (subpackage): a secretary's members and their invite codes. */
  branchMembers: at('branchMembers'),
  /** 绑定微信 (subpackage): what an invite 小程序码 opens, the code read from its scene. */
  bind: at('bind'),
  /** 搜索 (subpackage): projects, people, lectures and posts within what the person may read. */
  search: at('search'),
  /** 组织管理 (subpackage, committee): units, groups, secretaries, group leaders, moves and merges. */
  orgAdmin: at('orgAdmin'),
  /** 操作记录 (subpackage, committee): every org change with before/after, and the search-index backfill. */
  orgAudit: at('orgAudit'),
  /** 导入党员名册 (subpackage, committee). */
  rosterImport: at('rosterImport'),
  /** 看板 (subpackage): the committee's or a secretary's dashboard, and the list behind one of its numbers. */
  dashboard: at('dashboard'),
  /** One branch's dashboard (the committee opens it from the league). */
  branchDashboard: (branchId: string) => `${at('dashboard')}?${query({ branchId })}`,
  dashboardList: (params: Record<string, string | undefined>) => `${at('dashboardList')}?${query(params)}`,
  /** 管理台账 export of one project (projectId) or of a branch's year (branchId + year). */
  ledger: (params: { projectId?: string; branchId?: string; year?: string }) =>
    `${at('ledger')}?${query(params)}`,
  /** 分片督导 (my branches, with what is due) and 随机抽查. */
  supervision: at('supervision'),
  /** A 随机抽查 with its rectifications (the secretary reports done there, the committee confirms). */
  spotCheck: (id: string) => withId('spotCheck', id),
  /** One 督导记录 and its follow-ups (an owner closes theirs here). */
  supervisionRecord: (id: string) => withId('supervisionRecord', id),
  /** A new 督导记录 for a branch; 电话调度 comes with the person called and the time. */
  newSupervisionRecord: (params: { branchId: string; method?: string; contactId?: string; time?: string }) =>
    `${at('newSupervisionRecord')}?${query(params)}`,
  /** 整改任务: a secretary's (and a supervisor's) rectifications after spot checks. */
  rectifications: at('rectifications'),
  /** 十佳精品项目 and 电网先锋 eligibility. */
  evaluation: at('evaluation'),
  /** 大调研: the year's problems and 短板 (everyone submits and +1s; the committee curates). */
  survey: at('survey'),
  /** 十佳风采 (经验交流): the newest year's 十佳精品项目, and one of them read-only (借鉴 for secretaries). */
  showcase: at('showcase'),
  showcaseProject: (id: string, year: number) =>
    `${at('showcaseProject')}?${query({ id, year: String(year) })}`,
  /** 选题指南 of the year (everyone reads it; the committee edits, publishes and reminds). */
  guide: at('guide'),
}
