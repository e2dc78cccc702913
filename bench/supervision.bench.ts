import { performance } from 'node:perf_hooks'
import { weekOf } from '../domain/checkin-counts'
import { chinaDay } from '../domain/checkins'
import { assignmentId } from '../domain/supervision'
import type { SupervisionBranchStatus, SupervisionRecord } from '../types/entities-supervision'
import { startTestCloud } from '../localcloud/testing'
import type { TestCloud } from '../localcloud/testing'
import { branchId, branchMembers, branchUnits, buildFunctionsOnce, personId, rows } from './harness'
import { atMost, info, median, p95 } from './report'
import type { Figure } from './report'

/** Province scale for one supervisor: 100 branches, 10,000 督导记录, 3 running projects a branch. */
const BRANCHES = 100
const RECORDS_PER_BRANCH = 100
const PROJECTS_PER_BRANCH = 3
const SAMPLES = 15
const DAY = 24 * 3600 * 1000
/** The demo's 党委书记, who supervises none there: here every generated branch. */
const SUPERVISOR = 'p057'

const storedDay = (day: string) => new Date(`${day}T00:00:00Z`)
const daysAgo = (n: number) => chinaDay(new Date(Date.now() - n * DAY))

/** The generated branches, people, projects, overdue milestones, check-in weeks, records and statuses. */
function seed(cloud: TestCloud): number {
  const today = chinaDay(new Date())
  const year = Number(today.slice(0, 4))
  const t0 = performance.now()
  cloud.db.insertMany('org_units', branchUnits(BRANCHES, 100))
  cloud.db.insertMany('people', rows(branchMembers(BRANCHES, 5)))
  cloud.db.insertMany(
    'supervision_assignments',
    Array.from({ length: BRANCHES }, (_, b) => ({
      _id: assignmentId(SUPERVISOR, branchId(b)),
      personId: SUPERVISOR,
      branchId: branchId(b),
      active: true,
      updatedBy: SUPERVISOR,
      updatedAt: new Date(),
      inspection: [
        { year, cadence: 'monthly', setById: SUPERVISOR, setByName: '党委书记', since: `${year}-01-01` },
      ],
    })),
  )
  const projects: Record<string, unknown>[] = []
  const milestones: Record<string, unknown>[] = []
  const counts: Record<string, unknown>[] = []
  for (let b = 0; b < BRANCHES; b++) {
    for (let j = 0; j < PROJECTS_PER_BRANCH; j++) {
      const id = `sv-prj-${b}-${j}`
      projects.push({
        _id: id,
        title: `督导项目 ${b}-${j}`,
        branchId: branchId(b),
        branchName: `第${b}党支部`,
        year,
        status: 'in_progress',
        progress: 20 * j,
        ownerId: personId(b, 0),
      })
      milestones.push({
        _id: `${id}-late`,
        projectId: id,
        branchId: branchId(b),
        ownerId: personId(b, 1),
        title: '逾期节点',
        status: 'open',
        deadline: storedDay(daysAgo(10 + j)),
      })
      // Two of three projects have check-ins in each of the last three weeks; the third is quiet.
      if (j < 2)
        for (const back of [0, 7, 14])
          counts.push({
            _id: `project_week:${id}:${weekOf(daysAgo(back))}`,
            scope: 'project_week',
            count: 3,
            projectId: id,
            branchId: branchId(b),
            week: weekOf(daysAgo(back)),
          })
    }
  }
  cloud.db.insertMany('projects', projects)
  cloud.db.insertMany('milestones', milestones)
  cloud.db.insertMany('checkin_counts', counts)
  const statuses: SupervisionBranchStatus[] = []
  for (let b = 0; b < BRANCHES; b++) {
    const records: SupervisionRecord[] = []
    for (let k = 0; k < RECORDS_PER_BRANCH; k++) {
      const date = storedDay(daysAgo(k * 3 + (b % 3)))
      records.push({
        _id: `sv-rec-${b}-${k}`,
        requestId: `bench-${b}-${k}`,
        branchId: branchId(b),
        branchName: `第${b}党支部`,
        projectId: null,
        projectTitle: '',
        method: k % 4 === 0 ? 'inspection' : 'phone',
        date,
        time: '09:30',
        contactId: personId(b, 0),
        contactName: `党员${b}-0`,
        findings: '项目推进正常，台账需补充现场照片。',
        photos: [],
        followUps: [],
        openFollowUps: 0,
        supervisorId: SUPERVISOR,
        supervisorName: '党委书记',
        createdAt: date,
        updatedAt: date,
        version: 1,
      })
    }
    cloud.db.insertMany('supervision_records', rows(records))
    const newest = records[0]
    statuses.push({
      _id: branchId(b),
      lastDate: newest.date,
      lastMethod: newest.method,
      lastRecordId: newest._id,
      lastSupervisorName: '党委书记',
      lastInspectionDate: records.find((r) => r.method === 'inspection')?.date ?? null,
      openFollowUps: b % 5,
      updatedAt: new Date(),
    })
  }
  cloud.db.insertMany('supervision_branch_status', rows(statuses))
  return performance.now() - t0
}

