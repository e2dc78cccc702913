import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DEFAULT_RUBRIC } from '../domain/acceptance'
import { emptyTally, tallyCheckin, tallyDocs } from '../domain/checkin-counts'
import { chinaDay } from '../domain/checkins'
import { EMPTY_REVIEW, recordId } from '../domain/milestones'
import type {
  Checkin,
  Milestone,
  MilestoneRecord,
  OrgUnit,
  Person,
  Project,
  ProjectEvent,
  Rating,
} from '../types/entities'
import { JOB_MAX_CHECKINS, isLedgerJob } from '../domain/ledger-jobs'
import type { LedgerExport, LedgerFile, LedgerJobView, LedgerPreview } from '../types/functions/ledger'
import { activeProfile, resolveProfile, setActiveProfile } from '../localcloud/profile'
import type { Result } from '../types/result'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import type { LoadedFunction } from '../localcloud/functions'
import { invokeFunction } from '../localcloud/gateway/server'
import { installIdentity } from '../localcloud/identity'
import { LocalStorage, installLocalStorage } from '../localcloud/storage'
import { ROOT, branchId, branchMembers, buildFunctionsOnce, personId, rows, COMMITTEE } from './harness'
import { atMost, info, median } from './report'
import type { Figure } from './report'

const BRANCHES = 30
const PEOPLE_PER_BRANCH = 15
const PROJECTS_PER_BRANCH_YEAR = 5
const TASKS = 4
const MILESTONES_PER_TASK = 5
/** The branch-year exported: 5,000 check-ins across its projects, as the issue asks. */
const LEDGER_CHECKINS = 5_000
/** Every other branch-year holds this many, so the export's reads must find its own among them. */
const OTHER_CHECKINS = 2_000
/** A large branch's year, made as a job (domain/ledger-jobs.ts), and one at the most a job may take. */
const LARGE_CHECKINS = 50_000
const YEARS = [2025, 2026]
const RATINGS = 30
const SAMPLES = 5
const DAY = 24 * 3600 * 1000

/** Check-ins of branch `b`'s year: the exported one, a large one, one at the job limit, or an ordinary one. */
const checkinsOf = (b: number, year: number): number =>
  year !== 2026
    ? OTHER_CHECKINS
    : b === 0
      ? LEDGER_CHECKINS
      : b === 1
        ? LARGE_CHECKINS
        : b === 2
          ? JOB_MAX_CHECKINS
          : OTHER_CHECKINS

/** Another committee member: their 导出 of a year already made as a job by the first is a job of their own. */
const SECOND_COMMITTEE: Person = { ...COMMITTEE, _id: 'c2', openid: 'bench-committee-2', name: '党委委员二' }

