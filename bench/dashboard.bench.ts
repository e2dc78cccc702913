import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyTally, tallyCheckin, tallyDocs } from '../domain/checkin-counts'
import { chinaDay } from '../domain/checkins'
import { EMPTY_REVIEW } from '../domain/milestones'
import { PROJECT_CATEGORIES } from '../types/entities'
import type { Checkin, Milestone, OrgUnit, Person, Project, ProjectStatus } from '../types/entities'
import type { DashboardView } from '../types/api'
import type { RollupSummary, ShardTiming } from '../cloudfunctions/dashboard/rollup'
import type { Result } from '../types/result'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import type { LoadedFunction } from '../localcloud/functions'
import { invokeFunction } from '../localcloud/gateway/server'
import { installIdentity, TRIGGER_CALLER } from '../localcloud/identity'
import { activeProfile, resolveProfile, setActiveProfile } from '../localcloud/profile'
import { newTrace } from '../localcloud/round-trips'
import { ROOT, branchId, buildFunctionsOnce, rows, COMMITTEE } from './harness'
import { atMost, info, median } from './report'
import type { Figure } from './report'

const DAY = 24 * 3600 * 1000
const MILESTONES_PER_PROJECT = 6
/** Check-ins are spread over the last 120 days: older ones change nothing the dashboard reads. */
const SPAN_DAYS = 120
const BATCH = 20_000
const SAMPLES = 200

interface Scale {
  name: string
  branches: number
  members: number
  projects: number
  checkins: number
}

const COUNTY: Scale = { name: 'county', branches: 30, members: 500, projects: 30, checkins: 50_000 }
const PROVINCE: Scale = {
  name: 'province',
  branches: 2000,
  members: 100_000,
  projects: 10_000,
  checkins: 2_000_000,
}

const personId = (i: number) => `p${i}`
const projectId = (j: number) => `prj${j}`
const STATUSES: ProjectStatus[] = [
  'in_progress',
  'in_progress',
  'in_progress',
  'closed',
  'acceptance_requested',
  'in_progress',
  'approved',
  'submitted',
  'closed',
  'draft',
]

const log = (line: string) => console.log(`[bench]   ${line}`)

/**
 * Branches, members (member i in branch i mod B; the first of each branch its secretary), projects of this year
 * (project j in branch j mod B, categories and statuses spread), six milestones each (the first ones approved,
 * some on time, the next one overdue), ratings on finished projects, study totals, and the check-ins with the
 * counters they add up to (the same tally the recount uses), inserted in bulk as the demo seed does.
 */
