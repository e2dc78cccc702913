import { randomBytes } from 'node:crypto'
import { Workbook } from 'exceljs'
import { resolveProfile } from '../localcloud/profile'
import type { CloudProfile } from '../localcloud/profile'
import { startTestCloud } from '../localcloud/testing'
import type { TestCloud } from '../localcloud/testing'
import { buildFunctionsOnce } from './harness'
import { atMost, info, median, p95 } from './report'
import type { Figure } from './report'

// Demo ids (localcloud/seed): p002 works on task t1 of prj-001 (运维部, secretary p001); p057 committee;
// b-yunwei-g1 is a Party group of 运维部.
const RUNS = 30
/** Roster imports measured: each commits 2,000 new members (a re-import is its own, cheaper case). */
const IMPORTS = 3

interface Sample {
  ms: number
  roundTrips: number
}

async function timed(run: () => Promise<{ roundTrips: number; ok: boolean; why?: string }>): Promise<Sample> {
  const t = performance.now()
  const r = await run()
  if (!r.ok) throw new Error(`a measured call failed: ${r.why ?? ''}`)
  return { ms: performance.now() - t, roundTrips: r.roundTrips }
}

/** Roster number `k`: 2,000 members none of the earlier rosters has. */
async function rosterFile(cloud: TestCloud, cookie: string, k: number): Promise<string> {
  const book = new Workbook()
  const sheet = book.addWorksheet('名册')
  sheet.addRow(['姓名', '手机号', '工号', '支部'])
  for (let i = 0; i < 2000; i++)
    sheet.addRow([`党员${k}-${i}`, `135${k}000${String(i).padStart(4, '0')}`, `B${k}-${i}`, '运维部党支部'])
  const res = await fetch(`${cloud.url}/files/upload`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  })
  return ((await res.json()) as { data: { fileID: string } }).data.fileID
}

/** Milestones of prj-001 waiting for approval, one per approval measured. */
function addSubmitted(cloud: TestCloud, n: number): string[] {
  const [template] = cloud.db.find('milestones', { _id: 'prj-001-m3' })
  const ids = Array.from({ length: n }, (_, i) => `bench-m${i}`)
  cloud.db.insertMany(
    'milestones',
    ids.map((id) => ({ ...template, _id: id, weight: 0, status: 'submitted', submittedBy: 'p004' })),
  )
  return ids
}

type Measured = Record<string, Sample[]>

async function measure(profile: CloudProfile): Promise<Measured> {
  const cloud = await startTestCloud({ profile, rateLimit: false })
  try {
    const as: Record<string, string> = {}
    for (const id of ['p001', 'p002', 'p057']) as[id] = await cloud.signIn(id)
    const out: Measured = {}
    const series = async (name: string, n: number, run: (i: number) => Promise<Sample>) => {
      out[name] = []
      await run(-1) // warms the function: a cold start is its own figure, not part of these
      for (let i = 0; i < n; i++) out[name].push(await run(i))
    }
    const call = (cookie: string, fn: string, action: string, payload: object) =>
      timed(async () => {
        const r = await cloud.callTraced(cookie, fn as never, action as never, payload as never)
        return { roundTrips: r.roundTrips, ok: r.result.ok, why: JSON.stringify(r.result).slice(0, 200) }
      })

    await series('checkin create', RUNS, () =>
      call(as.p002, 'checkins', 'create', {
        requestId: randomBytes(12).toString('hex'),
        projectId: 'prj-001',
        taskId: 't1',
        text: '带领班组完成现场勘查，落实安全措施。',
      }),
    )
    const waiting = addSubmitted(cloud, RUNS + 1)
    await series('approve milestone', RUNS, (i) =>
      call(as.p001, 'checkins', 'approveMilestone', { id: waiting[i + 1], comment: '' }),
    )
    // The home page's calls, issued together as the app does: the slowest decides.
    await series('home page calls', RUNS, () =>
      timed(async () => {
        const calls = await Promise.all([
          cloud.callTraced(as.p002, 'org', 'whoami', {}),
          cloud.callTraced(as.p002, 'projects', 'list', { page: 1, pageSize: 20 }),
          cloud.callTraced(as.p002, 'checkins', 'inboxCount', {}),
          cloud.callTraced(as.p002, 'messages', 'unreadCount', {}),
        ])
        return {
          roundTrips: Math.max(...calls.map((c) => c.roundTrips)),
          ok: calls.every((c) => c.result.ok),
          why: JSON.stringify(calls.find((c) => !c.result.ok)?.result ?? '').slice(0, 200),
        }
      }),
    )
    await series('project detail', RUNS, () => call(as.p001, 'projects', 'get', { id: 'prj-001' }))
    await series('group feed page', RUNS, () =>
      call(as.p002, 'groups', 'feed', { groupId: 'b-yunwei-g1', limit: 20 }),
    )
    const files = await Promise.all(
      Array.from({ length: IMPORTS + 1 }, (_, k) => rosterFile(cloud, as.p057, k)),
    )
    await series('roster import 2,000 rows', IMPORTS, (i) =>
      call(as.p057, 'org', 'importRoster', { fileId: files[i + 1], commit: true }),
    )
    return out
  } finally {
    await cloud.close()
  }
}

const TARGETS: Record<string, number> = {
  'checkin create': 60,
  'approve milestone': 80,
  'home page calls': 100,
}

/**
 * The same calls under the default profile and under the `cloud` profile (8 ± 4 ms a round trip, optimistic
 * transactions, each function's timeout), each with its sequential round trips: what they cost on CloudBase.
 */
export async function benchCloud(): Promise<Figure[]> {
  buildFunctionsOnce()
  const quiet = console.log
  console.log = () => undefined
  let local: Measured
  let cloud: Measured
  try {
    local = await measure(resolveProfile('default', {}))
    cloud = await measure(resolveProfile('cloud', {}))
  } finally {
    console.log = quiet
  }
  const figures: Figure[] = []
  for (const name of Object.keys(cloud)) {
    const c = cloud[name]
    const d = local[name]
    const trips = median(c.map((s) => s.roundTrips))
    if (name.startsWith('roster')) {
      figures.push(
        info(`default: ${name}, median`, median(d.map((s) => s.ms)), 'ms'),
        info(`default: ${name}, p95`, p95(d.map((s) => s.ms)), 'ms'),
        info(`cloud: ${name}, median`, median(c.map((s) => s.ms)), 'ms'),
        // Within 5 s, the org timeout the issue measured against (cloudbaserc.json now gives org 20 s).
        atMost(`cloud: ${name}, p95`, p95(c.map((s) => s.ms)) / 1000, 's', 5),
        info(`cloud: ${name}, sequential round trips`, trips, 'round trips'),
      )
      continue
    }
    figures.push(
      info(`default: ${name}, median`, median(d.map((s) => s.ms)), 'ms'),
      info(`default: ${name}, p95`, p95(d.map((s) => s.ms)), 'ms'),
      TARGETS[name] !== undefined
        ? atMost(`cloud: ${name}, median`, median(c.map((s) => s.ms)), 'ms', TARGETS[name])
        : info(`cloud: ${name}, median`, median(c.map((s) => s.ms)), 'ms'),
      info(`cloud: ${name}, p95`, p95(c.map((s) => s.ms)), 'ms'),
      name === 'checkin create'
        ? atMost(`cloud: ${name}, sequential round trips`, trips, 'round trips', 4)
        : info(`cloud: ${name}, sequential round trips`, trips, 'round trips'),
    )
  }
  return figures
}
