import { countPending } from '../_shared/checkin-counters'
import { monthOf } from '../../domain/checkin-counts'
import { chinaDay } from '../../domain/checkins'
import { dashboardYears, referenceDay, rollUpDashboards, weeksEnding } from '../../domain/dashboard'
import { COLLECTIONS } from '../_shared/cloud'
import {
  changedSince,
  getRun,
  readRollupInput,
  saveRun,
  syncDocuments,
  touchRun,
} from '../_shared/repositories/dashboard'

/**
 * However little changes, every document is recomputed at least this often, so that what no change mark covers
 * (a renamed branch, a member moved by a roster import) reaches the figures within the hour.
 */
export const FULL_EVERY_MS = 60 * 60 * 1000
/** Writes stamped just before a run started may land after its reads: the next run looks back this far. */
const OVERLAP_MS = 10_000

export interface RollupSummary {
  /** Nothing changed since the last run, the same day, within the hour: nothing was read beyond the marks. */
  skipped: boolean
  /** What changed, when the run looked (empty for a run that recomputed because of the day or the hour). */
  changed: string[]
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
 * The dashboard roll-up at `now`. A run with nothing new since the last one (the same China day, within the
 * hour) costs three round trips at any scale: the run record, one read per source of change, the new mark.
 * Otherwise it reads counters and project records (never check-ins), recomputes every dashboard document
 * (domain/dashboard.ts rollUpDashboards) and writes only those that changed.
 */
export async function rollUp(now: Date): Promise<RollupSummary> {
  const started = Date.now()
  const today = chinaDay(now)
  const last = await getRun()
  const lastFull = last?.fullAt ? new Date(last.fullAt).getTime() : 0
  if (last && last.today === today && now.getTime() - lastFull < FULL_EVERY_MS) {
    const changed = await changedSince(new Date(new Date(last.at).getTime() - OVERLAP_MS))
    if (changed.length === 0) {
      await touchRun({ at: now })
      const ms = Date.now() - started
      return {
        skipped: true,
        changed,
        today,
        countedLate: 0,
        rollups: 0,
        overdue: 0,
        written: 0,
        removed: 0,
        ms,
        readMs: ms,
        computeMs: 0,
        writeMs: 0,
      }
    }
    return fullRollUp(now, started, changed)
  }
  return fullRollUp(now, started, [])
}

async function fullRollUp(now: Date, started: number, changed: string[]): Promise<RollupSummary> {
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
    skipped: false,
    changed,
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
    fullAt: now,
    today,
    ms: summary.ms,
    written: summary.written,
    removed: summary.removed,
  })
  return summary
}