/** 30 branches × 2 years × 5 projects (20 milestones, events, records, ratings) with their check-ins. */
function seed(db: LocalDatabase): void {
  const units: OrgUnit[] = Array.from({ length: BRANCHES }, (_, b) => ({
    _id: branchId(b),
    kind: 'branch',
    name: `第${b}党支部`,
    parentId: null,
    order: b,
  }))
  const people: Person[] = [COMMITTEE, SECOND_COMMITTEE, ...branchMembers(BRANCHES, PEOPLE_PER_BRANCH)]
  db.insertMany('org_units', rows(units))
  db.insertMany('people', rows(people))

  const tally = emptyTally()
  for (const year of YEARS) {
    for (let b = 0; b < BRANCHES; b++) {
      const projects: Project[] = []
      const milestones: Milestone[] = []
      const records: MilestoneRecord[] = []
      const events: ProjectEvent[] = []
      const ratings: Rating[] = []
      const checkins: Checkin[] = []
      const perProject = checkinsOf(b, year) / PROJECTS_PER_BRANCH_YEAR
      for (let j = 0; j < PROJECTS_PER_BRANCH_YEAR; j++) {
        const id = `prj-${year}-${b}-${j}`
        const start = Date.UTC(year, 1, 1 + j)
        const closed = j < 2
        const tasks = Array.from({ length: TASKS }, (_, t) => ({
          id: `t${t}`,
          title: `任务${t}`,
          assigneeIds: [personId(b, 1 + t), personId(b, 5 + t)],
        }))
        for (let m = 0; m < TASKS * MILESTONES_PER_TASK; m++) {
          const mid = `${id}-m${m}`
          const done = closed || m < 8
          milestones.push({
            ...EMPTY_REVIEW,
            _id: mid,
            projectId: id,
            branchId: branchId(b),
            taskId: `t${m % TASKS}`,
            order: m,
            title: `里程碑${m}`,
            weight: 5,
            ownerId: personId(b, 1 + (m % 10)),
            deadline: new Date(Date.UTC(year, 2 + (m % 9), 15)),
            qualityStandard: '有记录、有照片，经书记审核',
            expectedGoal: '按期完成',
            status: done ? 'approved' : 'open',
            ...(done ? { round: 1 } : {}),
            updatedAt: new Date(start + 60 * DAY),
          })
          if (done) {
            for (const action of ['submit', 'approve'] as const) {
              records.push({
                _id: recordId(mid, 1, action),
                milestoneId: mid,
                projectId: id,
                branchId: branchId(b),
                round: 1,
                action,
                from: action === 'submit' ? 'open' : 'submitted',
                to: action === 'submit' ? 'submitted' : 'approved',
                actorId: personId(b, action === 'submit' ? 1 : 0),
                actorName: '党员',
                description: action === 'submit' ? '已完成，附照片。' : '',
                evidence: [],
                comment: action === 'approve' ? '同意' : '',
                at: new Date(start + (10 + m) * DAY),
              })
            }
          }
        }
        for (let e = 0; e < 8; e++) {
          events.push({
            _id: `${id}-e${e}`,
            projectId: id,
            action: e === 0 ? 'create' : 'save_plan',
            from: e === 0 ? null : 'in_progress',
            to: e === 0 ? 'draft' : 'in_progress',
            actorId: personId(b, 0),
            actorName: '书记',
            comment: '',
            at: new Date(start + e * DAY),
          })
        }
        if (closed) {
          for (let r = 0; r < RATINGS; r++) {
            ratings.push({
              _id: `${id}:o${r}`,
              projectId: id,
              openid: `o${r}`,
              score: 3 + (r % 3),
              comment: r % 2 === 0 ? '服务很贴心' : '',
              at: new Date(start + (200 + r) * DAY),
            })
          }
        }
        for (let i = 0; i < perProject; i++) {
          const k = 1 + (i % (PEOPLE_PER_BRANCH - 1))
          const at = new Date(start + ((i * 300) / perProject) * DAY + k * 60_000)
          const c: Checkin = {
            _id: `ck-${id}-${i}`,
            requestId: `seed-${id}-${i}`,
            seq: i + 1,
            personId: personId(b, k),
            personName: `党员${b}-${k}`,
            branchId: branchId(b),
            projectId: id,
            projectTitle: `项目 ${year}-${b}-${j}`,
            taskId: `t${i % TASKS}`,
            taskTitle: `任务${i % TASKS}`,
            milestoneId: null,
            milestoneTitle: null,
            text: '带领班组完成现场勘查，落实安全措施，记录施工前后对比照片。',
            photos: i % 2 === 0 ? ['cloud://local.localcloud/uploads/x/a.jpg'] : [],
            at,
            day: chinaDay(at),
            place: null,
            createdAt: at,
          }
          tallyCheckin(tally, c)
          checkins.push(c)
        }
        projects.push({
          _id: id,
          title: `项目 ${year}-${b}-${j}`,
          category: 'service',
          slogan: '口号',
          problem: '问题',
          answers: { what: '做什么', why: '为什么', who: '谁', how: '怎么做', when: '何时', extent: '程度' },
          branchId: branchId(b),
          branchName: `第${b}党支部`,
          year,
          status: closed ? 'closed' : 'in_progress',
          ownerId: personId(b, 0),
          progress: closed ? 100 : 40,
          version: 1,
          tasks,
          checklist: [{ id: 'c1', text: '台账按月更新', done: closed }],
          submittedBy: null,
          acceptance: null,
          score: closed
            ? {
                rubric: [...DEFAULT_RUBRIC],
                scores: { measures: 27, plan: 28, effect: 22, innovation: 12 },
                total: 89,
                comment: '同意结题',
                scoredBy: COMMITTEE._id,
                scoredAt: new Date(start + 250 * DAY),
              }
            : null,
          rating: closed
            ? {
                count: RATINGS,
                sum: ratings.filter((r) => r.projectId === id).reduce((s, r) => s + r.score, 0),
              }
            : { count: 0, sum: 0 },
          createdAt: new Date(start),
          updatedAt: new Date(start + 30 * DAY),
        })
      }
      db.insertMany('projects', rows(projects))
      db.insertMany('milestones', rows(milestones))
      db.insertMany('milestone_submissions', rows(records))
      db.insertMany('project_events', rows(events))
      db.insertMany('ratings', rows(ratings))
      db.insertMany('checkins', rows(checkins))
    }
  }
  db.insertMany('checkin_counts', rows(tallyDocs(tally).counts))
}

