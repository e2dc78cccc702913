/** 管理台账 as a workbook: its sheets, columns and widths, rows and file name. Who may export: ledger-permissions.ts. */
import type {
  Checkin,
  Milestone,
  MilestoneRecord,
  Project,
  ProjectCategory,
  ProjectEvent,
  Rating,
} from '../types/entities'
import type { LedgerSheetInfo } from '../types/functions/ledger'
import type { AcceptanceMethodRecord, SupervisionRecord } from '../types/entities-supervision'
import { averageRating, recordedAcceptanceMethods } from './acceptance'
import { dueState } from './checkins'
import { formatDay } from './dates'
import { chinaDay } from './time'
import {
  ACCEPTANCE_METHOD_LABELS,
  ACTION_LABELS,
  DUE_STATE_LABELS,
  CATEGORY_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  MILESTONE_ACTION_LABELS,
  MILESTONE_STATUS_LABELS,
  STATUS_LABELS,
  SUPERVISION_METHOD_LABELS,
} from './labels'

/** The sheets of the workbook, in order: one per part of the record. */
export const LEDGER_SHEETS = {
  cover: '台账说明',
  proposal: '立项表',
  plan: '任务分解',
  checklist: '工作清单',
  checkins: '打卡写实',
  approvals: '节点审批',
  events: '项目动态',
  supervision: '督导记录',
  acceptanceProcess: '验收过程',
  score: '验收评分',
  satisfaction: '群众满意度',
  comments: '群众评价',
} as const

/** A cell: text, a number, an instant (written in China time) or a calendar day (see `day` columns). */
export type CellValue = string | number | Date | null

export interface LedgerColumn {
  header: string
  /** Column width in characters. */
  width: number
  /** Dates in this column are calendar days (stored as UTC midnight), not instants. */
  day?: boolean
}

export interface LedgerSheet {
  name: string
  columns: LedgerColumn[]
  rows: CellValue[][]
}

export type LedgerCheckin = Pick<
  Checkin,
  '_id' | 'projectId' | 'taskTitle' | 'milestoneTitle' | 'personName' | 'at' | 'text' | 'photos' | 'place'
>
export type LedgerRating = Pick<Rating, 'projectId' | 'score' | 'comment' | 'at'>
export type LedgerSupervisionRecord = Pick<
  SupervisionRecord,
  | '_id'
  | 'projectId'
  | 'projectTitle'
  | 'method'
  | 'date'
  | 'time'
  | 'supervisorName'
  | 'contactName'
  | 'findings'
  | 'photos'
  | 'followUps'
  | 'createdAt'
>

/**
 * The 督导记录 a ledger holds: a branch's year, all of them; a project's, those about the project and those
 * about its whole branch (no project), in its year.
 */
export const inLedger = (
  r: Pick<SupervisionRecord, 'projectId'>,
  kind: 'project' | 'branch_year',
  projectId: string | null,
): boolean => kind === 'branch_year' || r.projectId === null || r.projectId === projectId

/** Everything an export writes, read by the function (projects in ledger order). */
export interface LedgerData {
  kind: 'project' | 'branch_year'
  title: string
  branchName: string
  year: number
  exportedAt: Date
  exportedByName: string
  projects: readonly Project[]
  milestones: readonly Milestone[]
  records: readonly MilestoneRecord[]
  events: readonly ProjectEvent[]
  checkins: readonly LedgerCheckin[]
  ratings: readonly LedgerRating[]
  supervisionRecords: readonly LedgerSupervisionRecord[]
  /** Names of owners, assignees, milestone owners and scorers, by person id. */
  names: ReadonlyMap<string, string>
  /** What the ledger's year calls each category (guide.ts yearCategoryLabels); the default names without it. */
  categoryLabels?: Readonly<Record<ProjectCategory, string>>
}

/** A title made safe for a file name on every phone and desktop. */
const fileSafe = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, 40)

export const ledgerTitle = (
  kind: 'project' | 'branch_year',
  subject: { projectTitle?: string; branchName: string; year: number },
): string =>
  kind === 'project'
    ? `《${subject.projectTitle ?? ''}》管理台账`
    : `${subject.branchName} ${subject.year} 年管理台账`

/** 管理台账-<project>-<YYYYMMDD>.xlsx, or 管理台账-<branch>-<year>年.xlsx (dates in China). */
export function ledgerFileName(
  kind: 'project' | 'branch_year',
  subject: { projectTitle?: string; branchName: string; year: number },
  at: Date,
): string {
  if (kind === 'branch_year') return `管理台账-${fileSafe(subject.branchName)}-${subject.year}年.xlsx`
  return `管理台账-${fileSafe(subject.projectTitle ?? '')}-${chinaDay(at).replace(/-/g, '')}.xlsx`
}

