import { yearCategoryLabels } from '../guide'
import { DEFAULT_RUBRIC } from '../acceptance'
import { EMPTY_REVIEW } from '../milestones'
import type { LedgerData } from '../ledger'
import {
  LEDGER_SHEETS,
  inLedger,
  ledgerFileName,
  ledgerSheetSizes,
  ledgerSheets,
  ledgerTitle,
} from '../ledger'
import type { Milestone, MilestoneRecord, Project } from '../../types/entities'

const at = (iso: string) => new Date(iso)

function project(id: string, over: Partial<Project> = {}): Project {
  return {
    _id: id,
    title: `项目${id}`,
    category: 'service',
    slogan: '口号',
    problem: '问题',
    answers: { what: '做什么', why: '为什么', who: '谁', how: '怎么做', when: '何时', extent: '程度' },
    branchId: 'b1',
    branchName: '运维部党支部',
    year: 2026,
    status: 'in_progress',
    ownerId: 's1',
    progress: 40,
    version: 1,
    tasks: [
      { id: 't1', title: '任务一', assigneeIds: ['m1', 'm2'] },
      { id: 't2', title: '任务二', assigneeIds: [] },
    ],
    checklist: [
      { id: 'c1', text: '立项表存档', done: true },
      { id: 'c2', text: '台账按月更新', done: false },
    ],
    submittedBy: null,
    acceptance: null,
    score: null,
    rating: { count: 0, sum: 0 },
    createdAt: at('2026-02-01T00:00:00Z'),
    updatedAt: at('2026-03-01T00:00:00Z'),
    ...over,
  }
}

const milestone = (
  id: string,
  projectId: string,
  order: number,
  over: Partial<Milestone> = {},
): Milestone => ({
  ...EMPTY_REVIEW,
  _id: id,
  projectId,
  branchId: 'b1',
  taskId: 't1',
  order,
  title: `里程碑${id}`,
  weight: 50,
  ownerId: 'm1',
  deadline: at('2026-03-31T00:00:00Z'),
  qualityStandard: '有记录',
  expectedGoal: '按期完成',
  status: 'open',
  updatedAt: at('2026-03-01T00:00:00Z'),
  ...over,
})

const record = (
  id: string,
  milestoneId: string,
  round: number,
  action: MilestoneRecord['action'],
): MilestoneRecord => ({
  _id: id,
  milestoneId,
  projectId: 'A',
  branchId: 'b1',
  round,
  action,
  from: action === 'submit' ? 'open' : 'submitted',
  to: action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'returned',
  actorId: action === 'submit' ? 'm1' : 's1',
  actorName: action === 'submit' ? '李强' : '王书记',
  description: action === 'submit' ? '已完成' : '',
  evidence: action === 'submit' ? ['cloud://x/a.jpg'] : [],
  comment: action === 'submit' ? '' : '同意',
  at: at(`2026-03-0${round}T0${action === 'submit' ? 1 : 2}:00:00Z`),
})

