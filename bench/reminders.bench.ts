import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chinaDay } from '../domain/checkins'
import { newStudy } from '../domain/lectures'
import { EMPTY_REVIEW } from '../domain/milestones'
import type { Milestone, OrgUnit, Person, Project, SubscriptionCredit } from '../types/entities'
import type { Lecture, LectureListing } from '../types/entities-community'
import type { Result } from '../types/result'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import type { LoadedFunction } from '../localcloud/functions'
import { invokeFunction } from '../localcloud/gateway/server'
import { installIdentity, TRIGGER_CALLER } from '../localcloud/identity'
import { resolveProfile, setActiveProfile } from '../localcloud/profile'
import { newTrace } from '../localcloud/round-trips'
import type { CloudProfile } from '../localcloud/profile'
import { CREDITS, OUTBOX, installOpenApi } from '../localcloud/openapi'
import { progressBar } from './progress'
import { ROOT, branchId, branchMember, buildFunctionsOnce, personId, rows } from './harness'
import { atMost, info, median, p95 } from './report'
import type { Figure } from './report'

const BRANCHES = 500
const PEOPLE_PER_BRANCH = 20
const PROJECTS_PER_BRANCH = 10
const MILESTONES_PER_PROJECT = 20
/** Deadlines spread over two years around the sweep's day, as a province's plans would be. */
const SPAN_DAYS = 730
const SUBMITTED = 1000
const PROPOSALS = 50
const BRANCH_LECTURES = 10
const COMPLETED_SHARE = 0.3
/** Every this-many-th member has accepted the milestone and study templates once. */
const SUBSCRIBER_EVERY = 20
const DAY = 24 * 3600 * 1000
const HOUR = 3600 * 1000
// Monday 2026-11-30, 09:30 in China: the weekly digest is due too.
const NOW = new Date('2026-11-30T01:30:00Z')
// A Tuesday, 10:00 in China, years after every deadline and submission: nothing is due.
const QUIET_DAY = new Date('2035-06-05T02:00:00Z')

const storedDay = (days: number) => new Date(Date.parse(`${chinaDay(NOW)}T00:00:00Z`) + days * DAY)

