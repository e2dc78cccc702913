import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { EMPTY_REVIEW } from '../domain/milestones'
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '../types/entities'
import type { Milestone, Person, Project, ProjectEvent } from '../types/entities'
import type { Result } from '../types/result'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import type { LoadedFunction } from '../localcloud/functions'
import { invokeFunction } from '../localcloud/gateway/server'
import { installIdentity } from '../localcloud/identity'
import { progressBar } from './progress'
import {
  ROOT,
  branchId,
  branchMembers,
  buildFunctionsOnce,
  personId,
  rows,
  COMMITTEE as BENCH_COMMITTEE,
} from './harness'
import { atMost, info, median } from './report'
import type { Figure } from './report'

const PROJECTS = 10_000
const MILESTONES_PER_PROJECT = 20
const EVENTS_PER_PROJECT = 8
/** A few long-running projects have a long timeline, so "the last 50 events" has something to cut. */
const BUSY_EVENTS = 120
const BRANCHES = 30
const PEOPLE_PER_BRANCH = 12
const SAMPLES = 300
const DAY = 24 * 3600 * 1000

const COMMITTEE: Person = {
  ...BENCH_COMMITTEE,
  branchId: branchId(0),
  grants: [{ role: 'member', branchId: branchId(0) }, { role: 'committee' }],
}

function people(): Person[] {
  const out: Person[] = [COMMITTEE, ...branchMembers(BRANCHES, PEOPLE_PER_BRANCH)]
  return out
}

/** 10,000 projects with 20 milestones each (four tasks of five) and a timeline, in batches of 1,000 projects. */
function seed(db: LocalDatabase): void {
  db.insertMany('people', rows(people()))
  const base = Date.UTC(2026, 0, 1)
  const bar = progressBar('projects with milestones and timelines', PROJECTS)
  for (let start = 0; start < PROJECTS; start += 1000) {
    const projects: Project[] = []
    const milestones: Milestone[] = []
    const events: Omit<ProjectEvent, 'actorId'>[] = []
    for (let i = start; i < start + 1000; i++) {
      const b = i % BRANCHES
      const id = `prj${i}`
      const createdAt = new Date(base + (i % 300) * DAY)
      const updatedAt = new Date(createdAt.getTime() + (i % 50) * DAY + i * 1000)
      const tasks = [0, 1, 2, 3].map((t) => ({
        id: `t${t}`,
        title: `任务${t}`,
        assigneeIds: [personId(b, 1 + t), personId(b, 2 + t)],
      }))
      for (let m = 0; m < MILESTONES_PER_PROJECT; m++) {
        milestones.push({
          ...EMPTY_REVIEW,
          _id: `${id}-m${m}`,
          projectId: id,
          branchId: branchId(b),
          taskId: `t${m % 4}`,
          order: m,
          title: `里程碑${m}`,
          weight: 5,
          ownerId: personId(b, 1 + (m % 10)),
          deadline: new Date(base + (30 + m * 15) * DAY),
          qualityStandard: '有记录、有照片',
          expectedGoal: '按期完成',
          status: m < i % 20 ? 'approved' : 'open',
          updatedAt,
        })
      }
      const n = i % 500 === 0 ? BUSY_EVENTS : EVENTS_PER_PROJECT
      for (let e = 0; e < n; e++) {
        events.push({
          _id: `${id}-e${e}`,
          projectId: id,
          action: e === 0 ? 'create' : 'save_plan',
          from: e === 0 ? null : 'in_progress',
          to: e === 0 ? 'draft' : 'in_progress',
          actorName: '书记',
          comment: '',
          at: new Date(createdAt.getTime() + e * 3600 * 1000),
        })
      }
      projects.push({
        _id: id,
        title: `项目 ${i}`,
        category: PROJECT_CATEGORIES[i % PROJECT_CATEGORIES.length],
        slogan: '口号',
        problem: '问题',
        answers: { what: '做什么', why: '为什么', who: '谁', how: '怎么做', when: '何时', extent: '程度' },
        branchId: branchId(b),
        branchName: `支部${b}`,
        year: 2020 + (Math.floor(i / BRANCHES) % 7),
        status: PROJECT_STATUSES[Math.floor(i / BRANCHES) % PROJECT_STATUSES.length],
        ownerId: personId(b, 0),
        progress: (i % 20) * 5,
        version: 1,
        tasks,
        checklist: [{ id: 'c1', text: '台账', done: false }],
        submittedBy: null,
        acceptance: null,
        score: null,
        rating: { count: 0, sum: 0 },
        createdAt,
        updatedAt,
      })
    }
    db.insertMany('projects', rows(projects))
    db.insertMany('milestones', rows(milestones))
    db.insertMany('project_events', rows(events.map((e) => ({ ...e, actorId: personId(0, 0) }))))
    bar.tick(start + 1000)
  }
  bar.end()
}