/** Projects in ledger order: oldest first, then by id. */
export const ledgerOrder = <P extends Pick<Project, '_id' | 'createdAt'>>(projects: readonly P[]): P[] =>
  [...projects].sort(
    (a, b) =>
      new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
      (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  )

/** Rows each task contributes to 任务分解: one per milestone, or one for a task without milestones. */
const planRowsOf = (
  p: Pick<Project, '_id' | 'tasks'>,
  milestones: readonly Pick<Milestone, 'projectId' | 'taskId'>[],
) =>
  p.tasks.reduce(
    (n, t) => n + Math.max(1, milestones.filter((m) => m.projectId === p._id && m.taskId === t.id).length),
    0,
  )

const COVER_ROWS = 6

/** What the preview counts without reading every record. */
export interface LedgerCounts {
  projects: readonly Pick<Project, '_id' | 'tasks' | 'checklist' | 'score' | 'acceptanceMethods'>[]
  milestones: readonly Pick<Milestone, 'projectId' | 'taskId'>[]
  checkins: number
  records: number
  events: number
  /** Ratings with a comment. */
  comments: number
  supervisionRecords: readonly Pick<SupervisionRecord, 'followUps'>[]
}

/** How many rows each sheet will hold, by the same rules the sheets are built with. */
export function ledgerSheetSizes(c: LedgerCounts): LedgerSheetInfo[] {
  const S = LEDGER_SHEETS
  return [
    { name: S.cover, rows: COVER_ROWS },
    { name: S.proposal, rows: c.projects.length },
    { name: S.plan, rows: c.projects.reduce((n, p) => n + planRowsOf(p, c.milestones), 0) },
    { name: S.checklist, rows: c.projects.reduce((n, p) => n + p.checklist.length, 0) },
    { name: S.checkins, rows: c.checkins },
    { name: S.approvals, rows: c.records },
    { name: S.events, rows: c.events },
    {
      name: S.supervision,
      rows: c.supervisionRecords.reduce((n, r) => n + Math.max(1, r.followUps.length), 0),
    },
    {
      name: S.acceptanceProcess,
      rows: c.projects.reduce((n, p) => n + recordedAcceptanceMethods(p.acceptanceMethods).length, 0),
    },
    { name: S.score, rows: c.projects.reduce((n, p) => n + (p.score ? p.score.rubric.length + 1 : 0), 0) },
    { name: S.satisfaction, rows: c.projects.length },
    { name: S.comments, rows: c.comments },
  ]
}

const col = (header: string, width: number, day = false): LedgerColumn =>
  day ? { header, width, day } : { header, width }

const byTime = <T extends { at: Date }>(a: T, b: T) => new Date(a.at).getTime() - new Date(b.at).getTime()
const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)

