import type { InspectionCadence, InspectionPlan } from '../types/entities-supervision'
import { DUE_STATE_LABELS, INSPECTION_CADENCE_LABELS, REMINDER_KIND_LABELS } from './labels'
import type { PlannedReminder } from './reminder-delivery'
import type { ReminderRules } from './reminder-rules'
import { chineseDate } from './time'
import { dayNumber } from './reminder-calendar'
import { reminderKey } from './reminder-delivery'
import { routes } from '../types/routes'

/**
 * 定期检查 on a schedule: the committee sets, per year, how often each supervisor inspects the branches assigned to
 * them (每月, 每季度, 每半年, 每年). The year is cut into calendar periods of China days; a branch is covered in a
 * period once a 定期检查 record is dated inside it (SupervisionBranchStatus.lastInspectionDate). All the math here is
 * on China days ("YYYY-MM-DD", chinaDay(now)), never on the server's clock or timezone.
 */

/** How many months one period of each cadence spans. */
const MONTHS: Record<InspectionCadence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 }

export interface InspectionPeriod {
  /** 2026-M03, 2026-Q1, 2026-H1, 2026: the reminder keys' period. */
  key: string
  /** First and last China day of the period. */
  start: string
  end: string
  /** 2026年3月, 2026年第一季度, 2026年上半年, 2026年度. */
  label: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const QUARTERS = ['一', '二', '三', '四']

/** The last day of a month (1-12) of a year. */
const monthEnd = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`

/** The period of `cadence` holding the China day `day`. */
export function periodOf(day: string, cadence: InspectionCadence): InspectionPeriod {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const span = MONTHS[cadence]
  const index = Math.floor((month - 1) / span)
  const first = index * span + 1
  const last = first + span - 1
  const start = `${year}-${pad(first)}-01`
  const end = monthEnd(year, last)
  if (cadence === 'monthly')
    return { key: `${year}-M${pad(month)}`, start, end, label: `${year}年${month}月` }
  if (cadence === 'quarterly')
    return { key: `${year}-Q${index + 1}`, start, end, label: `${year}年第${QUARTERS[index]}季度` }
  if (cadence === 'half_yearly')
    return { key: `${year}-H${index + 1}`, start, end, label: `${year}年${index === 0 ? '上' : '下'}半年` }
  return { key: `${year}`, start, end, label: `${year}年度` }
}

/** The China day before `day`. */
export const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** The cadence set for `year`, if any. */
export const planFor = (plans: readonly InspectionPlan[] | undefined, year: number): InspectionPlan | null =>
  plans?.find((p) => p.year === year) ?? null

/** The plans after setting `cadence` (null: none) for `year`, by `setBy` on `today`; other years are kept. */
export function withPlan(
  plans: readonly InspectionPlan[] | undefined,
  year: number,
  cadence: InspectionCadence | null,
  setBy: { id: string; name: string },
  today: string,
): InspectionPlan[] {
  const others = (plans ?? []).filter((p) => p.year !== year)
  if (!cadence) return others
  const since = Number(today.slice(0, 4)) === year ? today : `${year}-01-01`
  return [...others, { year, cadence, setById: setBy.id, setByName: setBy.name, since }].sort(
    (a, b) => a.year - b.year,
  )
}

/** Why a cadence cannot be set for `year` on `today`, or null: this year or the next only. */
export function cadenceYearProblem(year: number, today: string): string | null {
  const now = Number(today.slice(0, 4))
  return year === now || year === now + 1 ? null : `只能设置${now}年或${now + 1}年的定期检查频次`
}

/** Where a branch stands in its current period. */
export interface InspectionDue {
  cadence: InspectionCadence
  period: InspectionPeriod
  /** Inspected inside the period (on this day), or not yet. */
  doneOn: string | null
  /** China days left until the period's end (0 = its last day). */
  daysLeft: number
}

/** The branch's current period under the plans, or null when no cadence is set for today's year. */
export function inspectionDue(
  plans: readonly InspectionPlan[] | undefined,
  lastInspection: string | null,
  today: string,
): InspectionDue | null {
  const plan = planFor(plans, Number(today.slice(0, 4)))
  if (!plan) return null
  const period = periodOf(today, plan.cadence)
  const doneOn = lastInspection !== null && lastInspection >= period.start ? lastInspection : null
  return { cadence: plan.cadence, period, doneOn, daysLeft: dayNumber(period.end) - dayNumber(today) }
}

/** The dashboard's coverage: branches inspected this period, of those due (one per supervised branch with a cadence). */
export function inspectionCoverage(
  rows: readonly { plans: readonly InspectionPlan[] | undefined; lastInspection: string | null }[],
  today: string,
): { due: number; checked: number } {
  let due = 0
  let checked = 0
  for (const r of rows) {
    const d = inspectionDue(r.plans, r.lastInspection, today)
    if (!d) continue
    due += 1
    if (d.doneOn) checked += 1
  }
  return { due, checked }
}

/** One supervised branch as the sweep sees it. */
export interface InspectionFact {
  supervisorId: string
  branchId: string
  branchName: string
  supervisorName: string
  plans: readonly InspectionPlan[] | undefined
  lastInspection: string | null
}

/**
 * 定期检查 reminders on a sweep of `today`, each once (the key holds the period):
 * - due: the current period ends within `dueSoonDays` and the branch is not inspected in it → the supervisor;
 * - overdue: the previous period ended without an inspection in it (and none since) → the supervisor, within
 *   `lookbackDays` after its end; a period that ended before the cadence was set is not counted;
 * - escalated: `escalateAfterDays` after that end, still no inspection → the committee member who set the cadence
 *   (not when that is the supervisor).
 */
export function planInspections(
  facts: readonly InspectionFact[],
  today: string,
  rules: ReminderRules,
): PlannedReminder[] {
  const out: PlannedReminder[] = []
  for (const f of facts) {
    const now = inspectionDue(f.plans, f.lastInspection, today)
    const page = routes.newSupervisionRecord({ branchId: f.branchId, method: 'inspection' })
    if (now && !now.doneOn && now.daysLeft <= rules.dueSoonDays) {
      out.push({
        key: reminderKey('inspection_due', f.supervisorId, f.branchId, now.period.key),
        kind: 'inspection_due',
        personId: f.supervisorId,
        itemId: f.branchId,
        title: '定期检查即将到期',
        body: `${f.branchName}${now.period.label}的定期检查（${INSPECTION_CADENCE_LABELS[now.cadence]}）${now.daysLeft === 0 ? '今天到期' : `还有 ${now.daysLeft} 天到期`}（${chineseDate(now.period.end)}），请安排检查并记录。`,
        page,
        values: { title: '定期检查', branch: f.branchName, deadline: now.period.end, status: '即将到期' },
      })
    }
    const lastDay = dayBefore(currentStart(f, today))
    const plan = planFor(f.plans, Number(lastDay.slice(0, 4)))
    if (!plan) continue
    const missed = periodOf(lastDay, plan.cadence)
    if (missed.end !== lastDay || missed.end < plan.since) continue
    if (f.lastInspection !== null && f.lastInspection >= missed.start) continue
    const late = dayNumber(today) - dayNumber(missed.end)
    if (late > rules.lookbackDays + rules.escalateAfterDays) continue
    const values = {
      title: '定期检查',
      branch: f.branchName,
      deadline: missed.end,
      status: DUE_STATE_LABELS.overdue,
    }
    if (late <= rules.lookbackDays)
      out.push({
        key: reminderKey('inspection_overdue', f.supervisorId, f.branchId, missed.key),
        kind: 'inspection_overdue',
        personId: f.supervisorId,
        itemId: f.branchId,
        title: REMINDER_KIND_LABELS.inspection_overdue,
        body: `${f.branchName}${missed.label}的定期检查没有按期完成（时限 ${chineseDate(missed.end)}），请尽快检查并记录。`,
        page,
        values,
      })
    if (late >= rules.escalateAfterDays && plan.setById !== f.supervisorId)
      out.push({
        key: reminderKey('inspection_escalated', plan.setById, f.branchId, missed.key),
        kind: 'inspection_escalated',
        personId: plan.setById,
        itemId: f.branchId,
        title: '定期检查逾期督办',
        body: `${f.branchName}${missed.label}的定期检查已逾期 ${late} 天（时限 ${chineseDate(missed.end)}），联系指导人${f.supervisorName}至今没有记录检查。`,
        page: routes.supervision,
        values: { ...values, person: f.supervisorName },
      })
  }
  return out
}

/**
 * Whether a sweep on `today` can plan a 定期检查 reminder: every period ends on a month's last day, so only the
 * month's last `dueSoonDays` (due) and its first days up to `lookbackDays + escalateAfterDays` (overdue,
 * escalated) can. On the other days the sweep does not read the plans at all.
 */
export function isInspectionSweepDay(today: string, rules: ReminderRules): boolean {
  const dayOfMonth = Number(today.slice(8, 10))
  const left = dayNumber(monthEnd(Number(today.slice(0, 4)), Number(today.slice(5, 7)))) - dayNumber(today)
  return left <= rules.dueSoonDays || dayOfMonth <= rules.lookbackDays + rules.escalateAfterDays
}

/** The start of the current period under today's plan, or the year's start when none is set this year. */
function currentStart(f: InspectionFact, today: string): string {
  const plan = planFor(f.plans, Number(today.slice(0, 4)))
  return plan ? periodOf(today, plan.cadence).start : `${today.slice(0, 4)}-01-01`
}
