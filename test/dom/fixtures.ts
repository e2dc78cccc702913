/** Realistic data for DOM tests, typed by the contract so a contract change breaks them loudly. */
import type { MemberView, MeView, ProjectDetail, ProjectSummary, PublicProjectView } from '@contract/api'

export const secretary: MeView = {
  id: 'p-wang',
  name: '王建国',
  title: '营销部主任',
  branch: { id: 'b-sales', name: '营销党支部' },
  group: { id: 'g-1', name: '第一党小组' },
  roles: ['secretary', 'member'],
  grants: [
    { role: 'secretary', branchId: 'b-sales' },
    { role: 'member', branchId: 'b-sales' },
  ],
}

export const member: MeView = {
  id: 'p-li',
  name: '李海燕',
  title: '客户经理',
  branch: { id: 'b-sales', name: '营销党支部' },
  group: { id: 'g-1', name: '第一党小组' },
  roles: ['member'],
  grants: [{ role: 'member', branchId: 'b-sales' }],
}

export const committee: MeView = {
  id: 'p-zhao',
  name: '赵振华',
  title: '党委书记',
  branch: null,
  group: null,
  roles: ['committee'],
  grants: [{ role: 'committee' }],
}

export const members: MemberView[] = [
  {
    id: 'p-wang',
    name: '王建国',
    title: '营销部主任',
    roles: ['secretary', 'member'],
    groupName: '第一党小组',
    phone: null,
    bound: true,
  },
  {
    id: 'p-li',
    name: '李海燕',
    title: '客户经理',
    roles: ['member'],
    groupName: '第一党小组',
    phone: null,
    bound: true,
  },
  {
    id: 'p-zhang',
    name: '张志强',
    title: '营销专责',
    roles: ['member'],
    groupName: '第二党小组',
    phone: null,
    bound: true,
  },
]

export function summary(id: string, title: string, overrides: Partial<ProjectSummary> = {}): ProjectSummary {
  return {
    id,
    title,
    category: 'service',
    categoryLabel: '服务关怀项目',
    status: 'submitted',
    slogan: '电力先锋，服务万家',
    branchId: 'b-sales',
    branchName: '营销党支部',
    year: 2026,
    progress: 0,
    updatedAt: '2026-03-05T08:00:00.000Z',
    ...overrides,
  }
}

export const answers = {
  what: '组建党员服务队走进社区',
  why: '居民用电问题反映渠道不畅',
  who: '营销党支部全体党员',
  how: '每月一次上门服务',
  when: '2026年3月至12月',
  extent: '辖区居民满意率达到95%以上',
}

export function detail(overrides: Partial<ProjectDetail> = {}): ProjectDetail {
  return {
    ...summary('prj-001', '“党建+供电服务”连心桥'),
    status: 'draft',
    problem: '社区居民用电诉求响应慢',
    answers,
    owner: { id: 'p-wang', name: '王建国' },
    version: 3,
    tasks: [],
    checklist: [],
    acceptance: null,
    acceptanceMethods: [],
    score: null,
    rating: { count: 0, average: null },
    events: [],
    work: [],
    can: [],
    missingFields: [],
    problemIds: [],
    problems: [],
    planProblems: [],
    rectifications: [],
    borrowedFrom: null,
    ...overrides,
  }
}

export function publicView(overrides: Partial<PublicProjectView> = {}): PublicProjectView {
  return {
    id: 'prj-001',
    title: '“党建+供电服务”连心桥',
    category: 'service',
    categoryLabel: '服务关怀项目',
    status: 'in_progress',
    slogan: '电力先锋，服务万家',
    problem: '社区居民用电诉求响应慢',
    answers,
    branchName: '营销党支部',
    year: 2026,
    progress: 40,
    tasks: [
      {
        title: '走访社区',
        milestones: [
          { title: '完成首轮走访', ownerName: '李海燕', deadline: '2026-04-30', status: 'approved' },
        ],
      },
    ],
    effect: null,
    rating: {
      count: 12,
      average: 4.5,
      mine: null,
      canRate: false,
      closed: '项目申请结题验收后开放群众评价',
      lastDay: null,
    },
    ...overrides,
  }
}