function seed(db: LocalDatabase): void {
  const units: OrgUnit[] = [{ _id: 'u0', kind: 'committee', name: '党委', parentId: null, order: 0 }]
  const people: Person[] = []
  for (let c = 0; c < 5; c++) {
    people.push({
      _id: `c${c}`,
      openid: `bench-c${c}`,
      name: `党委委员${c}`,
      phone: '13900000000',
      branchId: branchId(0),
      groupId: null,
      title: '党委委员',
      grants: [{ role: 'member', branchId: branchId(0) }, { role: 'committee' }],
    })
  }
  for (let b = 0; b < BRANCHES; b++) {
    units.push({ _id: branchId(b), kind: 'branch', name: `支部${b}`, parentId: 'u0', order: b + 1 })
    for (let k = 0; k < PEOPLE_PER_BRANCH; k++) people.push(branchMember(b, k))
  }
  db.insertMany('org_units', rows(units))
  db.insertMany('people', rows(people))

  let n = 0
  const bar = progressBar('projects and milestones of branches', BRANCHES)
  for (let b = 0; b < BRANCHES; b++) {
    const projects: Project[] = []
    const milestones: Milestone[] = []
    for (let j = 0; j < PROJECTS_PER_BRANCH; j++) {
      const id = `prj${b}-${j}`
      const proposal = b * PROJECTS_PER_BRANCH + j < PROPOSALS
      projects.push({
        _id: id,
        title: `项目 ${b}-${j}`,
        category: 'basic',
        slogan: '口号',
        problem: '问题',
        answers: { what: '做什么', why: '为什么', who: '谁', how: '怎么做', when: '何时', extent: '程度' },
        branchId: branchId(b),
        branchName: `支部${b}`,
        year: 2026,
        status: proposal ? 'submitted' : 'in_progress',
        ownerId: personId(b, 0),
        progress: (j * 10) % 100,
        version: 1,
        tasks: [{ id: 't1', title: '任务', assigneeIds: [personId(b, 1)] }],
        checklist: [],
        submittedBy: personId(b, 0),
        acceptance: null,
        score: null,
        rating: { count: 0, sum: 0 },
        createdAt: new Date(NOW.getTime() - 400 * DAY),
        updatedAt: new Date(NOW.getTime() - (proposal ? 30 * HOUR : (j + 1) * DAY)),
      })
      for (let m = 0; m < MILESTONES_PER_PROJECT; m++, n++) {
        milestones.push({
          ...EMPTY_REVIEW,
          _id: `${id}-m${m}`,
          projectId: id,
          branchId: branchId(b),
          taskId: 't1',
          order: m,
          title: `里程碑${m}：完成阶段任务并提交照片记录`,
          weight: 5,
          ownerId: personId(b, 1 + (m % (PEOPLE_PER_BRANCH - 1))),
          deadline: storedDay(((n * 7919) % SPAN_DAYS) - SPAN_DAYS / 2),
          qualityStandard: '有记录、有照片',
          expectedGoal: '按期完成',
          status: m % 10 === 9 ? 'returned' : 'open',
          updatedAt: NOW,
        })
      }
    }
    for (let s = 0; s < SUBMITTED / BRANCHES; s++) {
      const owner = personId(b, 2 + s)
      milestones.push({
        ...EMPTY_REVIEW,
        _id: `prj${b}-0-s${s}`,
        projectId: `prj${b}-0`,
        branchId: branchId(b),
        taskId: 't1',
        order: 100 + s,
        title: `待审批成果${s}`,
        weight: 5,
        ownerId: owner,
        deadline: storedDay(30),
        qualityStandard: '有记录',
        expectedGoal: '按期完成',
        status: 'submitted',
        round: 1,
        submittedBy: owner,
        submittedAt: new Date(NOW.getTime() - ((b * 7 + s * 13) % 200) * HOUR),
        updatedAt: NOW,
      })
    }
    db.insertMany('projects', rows(projects))
    db.insertMany('milestones', rows(milestones))
    bar.tick(b + 1)
  }
  bar.end()

  const lectures: Lecture[] = []
  const listings: LectureListing[] = []
  const lecture = (id: string, audience: Lecture['audience'], deadline: Date): void => {
    lectures.push({
      _id: id,
      title: `必学讲坛 ${id}`,
      speaker: '党委书记',
      summary: '简介',
      body: '<p>正文</p>',
      cover: null,
      media: null,
      audience,
      ownerBranchId: null,
      publisherName: '党委',
      required: true,
      deadline,
      minStudySeconds: 120,
      quiz: null,
      status: 'published',
      version: 1,
      authorId: 'c0',
      authorName: '党委委员0',
      publishedAt: new Date(NOW.getTime() - 20 * DAY),
      withdrawnAt: null,
      createdAt: new Date(NOW.getTime() - 20 * DAY),
      updatedAt: new Date(NOW.getTime() - 20 * DAY),
    })
    const keys = audience.scope === 'company' ? ['company'] : audience.branchIds
    for (const key of keys) {
      listings.push({
        _id: `${id}:${key}`,
        lectureId: id,
        key,
        status: 'published',
        required: true,
        deadline,
        publishedAt: new Date(NOW.getTime() - 20 * DAY),
      })
    }
  }
  lecture('lec-company', { scope: 'company' }, storedDay(2))
  for (let i = 0; i < BRANCH_LECTURES; i++) {
    lecture(`lec-b${i}`, { scope: 'branches', branchIds: [branchId(i * 7)] }, storedDay(1))
  }
  db.insertMany('lectures', rows(lectures))
  db.insertMany('lecture_listings', rows(listings))
  const everyone = people.filter((p) => !p._id.startsWith('c'))
  const studies = everyone
    .filter((_, i) => i % Math.round(1 / COMPLETED_SHARE) === 0)
    .map((p) => ({
      ...newStudy('lec-company', { personId: p._id, personName: p.name, branchId: p.branchId }, NOW),
      progress: 1,
      studySeconds: 300,
      counted: true,
      completed: true,
      completedAt: NOW,
    }))
  db.insertMany('lecture_studies', rows(studies))

  // Every twentieth member accepted the milestone and study templates once: WeChat holds the credit and so
  // does our ledger.
  const subscribers = everyone.filter((_, i) => i % SUBSCRIBER_EVERY === 0)
  const templates = ['tpl-milestone-deadline', 'tpl-study-reminder']
  db.insertMany(
    CREDITS,
    subscribers.flatMap((p) =>
      templates.map((t) => ({ _id: `${p.openid}:${t}`, openid: p.openid, templateId: t, count: 1 })),
    ),
  )
  db.insertMany(
    'subscription_credits',
    rows(
      subscribers.flatMap((p) =>
        templates.map((t): SubscriptionCredit => ({
          _id: `${p._id}:${t}`,
          personId: p._id,
          templateId: t,
          count: 1,
          updatedAt: NOW,
        })),
      ),
    ),
  )
}