function data(): LedgerData {
  const closed = project('B', {
    acceptanceMethods: {
      site_visit: {
        notes: '察看示范岗现场',
        photos: ['p1', 'p2'],
        visited: null,
        opinion: '',
        byId: 'c1',
        byName: '赵委员',
        at: at('2026-06-29T02:00:00Z'),
      },
      survey: {
        notes: '走访班组',
        photos: [],
        visited: 12,
        opinion: '群众认可',
        byId: 'c1',
        byName: '赵委员',
        at: at('2026-06-29T03:00:00Z'),
      },
    },
    status: 'closed',
    progress: 100,
    createdAt: at('2026-01-05T00:00:00Z'),
    tasks: [{ id: 't1', title: '任务甲', assigneeIds: ['m2'] }],
    checklist: [],
    score: {
      rubric: [...DEFAULT_RUBRIC],
      scores: { measures: 27, plan: 28, effect: 22, innovation: 12 },
      total: 89,
      comment: '同意结题',
      scoredBy: 'c1',
      scoredAt: at('2026-06-30T08:00:00Z'),
    },
    rating: { count: 3, sum: 14 },
  })
  return {
    kind: 'branch_year',
    title: '运维部党支部 2026 年管理台账',
    branchName: '运维部党支部',
    year: 2026,
    exportedAt: at('2026-04-01T00:00:00Z'),
    exportedByName: '王书记',
    projects: [closed, project('A')],
    milestones: [
      milestone('m-a2', 'A', 1),
      milestone('m-a1', 'A', 0, { status: 'approved' }),
      milestone('m-b1', 'B', 0, { status: 'approved' }),
    ],
    records: [record('r2', 'm-a1', 1, 'approve'), record('r1', 'm-a1', 1, 'submit')],
    events: [],
    checkins: [
      {
        _id: 'k2',
        projectId: 'A',
        taskTitle: '任务一',
        milestoneTitle: null,
        personName: '李强',
        at: at('2026-03-02T12:00:00Z'),
        text: '=1+1',
        photos: [],
        place: null,
      },
      {
        _id: 'k1',
        projectId: 'A',
        taskTitle: '任务一',
        milestoneTitle: '里程碑m-a1',
        personName: '张敏',
        at: at('2026-03-01T12:00:00Z'),
        text: '巡视',
        photos: ['a', 'b'],
        place: { name: '变电站', latitude: 0, longitude: 0 },
      },
      {
        _id: 'k0',
        projectId: 'B',
        taskTitle: '任务甲',
        milestoneTitle: null,
        personName: '张敏',
        at: at('2026-05-01T12:00:00Z'),
        text: '走访',
        photos: [],
        place: null,
      },
    ],
    ratings: [
      { projectId: 'B', score: 5, comment: '很好', at: at('2026-07-01T00:00:00Z') },
      { projectId: 'B', score: 4, comment: '', at: at('2026-07-02T00:00:00Z') },
    ],
    supervisionRecords: [
      {
        _id: 'sr2',
        projectId: 'A',
        projectTitle: '项目A',
        method: 'site_visit',
        date: at('2026-03-10T00:00:00Z'),
        time: '',
        supervisorName: '赵委员',
        contactName: '王书记',
        findings: '现场规范',
        photos: ['x'],
        followUps: [],
        createdAt: at('2026-03-10T05:00:00Z'),
      },
      {
        _id: 'sr1',
        projectId: null,
        projectTitle: '',
        method: 'phone',
        date: at('2026-02-01T00:00:00Z'),
        time: '09:30',
        supervisorName: '赵委员',
        contactName: '王书记',
        findings: '台账待补',
        photos: [],
        followUps: [
          {
            id: 'f1',
            text: '补台账',
            ownerId: 'm1',
            ownerName: '李强',
            deadline: at('2026-02-08T00:00:00Z'),
            status: 'closed',
            evidence: { note: '已补齐', photos: [] },
            closedAt: at('2026-02-05T00:00:00Z'),
          },
          {
            id: 'f2',
            text: '组织学习',
            ownerId: 's1',
            ownerName: '王书记',
            deadline: at('2026-02-15T00:00:00Z'),
            status: 'open',
            evidence: null,
            closedAt: null,
          },
        ],
        createdAt: at('2026-02-01T02:00:00Z'),
      },
    ],
    names: new Map([
      ['s1', '王书记'],
      ['m1', '李强'],
      ['m2', '张敏'],
      ['c1', '赵委员'],
    ]),
  }
}

const sheet = (name: string) => ledgerSheets(data()).find((s) => s.name === name)

describe('督导记录 and 验收过程 sheets', () => {
  it('writes each 督导记录 by day, one row per follow-up, a record without follow-ups in one row', () => {
    const rows = sheet('督导记录')?.rows ?? []
    expect(rows.map((r) => [r[2], r[6], r[8], r[9], r[11], r[12]])).toEqual([
      ['电话调度', '台账待补', '补台账', '李强', '已完成', '已补齐'],
      ['电话调度', '台账待补', '组织学习', '王书记', '待跟进', ''],
      ['察看现场', '现场规范', '', '', '', ''],
    ])
    expect(rows[0][1]).toBe('09:30')
    expect(rows[2][7]).toBe(1)
  })

  it('writes the methods each project was accepted by, with the masses’ opinion beside its satisfaction', () => {
    expect(sheet('验收过程')?.rows.map((r) => r.slice(0, 7))).toEqual([
      ['项目B', '调查走访', '走访班组', 12, '群众认可', 4.7, 0],
      ['项目B', '察看现场', '察看示范岗现场', null, '', null, 2],
    ])
  })

  it('keeps to a project’s own and its branch-wide records in a project ledger', () => {
    const r = (projectId: string | null) => ({ projectId })
    expect([r(null), r('A'), r('B')].filter((x) => inLedger(x, 'project', 'A'))).toEqual([r(null), r('A')])
    expect([r(null), r('A'), r('B')].filter((x) => inLedger(x, 'branch_year', null))).toHaveLength(3)
  })
})

