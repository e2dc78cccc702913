import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyTally, tallyCheckin, tallyDocs } from '../domain/checkin-counts'
import { chinaDay } from '../domain/checkins'
import { EMPTY_REVIEW } from '../domain/milestones'
import { MERGE_RUN_MS } from '../domain/org-jobs'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import type { LoadedFunction } from '../localcloud/functions'
import { invokeFunction } from '../localcloud/gateway/server'
import { installIdentity } from '../localcloud/identity'
import { activeProfile, resolveProfile, setActiveProfile } from '../localcloud/profile'
import type { Checkin, Milestone, Project } from '../types/entities'
import type { MergeJobView, OrgChangeView } from '../types/functions/org'
import type { Result } from '../types/result'
import {
  ROOT,
  branchId,
  branchMembers,
  branchUnits,
  buildFunctionsOnce,
  personId,
  rows,
  COMMITTEE,
} from './harness'
import { atMost, info } from './report'
import type { Figure } from './report'

/** A province-scale branch's history, merged into another (the example). */
const PEOPLE = 500
const CHECKINS = 20_000
const MILESTONES = 2_000
const PROJECTS = 20
const DAY = 24 * 3600 * 1000

/** Branch 0 with years of history (merged away), branch 1 with its own (merged into), and two more. */
function seed(db: LocalDatabase): void {
  db.insertMany('org_units', branchUnits(4))
  db.insertMany('people', rows([COMMITTEE, ...branchMembers(4, PEOPLE)]))
  const tally = emptyTally()
  for (const b of [0, 1]) {
    const projects: Project[] = []
    const milestones: Milestone[] = []
    const checkins: Checkin[] = []
    const perProject = (b === 0 ? CHECKINS : CHECKINS / 10) / PROJECTS
    const start = Date.UTC(2024, 1, 1)
    for (let j = 0; j < PROJECTS; j++) {
      const id = `prj-${b}-${j}`
      projects.push({
        _id: id,
        title: `项目 ${b}-${j}`,
        category: 'service',
        slogan: '口号',
        problem: '问题',
        answers: { what: '做什么', why: '为什么', who: '谁', how: '怎么做', when: '何时', extent: '程度' },
        branchId: branchId(b),
        branchName: `第${b}党支部`,
        year: 2024 + (j % 3),
        status: 'closed',
        ownerId: personId(b, 0),
        progress: 100,
        version: 1,
        tasks: [{ id: 't0', title: '任务', assigneeIds: [personId(b, 1)] }],
        checklist: [],
        submittedBy: null,
        acceptance: null,
        score: null,
        rating: { count: 0, sum: 0 },
        createdAt: new Date(start),
        updatedAt: new Date(start + 30 * DAY),
      } as Project)
      for (let m = 0; m < MILESTONES / PROJECTS; m++)
        milestones.push({
          ...EMPTY_REVIEW,
          _id: `${id}-m${m}`,
          projectId: id,
          branchId: branchId(b),
          taskId: 't0',
          order: m,
          title: `里程碑${m}`,
          weight: 1,
          ownerId: personId(b, 1 + (m % 10)),
          deadline: new Date(start + m * DAY),
          qualityStandard: '有记录',
          expectedGoal: '按期完成',
          status: 'approved',
          round: 1,
          updatedAt: new Date(start + m * DAY),
        } as Milestone)
    }
    // Each member's check-ins in the order they were recorded (seq), across the branch's projects.
    const seqs = new Map<string, number>()
    const total = perProject * PROJECTS
    for (let i = 0; i < total; i++) {
      const k = 1 + (i % (PEOPLE - 1))
      const who = personId(b, k)
      const seq = (seqs.get(who) ?? 0) + 1
      seqs.set(who, seq)
      const at = new Date(start + (i * 900 * DAY) / total)
      const j = i % PROJECTS
      const c: Checkin = {
        _id: `ck-${b}-${i}`,
        requestId: `seed-${b}-${i}`,
        seq,
        personId: who,
        personName: `党员${b}-${k}`,
        branchId: branchId(b),
        projectId: `prj-${b}-${j}`,
        projectTitle: `项目 ${b}-${j}`,
        taskId: 't0',
        taskTitle: '任务',
        milestoneId: null,
        milestoneTitle: null,
        text: '带领班组完成现场勘查，落实安全措施，记录施工前后对比照片。',
        photos: [],
        at,
        day: chinaDay(at),
        place: null,
        createdAt: at,
        counted: true,
      }
      tallyCheckin(tally, c)
      checkins.push(c)
    }
    db.insertMany('projects', rows(projects))
    for (let i = 0; i < milestones.length; i += 1000)
      db.insertMany('milestones', rows(milestones.slice(i, i + 1000)))
    for (let i = 0; i < checkins.length; i += 1000)
      db.insertMany('checkins', rows(checkins.slice(i, i + 1000)))
  }
  const { stats, counts } = tallyDocs(tally)
  for (let i = 0; i < counts.length; i += 1000)
    db.insertMany('checkin_counts', rows(counts.slice(i, i + 1000)))
  for (let i = 0; i < stats.length; i += 1000) db.insertMany('checkin_stats', rows(stats.slice(i, i + 1000)))
}