function seed(db: LocalDatabase, s: Scale, now: Date): void {
  const year = Number(chinaDay(now).slice(0, 4))
  const units: OrgUnit[] = [{ _id: 'committee', kind: 'committee', name: '党委', parentId: null, order: 0 }]
  for (let b = 0; b < s.branches; b++) {
    units.push({
      _id: branchId(b),
      kind: 'branch',
      name: `第${b + 1}党支部`,
      parentId: 'committee',
      order: b + 1,
    })
  }
  db.insertMany('org_units', rows(units))
  const people: Person[] = [COMMITTEE]
  for (let i = 0; i < s.members; i++) {
    const b = i % s.branches
    const grants: Person['grants'] = [{ role: 'member', branchId: branchId(b) }]
    if (i < s.branches) grants.push({ role: 'secretary', branchId: branchId(b) })
    people.push({
      _id: personId(i),
      openid: `bench-${i}`,
      name: `党员${i}`,
      phone: '13900000001',
      branchId: branchId(b),
      groupId: null,
      title: '',
      grants,
    })
  }
  for (let k = 0; k < people.length; k += BATCH) db.insertMany('people', rows(people.slice(k, k + BATCH)))
  // Member i studied (i mod 40) quarter-hours; a branch's total is its members' sum.
  const branchSeconds = new Array<number>(s.branches).fill(0)
  const memberTotals = people.slice(1).map((p, i) => {
    branchSeconds[i % s.branches] += (i % 40) * 900
    return {
      _id: `member:${p._id}`,
      scope: 'member',
      personTimes: 2,
      completed: 1,
      studySeconds: (i % 40) * 900,
    }
  })
  const branchTotals = branchSeconds.map((studySeconds, b) => ({
    _id: `branch:${branchId(b)}`,
    scope: 'branch',
    personTimes: 10,
    completed: 5,
    studySeconds,
  }))
  for (const part of [memberTotals, branchTotals]) {
    for (let k = 0; k < part.length; k += BATCH) db.insertMany('study_totals', rows(part.slice(k, k + BATCH)))
  }

  const projects: Project[] = []
  const milestones: Milestone[] = []
  const startOfYear = Date.UTC(year, 0, 1)
  const membersOf = Array.from({ length: s.branches }, () => [] as Person[])
  people.slice(1).forEach((p, i) => membersOf[i % s.branches].push(p))
  for (let j = 0; j < s.projects; j++) {
    const b = j % s.branches
    const status = STATUSES[Math.floor(j / s.branches) % STATUSES.length]
    const owners = membersOf[b]
    const id = projectId(j)
    const planned = !['draft', 'submitted'].includes(status)
    const done = status === 'closed' ? MILESTONES_PER_PROJECT : (j % 4) + 1
    for (let m = 0; planned && m < MILESTONES_PER_PROJECT; m++) {
      const deadline = new Date(startOfYear + (60 + m * 50 + (j % 20)) * DAY)
      const approved = m < done
      const decidedAt = approved ? new Date(deadline.getTime() + ((m + j) % 3 === 0 ? 3 : -2) * DAY) : null
      milestones.push({
        ...EMPTY_REVIEW,
        _id: `${id}-m${m}`,
        projectId: id,
        branchId: branchId(b),
        taskId: `t${m % 2}`,
        order: m,
        title: `里程碑${m}`,
        weight: m % 2 === 0 ? 20 : 13,
        ownerId: owners[m % owners.length]._id,
        deadline,
        qualityStandard: '有记录、有照片',
        expectedGoal: '按期完成',
        status: approved ? 'approved' : m === done ? 'submitted' : 'open',
        decidedAt,
        updatedAt: now,
      })
    }
    const ratings = status === 'closed' ? 5 + (j % 7) : 0
    projects.push({
      _id: id,
      title: `项目 ${j}`,
      category: PROJECT_CATEGORIES[Math.floor(j / s.branches) % PROJECT_CATEGORIES.length],
      slogan: '口号',
      problem: '问题',
      answers: { what: '做什么', why: '为什么', who: '谁', how: '怎么做', when: '何时', extent: '程度' },
      branchId: branchId(b),
      branchName: `第${b + 1}党支部`,
      year,
      status,
      ownerId: owners[0]._id,
      progress: 0,
      version: 1,
      tasks: [
        { id: 't0', title: '任务0', assigneeIds: owners.map((o) => o._id) },
        { id: 't1', title: '任务1', assigneeIds: [] },
      ],
      checklist: [],
      submittedBy: null,
      acceptance: null,
      score: null,
      rating: { count: ratings, sum: ratings * 4 + (j % 3) },
      createdAt: new Date(startOfYear),
      updatedAt: new Date(now.getTime() - j * 60_000),
    })
  }
  for (let k = 0; k < projects.length; k += 2000) db.insertMany('projects', rows(projects.slice(k, k + 2000)))
  for (let k = 0; k < milestones.length; k += BATCH)
    db.insertMany('milestones', rows(milestones.slice(k, k + BATCH)))

  // Each member checks in on one running project of their branch, evenly over the span, in the order recorded.
  const running = new Map<number, Project[]>()
  for (const p of projects) {
    if (p.status !== 'in_progress') continue
    const b = Number(p.branchId.slice(1))
    running.set(b, [...(running.get(b) ?? []), p])
  }
  const tally = emptyTally()
  const perPerson = Math.floor(s.checkins / s.members)
  let batch: Checkin[] = []
  let done = 0
  const started = performance.now()
  for (let i = 0; i < s.members; i++) {
    const b = i % s.branches
    const mine = running.get(b) ?? []
    if (mine.length === 0) continue
    const project = mine[Math.floor(i / s.branches) % mine.length]
    for (let k = 0; k < perPerson; k++) {
      const at = new Date(
        now.getTime() - SPAN_DAYS * DAY + ((k + 0.5) * SPAN_DAYS * DAY) / perPerson + (i % 97) * 60_000,
      )
      const c: Checkin = {
        _id: `ck-${i}-${k}`,
        requestId: `seed-${i}-${k}`,
        seq: k + 1,
        personId: personId(i),
        personName: `党员${i}`,
        branchId: project.branchId,
        projectId: project._id,
        projectTitle: project.title,
        taskId: 't0',
        taskTitle: '任务0',
        milestoneId: null,
        milestoneTitle: null,
        text: '带领班组完成现场勘查，落实安全措施。',
        photos: [],
        at,
        day: chinaDay(at),
        place: null,
        createdAt: at,
      }
      tallyCheckin(tally, c)
      batch.push(c)
      if (batch.length === BATCH) {
        db.insertMany('checkins', rows(batch))
        done += batch.length
        batch = []
        if (done % 250_000 === 0)
          log(`${done.toLocaleString()} check-ins (${((performance.now() - started) / 1000).toFixed(0)} s)`)
      }
    }
  }
  if (batch.length > 0) db.insertMany('checkins', rows(batch))
  const { stats, counts } = tallyDocs(tally)
  for (let k = 0; k < stats.length; k += BATCH)
    db.insertMany('checkin_stats', rows(stats.slice(k, k + BATCH)))
  for (let k = 0; k < counts.length; k += BATCH)
    db.insertMany('checkin_counts', rows(counts.slice(k, k + BATCH)))
  log(`${counts.length.toLocaleString()} counter documents`)
}