async function measure(cloud: TestCloud, cookie: string, action: 'myBranches' | 'listRecords') {
  const times: number[] = []
  let trips = 0
  for (let i = 0; i < SAMPLES + 1; i++) {
    const t = performance.now()
    const r = await cloud.callTraced(
      cookie,
      'supervision',
      action,
      action === 'listRecords' ? { page: 1 } : {},
    )
    const ms = performance.now() - t
    if (!r.result.ok) throw new Error(`supervision.${action} failed: ${r.result.code} ${r.result.message}`)
    if (action === 'myBranches') {
      const view = r.result.data as { branches: unknown[] }
      if (view.branches.length !== BRANCHES)
        throw new Error(`myBranches shows ${view.branches.length} branches`)
    }
    trips = Math.max(trips, r.roundTrips)
    if (i > 0) times.push(ms) // the first call loads the bundle
  }
  return { median: median(times), p95: p95(times), trips }
}

/**
 * The supervisor view (我的联系支部) at province scale: one committee member supervising 100 branches, 10,000
 * 督导记录, 300 running projects with overdue milestones and check-in weeks, a monthly 定期检查 cadence. The real
 * `supervision` bundle through the gateway, under the default profile and the `cloud` profile (8±4 ms a round
 * trip): median time and round trips of myBranches and of the first page of 督导记录.
 */
export async function benchSupervision(): Promise<Figure[]> {
  buildFunctionsOnce()
  const out: Figure[] = []
  for (const profile of ['default', 'cloud'] as const) {
    const cloud = await startTestCloud({ rateLimit: false, profile })
    try {
      const seedMs = seed(cloud)
      const cookie = await cloud.signIn(SUPERVISOR)
      const view = await measure(cloud, cookie, 'myBranches')
      const records = await measure(cloud, cookie, 'listRecords')
      const tag = profile === 'cloud' ? ' (cloud profile)' : ''
      if (profile === 'default') out.push(info('supervision: seed 100 branches + 10k 督导记录', seedMs, 'ms'))
      out.push(
        atMost(`supervision: 我的联系支部 at 100 branches, median${tag}`, view.median, 'ms', 1000),
        info(`supervision: 我的联系支部 at 100 branches, p95${tag}`, view.p95, 'ms'),
        atMost(`supervision: 我的联系支部 round trips${tag}`, view.trips, '', 3),
        atMost(`supervision: 督导记录 first page of 10k, median${tag}`, records.median, 'ms', 1000),
        atMost(`supervision: 督导记录 list round trips${tag}`, records.trips, '', 3),
      )
    } finally {
      await cloud.close()
    }
  }
  return out
}