async function call<T>(fn: LoadedFunction, action: string, payload: object): Promise<T> {
  const res = (await invokeFunction(fn, { action, payload }, COMMITTEE.openid, 60_000)) as Result<T>
  if (!res.ok) throw new Error(`org.${action} failed: ${res.code} ${res.message}`)
  return res.data
}

/**
 * 合并 of a branch with a province-scale history (20,000 check-ins, 2,000 milestones, 500 people) into another,
 * through the real `org` bundle under the `cloud` profile (8 ± 4 ms a round trip): the call answers a job, and
 * the page's runs (`runMergeJob`, each bounded by MERGE_RUN_MS) are timed until it is done. The figure that
 * matters is the slowest run against the org function's 20 s timeout.
 */
export async function benchMerge(): Promise<Figure[]> {
  buildFunctionsOnce()
  const dir = mkdtempSync(join(tmpdir(), 'dj-merge-'))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  installIdentity()
  const profile = activeProfile()
  try {
    console.log('[bench] seeding a branch with 20,000 check-ins, 2,000 milestones and 500 people…')
    seed(db)
    const org = loadFunctions(join(ROOT, 'build', 'cloudfunctions')).get('org')
    if (!org) throw new Error('no org function was built')
    const history = db.count('checkins', { branchId: branchId(0) })
    if (history !== CHECKINS) throw new Error(`seeded ${history} check-ins, not ${CHECKINS}`)

    setActiveProfile(resolveProfile('cloud', {}))
    const t0 = performance.now()
    const asked = await call<OrgChangeView>(org, 'mergeUnits', { fromId: branchId(0), intoId: branchId(1) })
    const askMs = performance.now() - t0
    if (!asked.job) throw new Error('the merge was done in one call, not as a job')
    const runs: number[] = []
    let job: MergeJobView = asked.job
    while (job.status === 'queued' || job.status === 'running') {
      if (runs.length > 50) throw new Error(`the job was not done after ${runs.length} runs`)
      const t = performance.now()
      job = await call<MergeJobView>(org, 'runMergeJob', { jobId: job.jobId })
      runs.push(performance.now() - t)
    }
    const totalMs = performance.now() - t0
    setActiveProfile(profile)
    if (job.status !== 'done') throw new Error(`the job ended ${job.status}: ${job.error ?? ''}`)
    const left = ['checkins', 'milestones', 'checkin_counts', 'projects', 'people'].map((c) =>
      db.count(c, { branchId: branchId(0) }),
    )
    if (left.some((n) => n > 0)) throw new Error(`documents still name the merged branch: ${left.join(', ')}`)
    if (job.moved.checkins !== CHECKINS)
      throw new Error(`moved ${job.moved.checkins} check-ins, not ${CHECKINS}`)
    const slowest = Math.max(...runs)
    return [
      atMost(
        `cloud: branch merge job, 20k check-ins, slowest run (${runs.length} runs)`,
        slowest / 1000,
        's',
        20,
      ),
      info('cloud: branch merge job, 20k check-ins, the merge call (answers the job)', askMs, 'ms'),
      info(`cloud: branch merge job, 20k check-ins, all runs (${job.total} documents)`, totalMs / 1000, 's'),
      info('branch merge job: a run starts no batch after', MERGE_RUN_MS / 1000, 's'),
    ]
  } finally {
    setActiveProfile(profile)
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
