/** Cloud answers the built-weapp tests share: one project as a list row and as its detail. */
import type { ProjectDetail, ProjectSummary } from '../../types/api'

export const summary = (id: string, title: string): ProjectSummary => ({
  id,
  title,
  category: 'service',
  categoryLabel: '服务关怀项目',
  status: 'in_progress',
  slogan: '电力先锋，服务万家',
  branchId: 'b-sales',
  branchName: '营销党支部',
  year: 2025,
  progress: 60,
  updatedAt: '2025-03-05T08:00:00.000Z',
})

export const detail: ProjectDetail = {
  ...summary('prj-001', '“党建+供电服务”连心桥'),
  status: 'approved',
  progress: 0,
  problem: '社区居民用电诉求响应慢',
  answers: {
    what: '上门服务',
    why: '诉求多',
    who: '全体党员',
    how: '每月走访',
    when: '全年',
    extent: '满意率95%',
  },
  owner: { id: 'p-wang', name: '王建国' },
  version: 4,
  tasks: [],
  checklist: [],
  acceptance: null,
  acceptanceMethods: [],
  score: null,
  rating: { count: 0, average: null },
  events: [],
  work: [],
  can: ['save_plan', 'start'],
  missingFields: [],
  problemIds: [],
  problems: [],
  planProblems: ['计划书还没有任务'],
  rectifications: [],
  borrowedFrom: null,
}