async function timed<T>(fn: LoadedFunction, action: string, payload: object) {
  const call = async () => {
    const res = (await invokeFunction(fn, { action, payload }, COMMITTEE.openid, 60_000)) as Result<T>
    if (!res.ok) throw new Error(`ledger.${action} failed: ${res.code} ${res.message}`)
    return res.data
  }
  const first = performance.now()
  const last = await call()
  const cold = performance.now() - first
  const samples: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now()
    await call()
    samples.push(performance.now() - t)
  }
  return { cold, median: median(samples), max: Math.max(...samples), last }
}

interface JobRun {
  runMs: number
  bytes: number
}

/** A ledger too large for one call: 导出 answers a job, and its run (the page's `runJob`) is timed. */
async function asJob(
  fn: LoadedFunction,
  storage: LocalStorage,
  scope: object,
  checkins: number,
  openid = COMMITTEE.openid,
): Promise<JobRun> {
  const call = async <T>(action: string, payload: object) => {
    const res = (await invokeFunction(fn, { action, payload }, openid, 120_000)) as Result<T>
    if (!res.ok) throw new Error(`ledger.${action} failed: ${res.code} ${res.message}`)
    return res.data
  }
  const made = await call<LedgerExport>('export', scope)
  if (!isLedgerJob(made)) throw new Error(`a ledger of ${checkins} check-ins was exported in one call`)
  if (made.status !== 'queued') throw new Error(`the job was ${made.status}, not new`)
  const t = performance.now()
  const ran = await call<LedgerJobView>('runJob', { jobId: made.jobId })
  const runMs = performance.now() - t
  if (ran.status !== 'ready' || !ran.file) throw new Error(`the job ended ${ran.status}: ${ran.error ?? ''}`)
  if (ran.total !== checkins) throw new Error(`the job counted ${ran.total} check-ins, not ${checkins}`)
  const file = storage.fileFor(ran.file.fileID.replace('cloud://local.localcloud/', ''))
  return { runMs, bytes: file ? statSync(file).size : 0 }
}

/**
 * 管理台账 export through the real `ledger` bundle on localcloud: a branch's year with 5,000 check-ins among
 * 30 branches × 2 years of data (121,000 check-ins in all), written to .xlsx and stored.
 */
