import { PROJECT_CATEGORIES } from '../types/entities'
import type {
  GuideCategory,
  GuideContent,
  ProjectCategory,
  ProposalGuide,
  ProjectStatus,
  SurveyField,
  SurveyProblem,
} from '../types/entities'
import { parseDay } from './dates'
import { CATEGORY_LABELS } from './labels'
import { SURVEY_FIELD_LABELS } from './survey'

/**
 * 选题指南: the committee's guide for a year's proposals — the categories (the five by default, renamed or left
 * out per year; a project keeps its category id), the focus fields, the key problems of the year's 调研 and
 * the proposal window. These are its rules; the guide itself is stored per year with its history.
 */

/** The most survey problems one proposal links to. */
export const MAX_LINKED_PROBLEMS = 5

/** A new year's guide before the committee edits it: the five categories, the first quarter to propose. */
export function defaultGuideContent(year: number): GuideContent {
  return {
    categories: PROJECT_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id], note: '' })),
    focusFields: [],
    focus: '',
    opensOn: `${year}-01-01`,
    deadline: `${year}-03-31`,
  }
}

/** The year's name of each category: the guide's where it has one, else the default. */
export function categoryLabelsOf(
  categories: readonly GuideCategory[] | null,
): Record<ProjectCategory, string> {
  const out = { ...CATEGORY_LABELS }
  for (const c of categories ?? []) out[c.id] = c.label
  return out
}

/**
 * The names a year's projects go by wherever they are counted or listed (the dashboard, the 管理台账): the year's
 * published guide's, a category it leaves out keeping its default name; the defaults while no guide is published.
 * Ids never change, so figures and filters stay the same whatever the year calls them.
 */
export function yearCategoryLabels(
  guide: Pick<ProposalGuide, 'published' | 'categories'> | null | undefined,
): Record<ProjectCategory, string> {
  return categoryLabelsOf(guide?.published ? guide.categories : null)
}

export interface GuideIssue {
  path: string
  message: string
}

/** What is wrong with a guide the committee wants to save for `year` (empty: nothing). */
export function guideIssues(year: number, g: GuideContent): GuideIssue[] {
  const issues: GuideIssue[] = []
  if (g.categories.length === 0) issues.push({ path: 'categories', message: '至少保留一个项目类别' })
  const ids = g.categories.map((c) => c.id)
  if (new Set(ids).size !== ids.length) issues.push({ path: 'categories', message: '项目类别不能重复' })
  const labels = g.categories.map((c) => c.label.trim())
  if (new Set(labels).size !== labels.length) issues.push({ path: 'categories', message: '两个类别不能同名' })
  if (new Set(g.focusFields).size !== g.focusFields.length)
    issues.push({ path: 'focusFields', message: '重点领域不能重复' })
  const opens = parseDay(g.opensOn)
  const deadline = parseDay(g.deadline)
  if (!opens) issues.push({ path: 'opensOn', message: '申报开始日期不是有效的日期' })
  if (!deadline) issues.push({ path: 'deadline', message: '申报截止日期不是有效的日期' })
  if (opens && deadline) {
    if (opens > deadline) issues.push({ path: 'deadline', message: '申报截止日期不能早于开始日期' })
    const inRange = (d: Date) => d.getUTCFullYear() >= year - 1 && d.getUTCFullYear() <= year + 1
    if (!inRange(opens) || !inRange(deadline))
      issues.push({ path: 'deadline', message: `申报时间应在 ${year - 1} 年至 ${year + 1} 年之间` })
  }
  return issues
}

export type WindowState = 'not_open' | 'open' | 'closed'

/** Where the proposal window stands on a China day (YYYY-MM-DD; both ends are days of the window). */
export function windowState(g: Pick<GuideContent, 'opensOn' | 'deadline'>, today: string): WindowState {
  if (today < g.opensOn) return 'not_open'
  if (today > g.deadline) return 'closed'
  return 'open'
}

/**
 * The year a new draft belongs to: the China calendar year it is begun in (`today`), unless it is next year's —
 * it takes up a problem of next year's 调研, or next year's guide is published and its proposal window has
 * opened (the committee opens 2027's proposals in December 2026: a draft begun then is a 2027 project).
 */
export function draftYear(
  today: string,
  nextGuide: Pick<ProposalGuide, 'year' | 'published' | 'opensOn'> | null | undefined,
  linkedYears: readonly number[] = [],
): number {
  const year = Number(today.slice(0, 4))
  if (linkedYears.includes(year + 1)) return year + 1
  if (nextGuide?.published && nextGuide.year === year + 1 && today >= nextGuide.opensOn) return year + 1
  return year
}

/** The window in words, as the guide and the proposal form show it. */
export function windowText(g: Pick<GuideContent, 'opensOn' | 'deadline'>, today: string): string {
  const state = windowState(g, today)
  if (state === 'not_open') return `立项申报 ${g.opensOn} 开始，${g.deadline} 截止`
  if (state === 'closed') return `立项申报已于 ${g.deadline} 截止`
  return `立项申报进行中，${g.deadline} 截止`
}