/** Medians of `SAMPLES` calls of the real `projects` function, cycling through `payloads`. */
async function time(fn: LoadedFunction, action: string, payloads: object[], openid: string) {
  const call = async (payload: object) => {
    const res = (await invokeFunction(fn, { action, payload }, openid, 10_000)) as Result<unknown>
    if (!res.ok) throw new Error(`${action} failed: ${res.code} ${res.message}`)
    return res.data
  }
  for (let i = 0; i < 20; i++) await call(payloads[i % payloads.length])
  const samples: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now()
    await call(payloads[i % payloads.length])
    samples.push(performance.now() - t)
  }
  return { median: median(samples), last: await call(payloads[0]) }
}

/**
 * The project lifecycle at province scale (10,000 projects, 200,000 milestones) through the real `projects`
 * bundle on localcloud: a filtered list page, and the project page with how many database calls it makes.
 */
export async function benchLifecycle(): Promise<Figure[]> {
  buildFunctionsOnce()

  const dir = mkdtempSync(join(tmpdir(), 'dj-lifecycle-'))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  installIdentity()
  try {
    console.log(
      `[bench] seeding ${PROJECTS.toLocaleString()} projects, ${(PROJECTS * MILESTONES_PER_PROJECT).toLocaleString()} milestones…`,
    )
    const t0 = performance.now()
    seed(db)
    const seedMs = performance.now() - t0
    const projects = loadFunctions(join(ROOT, 'build', 'cloudfunctions')).get('projects')
    if (!projects) throw new Error('no projects function was built')

    const listPayloads = [
      { status: 'in_progress', year: 2026 },
      { status: 'closed', category: 'flagship' },
      { branchId: branchId(7), status: 'approved' },
      { category: 'innovation', year: 2024, page: 2 },
      {},
    ]
    const list = await time(projects, 'list', listPayloads, COMMITTEE.openid)
    const page = list.last as { items: unknown[] }
    if (page.items.length !== 20) throw new Error(`expected a page of 20 projects, got ${page.items.length}`)
    const secretaryList = await time(projects, 'list', [{ status: 'in_progress' }], 'bench-7-0')

    const ids = Array.from({ length: 50 }, (_, k) => ({ id: `prj${(k * 197) % PROJECTS}` }))
    const get = await time(projects, 'get', ids, COMMITTEE.openid)
    const busy = await time(projects, 'get', [{ id: 'prj500' }], COMMITTEE.openid)
    const detail = busy.last as { tasks: { milestones: unknown[] }[]; events: unknown[] }
    const shown = detail.tasks.reduce((s, t) => s + t.milestones.length, 0)
    if (shown !== MILESTONES_PER_PROJECT || detail.events.length !== 50) {
      throw new Error(`project page showed ${shown} milestones and ${detail.events.length} events`)
    }

    // Every database call the function makes goes through the installed transport, i.e. db.handle.
    const handle = db.handle.bind(db)
    let calls = 0
    db.handle = (api, params) => {
      calls += 1
      return handle(api, params)
    }
    await invokeFunction(projects, { action: 'get', payload: { id: 'prj500' } }, COMMITTEE.openid, 10_000)
    const getCalls = calls
    calls = 0
    await invokeFunction(projects, { action: 'list', payload: listPayloads[0] }, COMMITTEE.openid, 10_000)
    const listCalls = calls
    db.handle = handle

    return [
      info('lifecycle: seed 10k projects + 200k milestones', seedMs, 'ms'),
      atMost('lifecycle: list page of 20 with filters (committee), median', list.median, 'ms', 10),
      info('lifecycle: list page of 20 (secretary, own branch), median', secretaryList.median, 'ms'),
      atMost('lifecycle: project detail get (20 milestones, 50 events), median', get.median, 'ms', 20),
      info('lifecycle: project detail get (120-event timeline), median', busy.median, 'ms'),
      atMost('lifecycle: database calls per get', getCalls, 'calls', 5),
      info('lifecycle: database calls per list', listCalls, 'calls'),
    ]
  } finally {
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
