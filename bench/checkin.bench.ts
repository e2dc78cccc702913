import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyTally, tallyCheckin, tallyDocs } from '../domain/checkin-counts'
import { chinaDay } from '../domain/checkins'
import { EMPTY_REVIEW } from '../domain/milestones'
import type { Checkin, Milestone, Person, Project } from '../types/entities'
import type { Result } from '../types/result'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import { createGateway } from '../localcloud/gateway/server'
import { installIdentity } from '../localcloud/identity'
import { LocalStorage, installLocalStorage } from '../localcloud/storage'
import { progressBar } from './progress'
import {
  ROOT,
  closeClients,
  branchId,
  branchMembers,
  buildFunctionsOnce,
  personId,
  post,
  rows,
  sessions,
  COMMITTEE,
} from './harness'
import { atLeast, atMost, info, median } from './report'
import type { Figure } from './report'

const BRANCHES = 25
const PEOPLE_PER_BRANCH = 20
const CHECKINS = 1_000_000
const PER_PERSON = CHECKINS / (BRANCHES * PEOPLE_PER_BRANCH)
const RUNNING_PER_BRANCH = 2
const TASKS = 4
const MILESTONES_PER_TASK = 5
const SPAN_DAYS = 400
const BATCH = 20_000
const SAMPLES = 300
/** Sustained rate: this many check-ins sent by this many clients at once, as phones would. */
const BURST = 3000
const CLIENTS = 8
const DAY = 24 * 3600 * 1000

const projectId = (b: number, j: number) => `prj${b}-${j}`
/** Members 1–19 of a branch each work on one of its eight tasks (two projects × four tasks). */
const taskOf = (k: number) => ({ j: (k % (RUNNING_PER_BRANCH * TASKS)) >> 2, t: k % TASKS })

function people(): Person[] {
  const out: Person[] = [COMMITTEE, ...branchMembers(BRANCHES, PEOPLE_PER_BRANCH)]
  return out
}

/** Per branch: two running projects of four tasks of five milestones, one submission waiting in each. */
function plans(now: Date): { projects: Project[]; milestones: Milestone[] } {
  const projects: Project[] = []
  const milestones: Milestone[] = []
  for (let b = 0; b < BRANCHES; b++) {
    for (let j = 0; j < RUNNING_PER_BRANCH; j++) {
      const id = projectId(b, j)
      const tasks = Array.from({ length: TASKS }, (_, t) => ({
        id: `t${t}`,
        title: `任务${t}`,
        assigneeIds: Array.from({ length: PEOPLE_PER_BRANCH - 1 }, (_, i) => i + 1)
          .filter((k) => taskOf(k).j === j && taskOf(k).t === t)
          .map((k) => personId(b, k)),
      }))
      tasks.forEach((task, t) => {
        for (let m = 0; m < MILESTONES_PER_TASK; m++) {
          const order = t * MILESTONES_PER_TASK + m
          const owner = task.assigneeIds[m % task.assigneeIds.length]
          const submitted = t === 0 && m === 2
          milestones.push({
            ...EMPTY_REVIEW,
            _id: `${id}-m${order}`,
            projectId: id,
            branchId: branchId(b),
            taskId: task.id,
            order,
            title: `里程碑${order}`,
            weight: 5,
            ownerId: owner,
            deadline: new Date(now.getTime() + (order - 5) * 15 * DAY),
            qualityStandard: '有记录、有照片',
            expectedGoal: '按期完成',
            status: m < 2 ? 'approved' : submitted ? 'submitted' : 'open',
            ...(submitted
              ? { round: 1, submittedBy: owner, submittedAt: new Date(now.getTime() - (b + j) * 3600_000) }
              : {}),
            updatedAt: now,
          })
        }
      })
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
        status: 'in_progress',
        ownerId: personId(b, 0),
        progress: 40,
        version: 1,
        tasks,
        checklist: [],
        submittedBy: null,
        acceptance: null,
        score: null,
        rating: { count: 0, sum: 0 },
        createdAt: new Date(now.getTime() - SPAN_DAYS * DAY),
        updatedAt: new Date(now.getTime() - (b * RUNNING_PER_BRANCH + j) * 60_000),
      })
    }
  }
  return { projects, milestones }
}