async function call(fn: LoadedFunction, action: string, payload: object, openid: string): Promise<unknown> {
  const res = (await invokeFunction(fn, { action, payload }, openid, 10_000)) as Result<unknown>
  if (!res.ok) throw new Error(`dashboard.${action} failed: ${res.code} ${res.message}`)
  return res.data
}

async function timed(run: (i: number) => Promise<unknown>, samplesWanted = SAMPLES): Promise<number> {
  for (let i = 0; i < 20; i++) await run(i)
  const samples: number[] = []
  for (let i = 0; i < samplesWanted; i++) {
    const t = performance.now()
    await run(i)
    samples.push(performance.now() - t)
  }
  return median(samples)
}

/** A roll-up round from its first run to its merge. */
interface RoundResult {
  s: number
  runs: number
  shards: ShardTiming[]
  written: number
  mergeMs: number
  /** The most sequential round trips any run of the round took per 1,000 documents it read or wrote. */
  tripsPer1000: number
}

/** Documents one database answer read or wrote (a page's list, inserted ids, updated or removed counts). */
function documentsIn(answer: unknown): number {
  const d = (answer as { data?: Record<string, unknown> } | null)?.data
  if (!d) return 0
  if (Array.isArray(d.list)) return d.list.length
  if (Array.isArray(d.insertedIds)) return d.insertedIds.length
  if (typeof d.updated === 'number' || typeof d.matched === 'number')
    return Math.max(Number(d.updated ?? 0), Number(d.matched ?? 0), 1)
  if (typeof d.deleted === 'number') return d.deleted
  return d._id !== undefined || d.doc !== undefined ? 1 : 0
}

const slowest = (r: RoundResult): number => Math.max(0, ...r.shards.map((x) => x.ms))