/**
 * Why a proposal may not be sent to the committee today, or null. Only a published guide of the project's
 * year sets a window. A draft is sent inside it; a proposal the committee returned goes back whenever it is
 * ready, since it was first sent in time. Outside the window a draft is still saved: only sending waits
 * (before it opens) or needs the committee to extend the deadline (after it).
 */
export function submitWindowRefusal(
  guide: (Pick<GuideContent, 'opensOn' | 'deadline'> & { year: number; published: boolean }) | null,
  today: string,
  status: ProjectStatus,
): string | null {
  if (!guide?.published || status === 'returned') return null
  const state = windowState(guide, today)
  if (state === 'not_open') return `${guide.year} 年立项申报 ${guide.opensOn} 开始，草稿已保存，届时再提交`
  if (state === 'closed')
    return `${guide.year} 年立项申报已于 ${guide.deadline} 截止，草稿已保存；如需补报，请联系党委延长申报时间`
  return null
}

const fieldsText = (fields: readonly SurveyField[]) =>
  fields.length > 0 ? fields.map((f) => SURVEY_FIELD_LABELS[f]).join('、') : '无'

/** What changed between two published versions of a guide, in words (the first publication says so). */
export function describeGuideChange(before: GuideContent | null, after: GuideContent): string {
  if (!before)
    return `发布选题指南：${after.categories.length} 个项目类别，申报 ${after.opensOn} 至 ${after.deadline}`
  const parts: string[] = []
  const was = new Map(before.categories.map((c) => [c.id, c]))
  const now = new Map(after.categories.map((c) => [c.id, c]))
  for (const c of after.categories) {
    const old = was.get(c.id)
    if (!old) parts.push(`增加类别「${c.label}」`)
    else if (old.label !== c.label) parts.push(`类别「${old.label}」改名为「${c.label}」`)
    else if (old.note !== c.note) parts.push(`修改了「${c.label}」的说明`)
  }
  for (const c of before.categories) if (!now.has(c.id)) parts.push(`取消类别「${c.label}」`)
  if (before.opensOn !== after.opensOn) parts.push(`申报开始日期由 ${before.opensOn} 改为 ${after.opensOn}`)
  if (before.deadline !== after.deadline) {
    const verb = after.deadline > before.deadline ? '延长至' : '提前至'
    parts.push(`申报截止日期由 ${before.deadline} ${verb} ${after.deadline}`)
  }
  if (fieldsText(before.focusFields) !== fieldsText(after.focusFields))
    parts.push(`重点领域改为：${fieldsText(after.focusFields)}`)
  if (before.focus !== after.focus) parts.push('修改了重点方向')
  return parts.length > 0 ? parts.join('；') : '重新发布，内容未变'
}

/** A branch has proposed once one of its projects of the year went to the committee (a draft has not). */
export const hasProposed = (status: ProjectStatus): boolean => status !== 'draft'

/** Why these problems may not be linked to a proposal of `year` (null: they may). */
export function linkRefusal(
  asked: readonly string[],
  found: ReadonlyMap<string, Pick<SurveyProblem, '_id' | 'year' | 'mergedInto'>>,
  year: number,
): GuideIssue | null {
  for (const id of asked) {
    const p = found.get(id)
    if (!p) return { path: 'problemIds', message: '没有找到所选的调研问题' }
    if (p.year !== year) return { path: 'problemIds', message: `只能关联 ${year} 年度调研的问题` }
    if (p.mergedInto) return { path: 'problemIds', message: '所选问题已合并到另一条，请关联合并后的问题' }
  }
  return null
}

export interface YearProposal {
  branchId: string
  branchName: string
  status: ProjectStatus
  problemIds?: string[]
}

export interface GuideProgress {
  /** The branches that have proposed nothing yet this year, in the order given. */
  missing: { branchId: string; branchName: string }[]
  proposed: number
  /** Per key problem, the branches whose proposal (sent to the committee) takes it up. */
  takenBy: Map<string, string[]>
}

/** Who has proposed, and which key problems the year's proposals take up. */
export function guideProgress(
  branches: readonly { _id: string; name: string }[],
  proposals: readonly YearProposal[],
  keyProblemIds: readonly string[],
): GuideProgress {
  const sent = proposals.filter((p) => hasProposed(p.status))
  const proposedBranches = new Set(sent.map((p) => p.branchId))
  const takenBy = new Map<string, string[]>(keyProblemIds.map((id) => [id, []]))
  for (const p of sent) {
    for (const id of new Set(p.problemIds ?? [])) {
      const names = takenBy.get(id)
      if (names && !names.includes(p.branchName)) names.push(p.branchName)
    }
  }
  return {
    missing: branches
      .filter((b) => !proposedBranches.has(b._id))
      .map((b) => ({ branchId: b._id, branchName: b.name })),
    proposed: branches.filter((b) => proposedBranches.has(b._id)).length,
    takenBy,
  }
}