interface SweepRun {
  ms: number
  calls: number
  /** Database calls that waited for the one before (calls issued together count once). */
  sequential: number
  /** The most documents one database call answered with. */
  largest: number
  data: { written: number; sent: number; failed: number; existing: number; truncated: boolean }
}

/** Fires the timer at `at` and counts every database call the sweep makes (the same hook the lifecycle bench uses). */
async function sweepAt(db: LocalDatabase, fn: LoadedFunction, at: Date): Promise<SweepRun> {
  process.env.LOCALCLOUD_NOW = at.toISOString()
  const handle = db.handle.bind(db)
  let calls = 0
  let largest = 0
  db.handle = async (api, params) => {
    calls += 1
    const res = (await handle(api, params)) as { data?: { list?: unknown[] } }
    largest = Math.max(largest, res.data?.list?.length ?? 0)
    return res
  }
  const { log, error } = console
  console.log = console.error = () => undefined
  const t = performance.now()
  try {
    const event = { Type: 'Timer', TriggerName: 'sweep', Time: at.toISOString() }
    const trace = newTrace(fn.name, 120_000)
    const res = (await invokeFunction(fn, event, TRIGGER_CALLER, 120_000, trace)) as Result<SweepRun['data']>
    if (!res.ok) throw new Error(`sweep failed: ${res.code} ${res.message}`)
    return { ms: performance.now() - t, calls, sequential: trace.sequential, largest, data: res.data }
  } finally {
    console.log = log
    console.error = error
    db.handle = handle
    delete process.env.LOCALCLOUD_NOW
  }
}

/**
 * The reminders sweep at province scale through the real `reminders` bundle on localcloud: 100,000 open
 * milestones, 10,000 members, a company-wide required lecture, waiting approvals and proposals, the weekly
 * digest, and pushes to the members who subscribed. A fresh database under `profile`: the first sweep, those
 * until all is written, a repeat and an idle one.
 */