interface ScaleResult {
  seedS: number
  /** The first round, every run of it, and its slowest shard; the same an hour on under the cloud profile. */
  rollupS: number
  firstSlowestS: number
  firstMergeS: number
  cloudMergeS: number
  cloudShardS: number
  cloudRoundRuns: number
  /** The most round trips a timer run took per 1,000 documents it touched: first round, the cloud's hourly one. */
  firstTripsPer1000: number
  cloudTripsPer1000: number
  /** The run right after the first: everything recomputed again (the seed's writes are still recent). */
  steadyS: number
  /** A run with nothing new since the last one: the marks only. */
  idleS: number
  /** The same under the `cloud` profile's round trips, and the committee dashboard's median there. */
  cloudIdleS: number
  cloudCommittee: number
  committee: number
  branch: number
  overdue: number
  calls: number
  branchCalls: number
}

/** One scale in a database of its own: seed, roll up once, then time the calls. */
export async function runScale(fn: LoadedFunction, s: Scale): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), `dj-dashboard-${s.name}-`))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  try {
    const now = new Date()
    console.log(
      `[bench] ${s.name}: seeding ${s.branches} branches, ${s.members.toLocaleString()} members, ${s.projects.toLocaleString()} projects, ${s.checkins.toLocaleString()} check-ins…`,
    )
    const t0 = performance.now()
    seed(db, s, now)
    const seedS = (performance.now() - t0) / 1000
    log(`seeded in ${seedS.toFixed(1)} s; rolling up…`)
    // The first round, run after run as the timer would fire them, until the merge.
    // Every run's sequential round trips against the documents it read or wrote (the timer budget:
    // at most one round trip per 1,000 documents), counted on the database's answers.
    let touched = 0
    const answer = db.handle.bind(db)
    db.handle = async (api, params) => {
      const res = await answer(api, params)
      touched += documentsIn(res)
      return res
    }
    const round = async (at: Date): Promise<RoundResult> => {
      const t = performance.now()
      const out: RoundResult = { s: 0, runs: 0, shards: [], written: 0, mergeMs: 0, tripsPer1000: 0 }
      for (;;) {
        touched = 0
        const trace = newTrace('dashboard', 600_000)
        const res = (await invokeFunction(
          fn,
          { Type: 'Timer', TriggerName: 'rollup', Time: at.toISOString() },
          TRIGGER_CALLER,
          600_000,
          trace,
        )) as Result<RollupSummary>
        if (!res.ok) throw new Error(`roll-up failed: ${res.code} ${res.message}`)
        // Runs that touch fewer than 1,000 documents are held by the "nothing new" and per-action budgets.
        if (touched >= 1000)
          out.tripsPer1000 = Math.max(out.tripsPer1000, (trace.sequential * 1000) / touched)
        out.runs += 1
        out.shards.push(...res.data.shards)
        out.mergeMs = Math.max(out.mergeMs, res.data.mergeMs)
        out.written += res.data.written
        if (res.data.merged || res.data.skipped) break
        if (out.runs > 200) throw new Error('a roll-up round did not end in 200 runs')
      }
      out.s = (performance.now() - t) / 1000
      return out
    }
    // The clock is pinned to the seed's moment, so that what the round writes (a progress it puts right) is
    // stamped before the marks of the later runs, as it would be with the timer's real turns.
    process.env.LOCALCLOUD_NOW = now.toISOString()
    const first = await round(now)
    const rollupS = first.s
    log(
      `first round: ${first.runs} runs, ${first.shards.length} shards, ${first.written.toLocaleString()} documents written, ${rollupS.toFixed(1)} s (slowest shard ${(slowest(first) / 1000).toFixed(1)} s, at most ${first.tripsPer1000.toFixed(2)} round trips per 1,000 documents a run)`,
    )
    // The next round, as the timer fires it ten minutes later: the same reads, and writes only what changed.
    const again = await round(now)
    if (again.written !== 0)
      throw new Error(`a second roll-up with nothing new wrote ${again.written} documents`)
    const steadyS = again.s

    // A minute later, with nothing written since: the run reads only its marks. The clock is pinned a minute
    // ahead (as the timer's next turns would find it), so the seed's own writes are older than the last mark.
    const timer = () =>
      invokeFunction(
        fn,
        { Type: 'Timer', TriggerName: 'rollup', Time: new Date().toISOString() },
        TRIGGER_CALLER,
        600_000,
      ) as Promise<Result<{ skipped: boolean }>>
    process.env.LOCALCLOUD_NOW = new Date(now.getTime() + 60_000).toISOString()
    let idleS = 0
    let cloudIdleS = 0
    let cloudCommittee = 0
    let cloudShardS = 0
    let cloudMergeS = 0
    let cloudRoundRuns = 0
    let cloudTripsPer1000 = 0
    const profile = activeProfile()
    try {
      await round(new Date(now.getTime() + 60_000))
      process.env.LOCALCLOUD_NOW = new Date(now.getTime() + 120_000).toISOString()
      const t3 = performance.now()
      const idle = await timer()
      idleS = (performance.now() - t3) / 1000
      if (!idle.ok || !idle.data.skipped) throw new Error('a roll-up with nothing new recomputed')
      setActiveProfile(resolveProfile('cloud', {}))
      process.env.LOCALCLOUD_NOW = new Date(now.getTime() + 180_000).toISOString()
      const t4 = performance.now()
      const cloudIdle = await timer()
      cloudIdleS = (performance.now() - t4) / 1000
      if (!cloudIdle.ok || !cloudIdle.data.skipped) throw new Error('a roll-up with nothing new recomputed')
      cloudCommittee = await timed(() => call(fn, 'committee', {}, COMMITTEE.openid), SAMPLES / 4)
      // An hour on, every shard again under the cloud profile's round trips: how long the slowest one takes.
      const later = new Date(now.getTime() + 3600_000 + 240_000)
      process.env.LOCALCLOUD_NOW = later.toISOString()
      const cloudRound = await round(later)
      cloudShardS = slowest(cloudRound) / 1000
      cloudMergeS = cloudRound.mergeMs / 1000
      cloudRoundRuns = cloudRound.runs
      cloudTripsPer1000 = cloudRound.tripsPer1000
      log(
        `cloud: full round in ${cloudRound.runs} runs, ${cloudRound.shards.length} shards, slowest shard ${cloudShardS.toFixed(1)} s`,
      )
    } finally {
      setActiveProfile(profile)
      delete process.env.LOCALCLOUD_NOW
    }
    log(
      `nothing new: ${(idleS * 1000).toFixed(0)} ms, under the cloud profile ${(cloudIdleS * 1000).toFixed(0)} ms`,
    )

    // What the dashboard shows must be what was seeded: its weekly check-ins add up to the counters' weeks.
    const view = (await call(fn, 'committee', {}, COMMITTEE.openid)) as DashboardView
    const shown = view.weeks.reduce((t, w) => t + w.count, 0)
    const weeks = new Set(view.weeks.map((w) => w.week))
    const counted = db
      .find('checkin_counts', { scope: 'project_week' }, { limit: 100_000_000 })
      .filter((c) => weeks.has(c.week as string))
      .reduce((t, c) => t + (c.count as number), 0)
    if (shown !== counted || shown === 0)
      throw new Error(`dashboard shows ${shown} check-ins in 12 weeks, counters ${counted}`)
    if (view.league.total !== s.branches) throw new Error(`league of ${view.league.total} branches`)

    const categories = [undefined, ...PROJECT_CATEGORIES]
    const committee = await timed((i) => {
      const category = categories[i % categories.length]
      return call(fn, 'committee', category ? { category } : {}, COMMITTEE.openid)
    })
    const branch = await timed((i) => call(fn, 'branch', {}, `bench-${(i * 7) % s.branches}`))
    const overdue = await timed((i) => call(fn, 'overdue', { page: 1 + (i % 3) }, COMMITTEE.openid))

    const handle = db.handle.bind(db)
    let calls = 0
    db.handle = (api, params) => {
      calls += 1
      return handle(api, params)
    }
    await call(fn, 'committee', {}, COMMITTEE.openid)
    const committeeCalls = calls
    calls = 0
    await call(fn, 'branch', {}, 'bench-1')
    const branchCalls = calls
    db.handle = handle
    return {
      seedS,
      rollupS,
      firstSlowestS: slowest(first) / 1000,
      firstMergeS: first.mergeMs / 1000,
      cloudMergeS,
      cloudShardS,
      cloudRoundRuns,
      firstTripsPer1000: first.tripsPer1000,
      cloudTripsPer1000,
      steadyS,
      idleS,
      cloudIdleS,
      cloudCommittee,
      committee,
      branch,
      overdue,
      calls: committeeCalls,
      branchCalls,
    }
  } finally {
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * 看板 at county scale (30 branches, 500 members, 30 projects, 50,000 check-ins) and province scale (2,000
 * branches, 100,000 members, 10,000 projects, 2,000,000 check-ins) through the real `dashboard` bundle: the
 * committee dashboard's median time and database calls, and how much it grows from county to province.
 */
export async function benchDashboard(): Promise<Figure[]> {
  buildFunctionsOnce()
  installIdentity()
  const fn = loadFunctions(join(ROOT, 'build', 'cloudfunctions')).get('dashboard')
  if (!fn) throw new Error('no dashboard function was built')

  const county = await runScale(fn, COUNTY)
  const province = await runScale(fn, PROVINCE)
  return [
    info('dashboard: county seed (50k check-ins)', county.seedS, 's'),
    info('dashboard: county roll-up, first round', county.rollupS, 's'),
    info('dashboard: county roll-up, second run (everything again)', county.steadyS, 's'),
    info('dashboard: county roll-up, nothing new', county.idleS, 's'),
    atMost('dashboard: county committee dashboard, median', county.committee, 'ms', 50),
    info('dashboard: county branch dashboard, median', county.branch, 'ms'),
    info('dashboard: county overdue list page, median', county.overdue, 'ms'),
    atMost('dashboard: county committee database calls', county.calls, 'calls', 10),
    info('dashboard: province seed (2M check-ins)', province.seedS, 's'),
    info('dashboard: province roll-up, first round (timer runs, background)', province.rollupS, 's'),
    info('province roll-up, slowest shard', province.firstSlowestS, 's'),
    atMost('cloud: province roll-up, slowest shard', province.cloudShardS, 's', 20),
    info('province roll-up, first merge (one league document a key)', province.firstMergeS, 's'),
    atMost('cloud: province roll-up, merge', province.cloudMergeS, 's', 20),
    info('cloud: province roll-up, runs in a full round', province.cloudRoundRuns, 'runs'),
    atMost(
      'province roll-up, first round, round trips per 1,000 documents (worst run)',
      province.firstTripsPer1000,
      'round trips',
      1,
    ),
    atMost(
      'cloud: province roll-up, hourly round, round trips per 1,000 documents (worst run)',
      province.cloudTripsPer1000,
      'round trips',
      1,
    ),
    info('dashboard: province roll-up, second run (everything again)', province.steadyS, 's'),
    atMost('province roll-up, nothing new', province.idleS, 's', 1),
    atMost('cloud: province roll-up, nothing new', province.cloudIdleS, 's', 2),
    info('default: province committee dashboard, median', province.committee, 'ms'),
    atMost('cloud: province committee dashboard, median', province.cloudCommittee, 'ms', 50),
    atMost('dashboard: province committee dashboard, median', province.committee, 'ms', 50),
    info('dashboard: province branch dashboard, median', province.branch, 'ms'),
    info('dashboard: province overdue list page, median', province.overdue, 'ms'),
    atMost('dashboard: province committee database calls', province.calls, 'calls', 10),
    atMost('dashboard: province branch database calls', province.branchCalls, 'calls', 10),
    atMost('dashboard: province / county committee time', province.committee / county.committee, 'x', 3),
  ]
}