/** The workbook's sheets, rows in ledger order (project, then plan order or time). */
export function ledgerSheets(d: LedgerData): LedgerSheet[] {
  const S = LEDGER_SHEETS
  const name = (id: string | null) => (id ? (d.names.get(id) ?? '') : '')
  const projectIndex = new Map(d.projects.map((p, i) => [p._id, i]))
  const titleOf = (projectId: string) => d.projects[projectIndex.get(projectId) ?? -1]?.title ?? ''
  const inProjectOrder = <T extends { projectId: string }>(
    items: readonly T[],
    then: (a: T, b: T) => number,
  ) =>
    [...items]
      .filter((x) => projectIndex.has(x.projectId))
      .sort(
        (a, b) =>
          (projectIndex.get(a.projectId) as number) - (projectIndex.get(b.projectId) as number) || then(a, b),
      )
  const today = chinaDay(d.exportedAt)
  const milestoneById = new Map(d.milestones.map((m) => [m._id, m]))

  const cover: LedgerSheet = {
    name: S.cover,
    columns: [col('项目', 14), col('内容', 48)],
    rows: [
      ['台账名称', d.title],
      ['党支部', d.branchName],
      ['年度', d.year],
      ['项目数', d.projects.length],
      ['导出人', d.exportedByName],
      ['导出时间', d.exportedAt],
    ],
  }

  const proposal: LedgerSheet = {
    name: S.proposal,
    columns: [
      col('序号', 6),
      col('项目名称', 28),
      col('类别', 14),
      col('口号', 20),
      col('问题导向', 30),
      col('做什么', 30),
      col('为什么做', 30),
      col('谁来做', 24),
      col('怎么做', 30),
      col('何时做', 20),
      col('做到什么程度', 30),
      col('党支部', 18),
      col('年度', 8),
      col('状态', 10),
      col('进度（%）', 10),
      col('负责人', 10),
      col('创建时间', 18),
      col('最近更新', 18),
    ],
    rows: d.projects.map((p, i) => [
      i + 1,
      p.title,
      (d.categoryLabels ?? CATEGORY_LABELS)[p.category],
      p.slogan,
      p.problem,
      p.answers.what,
      p.answers.why,
      p.answers.who,
      p.answers.how,
      p.answers.when,
      p.answers.extent,
      p.branchName,
      p.year,
      STATUS_LABELS[p.status],
      p.progress,
      name(p.ownerId),
      p.createdAt,
      p.updatedAt,
    ]),
  }

  const plan: LedgerSheet = {
    name: S.plan,
    columns: [
      col('项目名称', 28),
      col('任务', 22),
      col('任务落实人员', 20),
      col('里程碑', 24),
      col('进度权重（%）', 12),
      col('责任人', 10),
      col('时限要求', 12, true),
      col('质量标准', 28),
      col('预期目标', 28),
      col('状态', 10),
      col('是否逾期', 10),
    ],
    rows: d.projects.flatMap((p) =>
      p.tasks.flatMap((t) => {
        const people = t.assigneeIds.map(name).filter(Boolean).join('、')
        const ms = d.milestones
          .filter((m) => m.projectId === p._id && m.taskId === t.id)
          .sort((a, b) => a.order - b.order)
        if (ms.length === 0) return [[p.title, t.title, people, '', null, '', null, '', '', '', '']]
        return ms.map((m): CellValue[] => {
          const overdue =
            dueState(m.deadline ? formatDay(m.deadline) : null, m.status === 'approved', today) === 'overdue'
          return [
            p.title,
            t.title,
            people,
            m.title,
            m.weight,
            name(m.ownerId),
            m.deadline,
            m.qualityStandard,
            m.expectedGoal,
            MILESTONE_STATUS_LABELS[m.status],
            overdue ? DUE_STATE_LABELS.overdue : '否',
          ]
        })
      }),
    ),
  }

  const checklist: LedgerSheet = {
    name: S.checklist,
    columns: [col('项目名称', 28), col('序号', 6), col('清单事项', 36), col('完成情况', 10)],
    rows: d.projects.flatMap((p) =>
      p.checklist.map((c, i) => [p.title, i + 1, c.text, c.done ? '已完成' : '未完成']),
    ),
  }

  const checkins: LedgerSheet = {
    name: S.checkins,
    columns: [
      col('项目名称', 28),
      col('任务', 20),
      col('里程碑', 20),
      col('党员', 10),
      col('写实时间', 18),
      col('写实内容', 48),
      col('照片（张）', 10),
      col('地点', 20),
    ],
    rows: inProjectOrder(d.checkins, (a, b) => byTime(a, b) || byId(a, b)).map((c) => [
      titleOf(c.projectId),
      c.taskTitle,
      c.milestoneTitle ?? '',
      c.personName,
      c.at,
      c.text,
      c.photos.length,
      c.place?.name ?? '',
    ]),
  }

  const approvals: LedgerSheet = {
    name: S.approvals,
    columns: [
      col('项目名称', 28),
      col('里程碑', 24),
      col('轮次', 6),
      col('环节', 10),
      col('状态变化', 18),
      col('操作人', 10),
      col('时间', 18),
      col('成果说明或审批意见', 40),
      col('附件（个）', 10),
    ],
    rows: inProjectOrder(
      d.records,
      (a, b) =>
        (milestoneById.get(a.milestoneId)?.order ?? 0) - (milestoneById.get(b.milestoneId)?.order ?? 0) ||
        a.round - b.round ||
        byTime(a, b) ||
        byId(a, b),
    ).map((r) => [
      titleOf(r.projectId),
      milestoneById.get(r.milestoneId)?.title ?? '',
      r.round,
      MILESTONE_ACTION_LABELS[r.action],
      `${MILESTONE_STATUS_LABELS[r.from]} → ${MILESTONE_STATUS_LABELS[r.to]}`,
      r.actorName,
      r.at,
      r.action === 'submit' ? r.description : r.comment,
      r.evidence.length,
    ]),
  }

  const events: LedgerSheet = {
    name: S.events,
    columns: [
      col('项目名称', 28),
      col('环节', 14),
      col('状态变化', 22),
      col('操作人', 10),
      col('时间', 18),
      col('意见', 40),
    ],
    rows: inProjectOrder(d.events, (a, b) => byTime(a, b) || byId(a, b)).map((e) => [
      titleOf(e.projectId),
      ACTION_LABELS[e.action],
      e.from ? `${STATUS_LABELS[e.from]} → ${STATUS_LABELS[e.to]}` : STATUS_LABELS[e.to],
      e.actorName,
      e.at,
      e.comment,
    ]),
  }

  const supervision: LedgerSheet = {
    name: S.supervision,
    columns: [
      col('督导日期', 12, true),
      col('时间', 8),
      col('督导方式', 10),
      col('督导人', 10),
      col('联系人', 10),
      col('项目', 24),
      col('督导发现', 40),
      col('照片（张）', 10),
      col('跟进事项', 30),
      col('责任人', 10),
      col('时限', 12, true),
      col('跟进状态', 10),
      col('完成情况', 30),
    ],
    rows: [...d.supervisionRecords]
      .sort(
        (a, b) =>
          new Date(a.date).getTime() - new Date(b.date).getTime() ||
          new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
          byId(a, b),
      )
      .flatMap((r) => {
        const head: CellValue[] = [
          r.date,
          r.time,
          SUPERVISION_METHOD_LABELS[r.method],
          r.supervisorName,
          r.contactName,
          r.projectTitle,
          r.findings,
          r.photos.length,
        ]
        if (r.followUps.length === 0) return [[...head, '', '', null, '', '']]
        return r.followUps.map((f): CellValue[] => [
          ...head,
          f.text,
          f.ownerName,
          f.deadline,
          FOLLOW_UP_STATUS_LABELS[f.status],
          f.evidence?.note ?? '',
        ])
      }),
  }

  const acceptanceProcess: LedgerSheet = {
    name: S.acceptanceProcess,
    columns: [
      col('项目名称', 28),
      col('验收方式', 10),
      col('验收情况', 40),
      col('走访人数', 10),
      col('群众评价', 36),
      col('群众满意度（满分 5 分）', 20),
      col('照片（张）', 10),
      col('记录人', 10),
      col('记录时间', 18),
    ],
    rows: d.projects.flatMap((p) =>
      recordedAcceptanceMethods(p.acceptanceMethods).map((method): CellValue[] => {
        const m = p.acceptanceMethods?.[method] as AcceptanceMethodRecord
        return [
          p.title,
          ACCEPTANCE_METHOD_LABELS[method],
          m.notes,
          m.visited,
          m.opinion,
          method === 'survey' ? averageRating(p.rating) : null,
          m.photos.length,
          m.byName,
          m.at,
        ]
      }),
    ),
  }

  const score: LedgerSheet = {
    name: S.score,
    columns: [
      col('项目名称', 28),
      col('评分项', 20),
      col('满分', 8),
      col('得分', 8),
      col('验收意见', 40),
      col('评分人', 10),
      col('评分时间', 18),
    ],
    rows: d.projects.flatMap((p): CellValue[][] => {
      if (!p.score) return []
      const s = p.score
      return [
        ...s.rubric.map((r): CellValue[] => [p.title, r.label, r.max, s.scores[r.key] ?? null, '', '', null]),
        [
          p.title,
          '合计',
          s.rubric.reduce((n, r) => n + r.max, 0),
          s.total,
          s.comment,
          name(s.scoredBy),
          s.scoredAt,
        ],
      ]
    }),
  }

  const satisfaction: LedgerSheet = {
    name: S.satisfaction,
    columns: [col('项目名称', 28), col('评价人数', 10), col('平均分（满分 5 分）', 18)],
    rows: d.projects.map((p) => [p.title, p.rating.count, averageRating(p.rating)]),
  }

  // Staff comments only: who rated stays out (no openid, no name), as on the 四公开 page.
  const comments: LedgerSheet = {
    name: S.comments,
    columns: [col('项目名称', 28), col('评分', 6), col('评价内容', 48), col('评价时间', 18)],
    rows: inProjectOrder(
      d.ratings.filter((r) => r.comment !== ''),
      (a, b) => byTime(a, b) || a.comment.localeCompare(b.comment),
    ).map((r) => [titleOf(r.projectId), r.score, r.comment, r.at]),
  }

  return [
    cover,
    proposal,
    plan,
    checklist,
    checkins,
    approvals,
    events,
    supervision,
    acceptanceProcess,
    score,
    satisfaction,
    comments,
  ]
}
