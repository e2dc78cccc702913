import { countPending } from '../_shared/checkin-counters'
import { monthOf } from '../../domain/checkin-counts'
import { chinaDay } from '../../domain/checkins'
import { dashboardYears, referenceDay, weeksEnding } from '../../domain/dashboard'
import { mergeShards, progressRepairs, rollUpShard } from '../../domain/dashboard-rollup'
import type { DashboardRound, DashboardRun } from '../../types/entities-dashboard'
import { COLLECTIONS, _ } from '../_shared/cloud'
import { now as clockNow } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import {
  changedBranches,
  changedSince,
  getParts,
  getPlan,
  getRun,
  readShardInput,
  readStored,
  removePartsFrom,
  repairProgress,
  savePart,
  savePlan,
  saveRun,
  syncDocuments,
  touchRun,
  updateParts,
  yearsWithAnyProject,
} from '../_shared/repositories/dashboard'
import { listOrgUnits } from '../_shared/repositories/org'
import { chunk } from '../_shared/repositories/query'

/**
 * However little changes, every document is recomputed at least this often, so that what no change mark covers
 * (a renamed branch, a member moved by a roster import) reaches the figures within the hour.
 */
export const FULL_EVERY_MS = 60 * 60 * 1000
/** Writes stamped just before a run started may land after its reads: the next run looks back this far. */
const OVERLAP_MS = 10_000
/** Branches per shard: a province's 2,000 make twenty shards, each a few seconds under the cloud profile. */
export const SHARD_BRANCHES = 100

/** The shard size: SHARD_BRANCHES, or the function's DASHBOARD_SHARD_BRANCHES (tests split a small company). */
function shardBranches(): number {
  const n = Number(process.env.DASHBOARD_SHARD_BRANCHES)
  return Number.isInteger(n) && n > 0 ? n : SHARD_BRANCHES
}
/** A run starts another shard only this long after it began (a shard takes ≤ 20 s; the timeout is 60 s). */
export const RUN_WINDOW_MS = 25_000
/** RUN_WINDOW_MS, or the function's DASHBOARD_RUN_WINDOW_MS (tests do one shard a run). */
function runWindow(): number {
  const n = Number(process.env.DASHBOARD_RUN_WINDOW_MS)
  return Number.isInteger(n) && n > 0 ? n : RUN_WINDOW_MS
}
/** A shard that has failed this many runs in a row is put aside until the next round (its part says how old). */
const MAX_TRIES = 3

export interface ShardTiming {
  shard: number
  branches: number
  ms: number
  written: number
}

export interface RollupSummary {
  /** Nothing changed since the last run, the same day, within the hour: nothing was read beyond the marks. */
  skipped: boolean
  /** What changed, when the run looked (empty for a round begun because of the day or the hour). */
  changed: string[]
  today: string
  /** Check-ins counted by this run because the run that recorded them stopped before counting them. */
  countedLate: number
  /** The shards this run did, and how long each took. */
  shards: ShardTiming[]
  /** Shards of the round still to do after this run (the next run goes on with them). */
  pending: number
  /** Whether this run finished a round: the dashboards now hold every change written before it began. */
  merged: boolean
  /** How long the merge took (0 when this run did not merge). */
  mergeMs: number
  written: number
  removed: number
  ms: number
}

/**
 * The dashboard roll-up at `now`, in rounds of shards. A run with nothing new since the last one (the same China
 * day, within the hour) costs three round trips at any scale: the run record, one read per source of change,
 * the new mark. Otherwise it begins a round: every shard on a new day or hour, or only the shards whose
 * branches changed. Each shard reads its branches' counters and project records (never check-ins) and writes
 * their documents; a run does shards until RUN_WINDOW_MS has passed, and the next run goes on. When no shard is
 * left, the merge adds the shards' parts into the company documents and ranks the league.
 */
export async function rollUp(now: Date, windowMs = runWindow()): Promise<RollupSummary> {
  const started = Date.now()
  const today = chinaDay(now)
  const run = await getRun()
  const summary: RollupSummary = {
    skipped: false,
    changed: [],
    today,
    countedLate: 0,
    shards: [],
    pending: 0,
    merged: false,
    mergeMs: 0,
    written: 0,
    removed: 0,
    ms: 0,
  }
  let round = run?.round ?? null
  let pending = run?.pending ?? []
  let shards: string[][]
  if (!round || pending.length === 0) {
    const begun = await beginRound(now, run, summary)
    if (!begun) {
      summary.ms = Date.now() - started
      return summary
    }
    ;({ round, pending, shards } = begun)
  } else {
    shards = (await getPlan())?.shards ?? []
  }
  // At least one shard a run, however long the run took to get here, so that every run moves the round on.
  while (pending.length > 0 && (summary.shards.length === 0 || Date.now() - started < windowMs)) {
    const shard = pending[0]
    if (round.tries >= MAX_TRIES || shard >= shards.length) {
      logEvent('error', 'dashboard_shard_put_aside', { shard, tries: round.tries })
      pending = pending.slice(1)
      round = { ...round, tries: 0, aside: [...(round.aside ?? []), shard] }
      await touchRun({ pending, round })
      continue
    }
    // Counted before the work: a run killed in this shard leaves the count for the next to see.
    round = { ...round, tries: round.tries + 1 }
    await touchRun({ round })
    const t0 = Date.now()
    const written = await doShard(shard, shards[shard], round)
    summary.shards.push({ shard, branches: shards[shard].length, ms: Date.now() - t0, written })
    summary.written += written
    pending = pending.slice(1)
    round = { ...round, tries: 0 }
    await touchRun({ pending, round })
  }
  summary.pending = pending.length
  if (pending.length === 0) {
    const t0 = Date.now()
    const merged = await merge(
      round,
      shards.map((ids) => ids.length),
      run,
    )
    summary.mergeMs = Date.now() - t0
    summary.merged = true
    summary.written += merged.written
    summary.removed += merged.removed
  }
  summary.ms = Date.now() - started
  return summary
}