async function sweepSeries(profile: CloudProfile) {
  const dir = mkdtempSync(join(tmpdir(), 'dj-reminders-'))
  const db = new LocalDatabase({
    file: join(dir, 'bench.sqlite'),
    optimistic: profile.optimisticTransactions,
  })
  const uninstall = installLocalDatabase(db)
  installIdentity()
  const fn = loadFunctions(join(ROOT, 'build', 'cloudfunctions')).get('reminders')
  if (!fn) throw new Error('no reminders function was built')
  installOpenApi(new Map([[fn.name, fn.config.permissions?.openapi ?? []]]))
  setActiveProfile(profile)
  try {
    const milestones = BRANCHES * PROJECTS_PER_BRANCH * MILESTONES_PER_PROJECT
    console.log(
      `[bench] ${profile.name} profile: seeding ${milestones.toLocaleString()} open milestones, ${(BRANCHES * PEOPLE_PER_BRANCH).toLocaleString()} members…`,
    )
    const t0 = performance.now()
    seed(db)
    const seedMs = performance.now() - t0

    console.log('[bench] sweeping…')
    const first = await sweepAt(db, fn, NOW)
    const runs = [first]
    for (let i = 1; runs[runs.length - 1].data.truncated && i < 20; i++) {
      runs.push(await sweepAt(db, fn, new Date(NOW.getTime() + i * 10 * 60_000)))
    }
    const steady = await sweepAt(db, fn, new Date(NOW.getTime() + runs.length * 10 * 60_000))
    const idle = await sweepAt(db, fn, QUIET_DAY)

    const written = runs.reduce((s, r) => s + r.data.written, 0)
    const sent = runs.reduce((s, r) => s + r.data.sent, 0) + steady.data.sent
    if (db.count('messages') !== written)
      throw new Error(`${db.count('messages')} messages, ${written} written`)
    if (db.count(OUTBOX) !== sent) throw new Error(`${db.count(OUTBOX)} pushes in the outbox, ${sent} sent`)
    if (steady.data.written !== 0) throw new Error('a repeated sweep wrote again')
    const largest = Math.max(...[...runs, steady, idle].map((r) => r.largest))
    return { seedMs, first, runs, steady, idle, written, sent, largest }
  } finally {
    setActiveProfile(resolveProfile('default', {}))
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The series in the default profile, then under the `cloud` profile, where each sweep must stop by 45 s. */
export async function benchReminders(): Promise<Figure[]> {
  buildFunctionsOnce()
  const { seedMs, first, runs, steady, idle, written, sent, largest } = await sweepSeries(
    resolveProfile('default', {}),
  )
  const cloud = await sweepSeries(resolveProfile('cloud', {}))
  // Every sweep over the 100k open milestones, 10 minutes apart: those until all is written, then a repeat.
  const overAll = (series: { runs: SweepRun[]; steady: SweepRun }) => [...series.runs, series.steady]
  const [d, c] = [overAll({ runs, steady }), overAll(cloud)]
  const name = 'reminders sweep over 100k open milestones'
  return [
    info(`default: ${name}, median`, median(d.map((r) => r.ms)), 'ms'),
    info(`default: ${name}, p95`, p95(d.map((r) => r.ms)), 'ms'),
    info(`default: ${name}, sweeps measured`, d.length, 'sweeps'),
    info(`cloud: ${name}, median`, median(c.map((r) => r.ms)), 'ms'),
    info(`cloud: ${name}, p95`, p95(c.map((r) => r.ms)), 'ms'),
    info(`cloud: ${name}, sweeps measured`, c.length, 'sweeps'),
    info(
      `cloud: ${name}, sequential round trips (median)`,
      median(c.map((r) => r.sequential)),
      'round trips',
    ),
    info('reminders: seed 100k open milestones + 10k members', seedMs / 1000, 's'),
    atMost('reminders: first sweep (100k open milestones, 10k members), wall time', first.ms / 1000, 's', 20),
    info('reminders: first sweep, messages written', first.data.written, 'messages'),
    info('reminders: first sweep, subscribe messages sent', first.data.sent, 'pushes'),
    info('reminders: first sweep, database calls', first.calls, 'calls'),
    info(`reminders: sweeps until all due are written (maxPerSweep)`, runs.length, 'sweeps'),
    info('reminders: all due reminders written', written, 'messages'),
    info('reminders: all subscribe messages sent', sent, 'pushes'),
    info(
      'reminders: all sweeps until written, total wall time',
      runs.reduce((s, r) => s + r.ms, 0) / 1000,
      's',
    ),
    atMost('reminders: slowest of those sweeps', Math.max(...runs.map((r) => r.ms)) / 1000, 's', 20),
    atMost('reminders: largest read of any sweep', largest, 'docs', 1000),
    info('reminders: repeat sweep (all already sent), wall time', steady.ms, 'ms'),
    info('reminders: repeat sweep (all already sent), database calls', steady.calls, 'calls'),
    atMost('reminders: sweep with nothing due, database calls', idle.calls, 'calls', 10),
    info('reminders: sweep with nothing due, wall time', idle.ms, 'ms'),
    info('cloud: reminders sweep, 100k milestones, first run', cloud.first.ms / 1000, 's'),
    atMost(
      'cloud: reminders sweep, 100k milestones, slowest run',
      Math.max(...cloud.runs.map((r) => r.ms)) / 1000,
      's',
      45,
    ),
    info('cloud: reminders sweep, runs until all due are written', cloud.runs.length, 'sweeps'),
    info('cloud: reminders sweep, first run, sequential database calls', cloud.first.calls, 'calls'),
    info('cloud: reminders, all written / all sent', cloud.written, 'messages'),
    info('cloud: reminders, all subscribe messages sent', cloud.sent, 'pushes'),
  ]
}