/**
 * 1,000,000 check-ins, 2,000 per person spread over the last 400 days, each member's in the order they were
 * recorded, with the counters they add up to (the same tally the repair recount uses).
 */
function seedCheckins(db: LocalDatabase, projects: Project[], now: Date): void {
  const tally = emptyTally()
  const byId = new Map(projects.map((p) => [p._id, p]))
  let batch: Checkin[] = []
  let done = 0
  const bar = progressBar('check-ins', CHECKINS)
  for (let b = 0; b < BRANCHES; b++) {
    for (let k = 0; k < PEOPLE_PER_BRANCH; k++) {
      const { j, t } = taskOf(Math.max(k, 1))
      const project = byId.get(projectId(b, j)) as Project
      const task = project.tasks[t]
      for (let i = 0; i < PER_PERSON; i++) {
        const at = new Date(now.getTime() - SPAN_DAYS * DAY + ((i + 0.5) * SPAN_DAYS * DAY) / PER_PERSON)
        const c: Checkin = {
          _id: `ck-${b}-${k}-${i}`,
          requestId: `seed-${b}-${k}-${i}`,
          seq: i + 1,
          personId: personId(b, k),
          personName: `党员${b}-${k}`,
          branchId: project.branchId,
          projectId: project._id,
          projectTitle: project.title,
          taskId: task.id,
          taskTitle: task.title,
          milestoneId: i % 4 === 0 ? `${project._id}-m${t * MILESTONES_PER_TASK + 2}` : null,
          milestoneTitle: i % 4 === 0 ? `里程碑${t * MILESTONES_PER_TASK + 2}` : null,
          text: '带领班组完成现场勘查，落实安全措施，记录施工前后对比照片。',
          photos: i % 2 === 0 ? [`cloud://local.localcloud/uploads/${personId(b, k)}/seed${i}.jpg`] : [],
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
          bar.tick(done)
        }
      }
    }
  }
  if (batch.length > 0) db.insertMany('checkins', rows(batch))
  bar.end()
  const { stats, counts } = tallyDocs(tally)
  db.insertMany('checkin_stats', rows(stats))
  db.insertMany('checkin_counts', rows(counts))
}