describe('ledger sheets', () => {
  it('has one sheet per part, in order, each row as wide as its headers', () => {
    const sheets = ledgerSheets(data())
    expect(sheets.map((s) => s.name)).toEqual(Object.values(LEDGER_SHEETS))
    for (const s of sheets) for (const row of s.rows) expect(row).toHaveLength(s.columns.length)
  })

  it('holds exactly as many rows as the preview says', () => {
    const d = data()
    const sizes = ledgerSheetSizes({
      projects: d.projects,
      milestones: d.milestones,
      checkins: d.checkins.length,
      records: d.records.length,
      events: d.events.length,
      comments: 1,
      supervisionRecords: d.supervisionRecords,
    })
    expect(sizes).toEqual(ledgerSheets(d).map((s) => ({ name: s.name, rows: s.rows.length })))
  })

  it('writes the plan with the 五个明确, a row for a task without milestones, and what is overdue', () => {
    const plan = sheet('任务分解')
    expect(plan?.columns.map((c) => c.header)).toEqual([
      '项目名称',
      '任务',
      '任务落实人员',
      '里程碑',
      '进度权重（%）',
      '责任人',
      '时限要求',
      '质量标准',
      '预期目标',
      '状态',
      '是否逾期',
    ])
    expect(plan?.rows.map((r) => [r[0], r[1], r[3], r[9], r[10]])).toEqual([
      ['项目B', '任务甲', '里程碑m-b1', '已完成', '否'],
      ['项目A', '任务一', '里程碑m-a1', '已完成', '否'],
      ['项目A', '任务一', '里程碑m-a2', '进行中', '已逾期'],
      ['项目A', '任务二', '', '', ''],
    ])
    expect(plan?.rows[1][2]).toBe('李强、张敏')
  })

  it('lists check-ins by project then time, as text however they begin', () => {
    expect(sheet('打卡写实')?.rows.map((r) => [r[0], r[3], r[5], r[6], r[7]])).toEqual([
      ['项目B', '张敏', '走访', 0, ''],
      ['项目A', '张敏', '巡视', 2, '变电站'],
      ['项目A', '李强', '=1+1', 0, ''],
    ])
  })

  it('writes approval rounds in order with words, and the rubric with its total', () => {
    expect(sheet('节点审批')?.rows.map((r) => [r[1], r[2], r[3], r[4], r[7]])).toEqual([
      ['里程碑m-a1', 1, '提交成果', '进行中 → 待审核', '已完成'],
      ['里程碑m-a1', 1, '审核通过', '待审核 → 已完成', '同意'],
    ])
    const score = sheet('验收评分')?.rows
    expect(score).toHaveLength(5)
    expect(score?.[4]).toEqual(['项目B', '合计', 100, 89, '同意结题', '赵委员', at('2026-06-30T08:00:00Z')])
  })

  it('keeps raters out: satisfaction as count and average, comments without who wrote them', () => {
    expect(sheet('群众满意度')?.rows).toEqual([
      ['项目B', 3, 4.7],
      ['项目A', 0, null],
    ])
    expect(sheet('群众评价')?.rows).toEqual([['项目B', 5, '很好', at('2026-07-01T00:00:00Z')]])
    expect(JSON.stringify(ledgerSheets(data()))).not.toMatch(/openid/)
  })

  it('names the file and the ledger in words (dates in China)', () => {
    const subject = { projectTitle: '党员“1+N”安全帮扶法/试点', branchName: '安质部党支部', year: 2026 }
    expect(ledgerFileName('project', subject, at('2026-03-31T17:00:00Z'))).toBe(
      '管理台账-党员“1+N”安全帮扶法_试点-20260401.xlsx',
    )
    expect(ledgerFileName('branch_year', subject, at('2026-03-31T17:00:00Z'))).toBe(
      '管理台账-安质部党支部-2026年.xlsx',
    )
    expect(ledgerTitle('branch_year', subject)).toBe('安质部党支部 2026 年管理台账')
    expect(ledgerTitle('project', subject)).toBe('《党员“1+N”安全帮扶法/试点》管理台账')
  })
})

describe('立项表 category', () => {
  it('names the category as the ledger’s year does (its published 选题指南), else by default', () => {
    const category = (d: LedgerData) =>
      ledgerSheets(d)
        .find((s) => s.name === '立项表')
        ?.rows.map((r) => r[2])
    expect(category(data())).toEqual(['服务关怀项目', '服务关怀项目'])
    const labels = yearCategoryLabels({
      published: true,
      categories: [{ id: 'service', label: '优质服务项目', note: '' }],
    })
    expect(category({ ...data(), categoryLabels: labels })).toEqual(['优质服务项目', '优质服务项目'])
  })
})
