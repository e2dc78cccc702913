import { countPending } from '../_shared/checkin-counters'
import { monthOf } from '../../domain/checkin-counts'
import { chinaDay } from '../../domain/checkins'
import { dashboardYears, referenceDay, rollUpDashboards, weeksEnding } from '../../domain/dashboard'
import { COLLECTIONS } from '../_shared/cloud'
import { readRollupInput, saveRun, syncDocuments } from '../_shared/repositories/dashboard'

export interface RollupSummary {
  today: string
  /** Check-ins counted by this run because the run that recorded them stopped before counting them. */
  countedLate: number
  rollups: number
  overdue: number
  written: number
  removed: number
  ms: number
  /** Where the time went: reading, computing, writing. */
  readMs: number
  computeMs: number
  writeMs: number
}

/**
 * The dashboard roll-up at `now`: reads counters and project records (never check-ins), recomputes every
 * dashboard document (domain/dashboard.ts rollUpDashboards) and writes only those that changed.
 */
export async function rollUp(now: Date): Promise<RollupSummary> {
  const started = Date.now()
  // Check-ins whose run stopped between recording and counting are counted first, so the figures hold them.
  const countedLate = await countPending()
  const today = chinaDay(now)
  const years = dashboardYears(today)
  const refs = years.map((y) => referenceDay(y, today))
  const weeks = [...new Set(refs.flatMap((d) => weeksEnding(d)))]
  const months = [...new Set(refs.map(monthOf))]
  const input = await readRollupInput(today, years, weeks, months)
  const read = Date.now()
  const out = rollUpDashboards(input)
  const computed = Date.now()
  const a = await syncDocuments(COLLECTIONS.dashboardRollups, out.rollups)
  const b = await syncDocuments(COLLECTIONS.dashboardOverdue, out.overdue)
  const summary = {
    countedLate,
    readMs: read - started,
    computeMs: computed - read,
    writeMs: Date.now() - computed,
    today,
    rollups: out.rollups.length,
    overdue: out.overdue.length,
    written: a.written + b.written,
    removed: a.removed + b.removed,
    ms: Date.now() - started,
  }
  await saveRun({
    _id: 'run',
    at: now,
    today,
    ms: summary.ms,
    written: summary.written,
    removed: summary.removed,
  })
  return summary
}