/** Begins a round, or marks a run that found nothing new (null). */
async function beginRound(
  now: Date,
  run: DashboardRun | null,
  summary: RollupSummary,
): Promise<{ round: DashboardRound; pending: number[]; shards: string[][] } | null> {
  const today = chinaDay(now)
  const lastFull = run?.fullAt ? new Date(run.fullAt).getTime() : 0
  const full = !run || run.today !== today || now.getTime() - lastFull >= FULL_EVERY_MS
  let pending: number[] | null = null
  let shards: string[][] = []
  if (!full && run) {
    const since = new Date(new Date(run.at).getTime() - OVERLAP_MS)
    summary.changed = await changedSince(since)
    if (summary.changed.length === 0) {
      await touchRun({ at: now })
      summary.skipped = true
      return null
    }
    // Check-ins whose run stopped between recording and counting are counted first, so the figures hold them.
    summary.countedLate = await countPending()
    const [branches, plan] = await Promise.all([changedBranches(since), getPlan()])
    shards = plan?.shards ?? []
    const shardOf = new Map(shards.flatMap((ids, i) => ids.map((id) => [id, i] as const)))
    if (branches && plan && [...branches].every((b) => shardOf.has(b))) {
      pending = [...new Set([...branches].map((b) => shardOf.get(b) as number))].sort((a, b) => a - b)
    }
  } else {
    summary.countedLate = await countPending()
  }
  const resplit = pending === null
  if (pending === null) {
    // Every shard, split afresh: branches added or removed since the last split are in it.
    const units = await listOrgUnits()
    const ids = units.filter((u) => u.kind === 'branch').map((u) => u._id)
    shards = chunk(ids, shardBranches())
    await savePlan({ _id: 'plan', shards, at: now })
    pending = shards.map((_x, i) => i)
  }
  const round: DashboardRound = { at: now, today, full: full || resplit, tries: 0, aside: [] }
  // The very first round has no run record yet: it starts one, with no figures held (at 0) until its merge.
  if (run) await touchRun({ round, pending })
  else await saveRun({ _id: 'run', at: new Date(0), today, ms: 0, written: 0, removed: 0, round, pending })
  return { round, pending, shards }
}

/** One shard: its branches' documents and overdue rows written, and its part for the merge. */
async function doShard(shard: number, branchIds: string[], round: DashboardRound): Promise<number> {
  const years = dashboardYears(round.today)
  const refs = years.map((y) => referenceDay(y, round.today))
  const weeks = [...new Set(refs.flatMap((d) => weeksEnding(d)))]
  const months = [...new Set(refs.map(monthOf))]
  const inShard = { branchId: _.in(branchIds) }
  const [input, activeYears, storedRollups, storedOverdue] = await Promise.all([
    readShardInput(round.today, branchIds, years, weeks, months),
    yearsWithAnyProject(years),
    readStored(COLLECTIONS.dashboardRollups, inShard),
    readStored(COLLECTIONS.dashboardOverdue, inShard),
  ])
  const out = rollUpShard(input, activeYears)
  const [a, b, repaired] = await Promise.all([
    syncDocuments(COLLECTIONS.dashboardRollups, out.rollups, storedRollups),
    syncDocuments(COLLECTIONS.dashboardOverdue, out.overdue, storedOverdue),
    // An approval stopped before it raised its project's progress is put right here, within the timer's turn.
    repairProgress(progressRepairs(input.projects, input.milestones), clockNow()),
  ])
  if (repaired > 0) logEvent('info', 'project_progress_repaired', { shard, projects: repaired })
  await savePart({ _id: `part:${shard}`, shard, at: round.at, today: round.today, part: out.part })
  return a.written + a.removed + b.written + b.removed
}

/** The company documents and the league from every shard's part; the round's mark on the run record. */
async function merge(
  round: DashboardRound,
  shardSizes: number[],
  run: DashboardRun | null,
): Promise<{ written: number; removed: number }> {
  const count = shardSizes.length
  const [parts, stored] = await Promise.all([
    getParts(count),
    readStored(COLLECTIONS.dashboardRollups, { kind: _.in(['company', 'league']) }),
  ])
  const { company, leagues } = mergeShards(parts.map((p) => p.part))
  // Shards not redone this round had nothing new: their figures hold every change before it too (but not
  // one put aside after failing: its part keeps its own time).
  const partAt = (p: { shard: number; at: Date }) => (round.aside?.includes(p.shard) ? p.at : round.at)
  // The company documents and one league document a key: a few dozen writes at any scale.
  const [synced] = await Promise.all([
    syncDocuments(COLLECTIONS.dashboardRollups, [...company, ...leagues], stored),
    updateParts(parts.map((p) => ({ shard: p.shard, at: partAt(p) }))),
    removePartsFrom(count, run?.parts?.length ?? 0),
  ])
  await saveRun({
    _id: 'run',
    at: round.at,
    today: round.today,
    fullAt: round.full ? round.at : (run?.fullAt ?? round.at),
    ms: 0,
    written: synced.written,
    removed: synced.removed,
    ...(run?.refreshedAt ? { refreshedAt: run.refreshedAt } : {}),
    pending: [],
    round: null,
    parts: parts.map((p) => ({ at: partAt(p), branches: shardSizes[p.shard] ?? 0 })),
  })
  logEvent('info', 'dashboard_merged', { shards: count, leagues: leagues.length })
  return synced
}