export async function benchCheckin(): Promise<Figure[]> {
  buildFunctionsOnce()

  const dir = mkdtempSync(join(tmpdir(), 'dj-checkin-'))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  installIdentity()
  const storage = new LocalStorage(join(dir, 'files'))
  installLocalStorage(storage)
  let server: Server | undefined
  try {
    const now = new Date()
    const everyone = people()
    const plan = plans(now)
    db.insertMany('people', rows(everyone))
    db.insertMany('projects', rows(plan.projects))
    db.insertMany('milestones', rows(plan.milestones))
    console.log(`[bench] seeding ${CHECKINS.toLocaleString()} check-ins of ${everyone.length - 1} members…`)
    const t0 = performance.now()
    seedCheckins(db, plan.projects, now)
    const seedMs = performance.now() - t0

    const functions = loadFunctions(join(ROOT, 'build', 'cloudfunctions'))
    if (!functions.get('checkins')) throw new Error('no checkins function was built')
    // The committee's inbox figure sends 320 requests back to back from one identity: far past what a person
    // does, so the per-identity limit is raised here (still in the path, so its cost is measured).
    const rateLimit = { capacity: 10_000, refillPerSecond: 10_000 }
    server = createGateway({
      db,
      functions,
      storage,
      h5Dir: join(dir, 'no-h5'),
      timeoutMs: 10_000,
      rateLimit,
    })
    await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', () => ok()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fn/checkins`
    const cookies = sessions(db, everyone)
    const call = async (who: string, action: string, payload: object) => {
      const out = (await post(
        url,
        JSON.stringify({ action, payload }),
        cookies.get(who) ?? '',
      )) as Result<unknown>
      if (!out.ok) throw new Error(`${action} as ${who} failed: ${out.code} ${out.message}`)
      return out.data
    }
    const members = everyone.filter((p) => p._id !== COMMITTEE._id && !p._id.endsWith('-0'))
    const checkinBy = (n: number) => {
      const p = members[(n * 37) % members.length]
      const [b, k] = p._id.slice(1).split('-').map(Number)
      const { j, t } = taskOf(k)
      const payload = {
        requestId: randomBytes(12).toString('hex'),
        projectId: projectId(b, j),
        taskId: `t${t}`,
        text: '完成现场勘查，落实安全措施。',
        photos: [`cloud://local.localcloud/uploads/${p._id}/${randomBytes(8).toString('hex')}.jpg`],
      }
      return () => call(p._id, 'create', payload)
    }
    const timed = async (n: number, run: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await run(i)
      const samples: number[] = []
      for (let i = 0; i < n; i++) {
        const t = performance.now()
        await run(i)
        samples.push(performance.now() - t)
      }
      return median(samples)
    }

    console.log('[bench] creating check-ins through the gateway…')
    const createMedian = await timed(SAMPLES, (i) => checkinBy(i)())
    const sends = Array.from({ length: BURST }, (_, i) => checkinBy(SAMPLES + 100 + i))
    const t1 = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < sends.length) await sends[next++]()
      }),
    )
    const rate = BURST / ((performance.now() - t1) / 1000)
    const retried = checkinBy(1)
    const first = (await retried()) as { checkin: { id: string } }
    const again = (await retried()) as { checkin: { id: string }; created: boolean }
    if (again.created || again.checkin.id !== first.checkin.id) throw new Error('a retry recorded twice')

    console.log('[bench] reading inbox and tasks…')
    const secretaries = everyone.filter((p) => p._id.endsWith('-0'))
    const inboxMedian = await timed(SAMPLES, (i) => call(secretaries[i % BRANCHES]._id, 'inbox', {}))
    const committeeInbox = await timed(SAMPLES, () => call(COMMITTEE._id, 'inbox', {}))
    const badge = await timed(SAMPLES, (i) => call(secretaries[i % BRANCHES]._id, 'inboxCount', {}))
    const tasksMedian = await timed(SAMPLES, (i) =>
      call(members[(i * 13) % members.length]._id, 'myTasks', {}),
    )
    const historyMedian = await timed(SAMPLES, (i) =>
      call(members[(i * 7) % members.length]._id, 'history', {}),
    )
    const statsMedian = await timed(SAMPLES, (i) =>
      call(members[(i * 11) % members.length]._id, 'myStats', {}),
    )
    const page = (await call(COMMITTEE._id, 'inbox', {})) as { total: number }
    if (page.total !== BRANCHES * RUNNING_PER_BRANCH) throw new Error(`committee inbox shows ${page.total}`)
    const someone = members[0]._id
    const stats = (await call(someone, 'myStats', {})) as { total: number }
    const stored = db.count('checkins', { personId: someone })
    if (stats.total !== stored) throw new Error(`${someone} has ${stored} check-ins, counted ${stats.total}`)
    const busy = projectId(0, 0)
    const counted = db.find('checkin_counts', { _id: `project:${busy}` })[0]?.count
    const inProject = db.count('checkins', { projectId: busy })
    if (counted !== inProject)
      throw new Error(`${busy} has ${inProject} check-ins, counted ${String(counted)}`)

    return [
      info('checkin: seed 1M check-ins (500 members)', seedMs / 1000, 's'),
      atMost('checkin: create via gateway, median', createMedian, 'ms', 10),
      atLeast(`checkin: create via gateway, sustained (${CLIENTS} clients)`, rate, '/s', 300),
      atMost('checkin: inbox page (secretary), median', inboxMedian, 'ms', 10),
      info('checkin: inbox page (committee, all branches), median', committeeInbox, 'ms'),
      info('checkin: inbox badge count, median', badge, 'ms'),
      atMost('checkin: myTasks, median', tasksMedian, 'ms', 10),
      info('checkin: history first page, median', historyMedian, 'ms'),
      info('checkin: myStats, median', statsMedian, 'ms'),
    ]
  } finally {
    closeClients()
    if (server) {
      await new Promise<void>((ok) => server?.close(() => ok()))
      server.closeAllConnections()
    }
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