export async function benchLedger(): Promise<Figure[]> {
  buildFunctionsOnce()
  const bundle = join(ROOT, 'build', 'cloudfunctions', 'ledger', 'index.js')

  const dir = mkdtempSync(join(tmpdir(), 'dj-ledger-'))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  installIdentity()
  const storage = new LocalStorage(join(dir, 'files'), 'http://127.0.0.1')
  installLocalStorage(storage)
  try {
    console.log('[bench] seeding 30 branches × 2 years of projects and check-ins…')
    const t0 = performance.now()
    seed(db)
    const seedMs = performance.now() - t0
    const seeded = db.count('checkins')
    const ledger = loadFunctions(join(ROOT, 'build', 'cloudfunctions')).get('ledger')
    if (!ledger) throw new Error('no ledger function was built')

    const scope = { branchId: branchId(0), year: 2026 }
    const preview = await timed<LedgerPreview>(ledger, 'preview', scope)
    const shown = preview.last.sheets.find((s) => s.name === '打卡写实')?.rows
    if (shown !== LEDGER_CHECKINS) throw new Error(`the preview counts ${String(shown)} check-ins`)
    const branchYear = await timed<LedgerFile>(ledger, 'export', scope)
    const file = storage.fileFor(branchYear.last.fileID.replace('cloud://local.localcloud/', ''))
    const bytes = file ? statSync(file).size : 0
    if (bytes === 0) throw new Error('the export stored no file')
    const project = await timed<LedgerFile>(ledger, 'export', { projectId: 'prj-2026-0-3' })

    const large = await asJob(ledger, storage, { branchId: branchId(1), year: 2026 }, LARGE_CHECKINS)

    // The same under the `cloud` profile's round trips (8 ± 4 ms each, storage included).
    const profile = activeProfile()
    setActiveProfile(resolveProfile('cloud', {}))
    let cloud: { branchYear: Awaited<ReturnType<typeof timed<LedgerFile>>>; large: JobRun; limit: JobRun }
    try {
      cloud = {
        branchYear: await timed<LedgerFile>(ledger, 'export', scope),
        // A different person's 导出 of the same year: a new job, not the one just made.
        large: await asJob(
          ledger,
          storage,
          { branchId: branchId(1), year: 2026 },
          LARGE_CHECKINS,
          SECOND_COMMITTEE.openid,
        ),
        limit: await asJob(ledger, storage, { branchId: branchId(2), year: 2026 }, JOB_MAX_CHECKINS),
      }
    } finally {
      setActiveProfile(profile)
    }
    const thousands = (n: number) => `${(n / 1000).toFixed(0)},000`

    return [
      info(`ledger: seed 300 projects + ${thousands(seeded)} check-ins`, seedMs / 1000, 's'),
      atMost('ledger: branch-year export (5,000 check-ins), median', branchYear.median, 'ms', 5000),
      atMost(
        'cloud: ledger branch-year export (5,000 check-ins), median',
        cloud.branchYear.median,
        'ms',
        5000,
      ),
      info(
        `ledger: large branch-year (${thousands(LARGE_CHECKINS)} check-ins) as a job, run`,
        large.runMs / 1000,
        's',
      ),
      atMost(
        `cloud: ledger large branch-year (${thousands(LARGE_CHECKINS)} check-ins) as a job, run`,
        cloud.large.runMs / 1000,
        's',
        30,
      ),
      atMost(
        `cloud: ledger job at its limit (${thousands(JOB_MAX_CHECKINS)} check-ins), run`,
        cloud.limit.runMs / 1000,
        's',
        50,
      ),
      info('cloud: ledger job at its limit, workbook size', cloud.limit.bytes / 1024 / 1024, 'MiB'),
      info('ledger: branch-year export, first call (cold bundle)', branchYear.cold, 'ms'),
      info('ledger: branch-year export, slowest', branchYear.max, 'ms'),
      info('ledger: branch-year workbook size', bytes / 1024, 'KiB'),
      info('ledger: one-project export, median', project.median, 'ms'),
      info('ledger: preview (branch-year), median', preview.median, 'ms'),
      info('ledger: function bundle size', statSync(bundle).size / 1024, 'KiB'),
    ]
  } finally {
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
