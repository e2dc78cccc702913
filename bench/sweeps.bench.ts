import { performance } from 'node:perf_hooks'
import { DEFAULT_RUBRIC } from '../domain/acceptance'
import type { Person } from '../types/entities'
import { startTestCloud } from '../localcloud/testing'
import type { TestCloud } from '../localcloud/testing'
import { branchId, branchUnits, buildFunctionsOnce, rows, COMMITTEE as BENCH_COMMITTEE } from './harness'
import { atMost, info, median } from './report'
import type { Figure } from './report'

/**
 * The committee's yearly sweeps over the whole province: 年度评价 (every project of the year ranked, every
 * branch's 电网先锋 eligibility) and 随机抽查 (the candidates, and a draw with its recorded pool). 2,000
 * branches and 10,000 projects of the year, as the dashboard bench's province.
 */
const BRANCHES = 2000
const PROJECTS = 10_000
const SAMPLES = 7
const YEAR = 2026
/** Function timeout of `supervision` in cloudbaserc.json: every sweep must end well inside it. */
const SUPERVISION_TIMEOUT_S = 10

const COMMITTEE: Person = { ...BENCH_COMMITTEE, openid: 'bench-sweeps-committee' }

/** The province's branches and a year of projects: 4 in 10 running, 3 in 10 closed and scored, 3 in between. */
function seed(cloud: TestCloud): void {
  cloud.db.insertMany('people', rows([COMMITTEE]))
  cloud.db.insertMany('org_units', branchUnits(BRANCHES))
  const at = new Date(Date.UTC(YEAR, 1, 1))
  const projects = Array.from({ length: PROJECTS }, (_, j) => {
    const b = j % BRANCHES
    const kind = j % 10
    const closed = kind < 3
    const status = closed
      ? 'closed'
      : kind < 7
        ? 'in_progress'
        : kind === 7
          ? 'acceptance_requested'
          : 'approved'
    return {
      _id: `sw-prj-${String(j).padStart(5, '0')}`,
      title: `项目${j}`,
      category: 'service',
      slogan: '口号',
      branchId: branchId(b),
      branchName: `第${b}党支部`,
      year: YEAR,
      status,
      progress: closed ? 100 : 40 + (j % 50),
      ownerId: `p${b}-0`,
      version: 1,
      tasks: [],
      checklist: [],
      rating: closed ? { count: 10 + (j % 30), sum: (10 + (j % 30)) * (3 + (j % 3)) } : { count: 0, sum: 0 },
      score: closed
        ? {
            rubric: [...DEFAULT_RUBRIC],
            scores: { measures: 25, plan: 25, effect: 20 + (j % 10), innovation: 10 },
            total: 80 + (j % 10),
            comment: '同意结题',
            scoredBy: COMMITTEE._id,
            scoredAt: new Date(Date.UTC(YEAR, 10, 1 + (j % 20))),
          }
        : null,
      createdAt: at,
      updatedAt: at,
    }
  })
  cloud.db.insertMany('projects', projects)
}

async function timed(
  cloud: TestCloud,
  cookie: string,
  action: 'evaluation' | 'candidates' | 'createSpotCheck',
  payload: (i: number) => object,
) {
  const times: number[] = []
  let trips = 0
  let last: unknown = null
  for (let i = 0; i < SAMPLES + 1; i++) {
    const t = performance.now()
    const r = await cloud.callTraced(cookie, 'supervision', action, payload(i) as never)
    const ms = performance.now() - t
    if (!r.result.ok) throw new Error(`supervision.${action} failed: ${r.result.code} ${r.result.message}`)
    trips = Math.max(trips, r.roundTrips)
    last = r.result.data
    if (i > 0) times.push(ms) // the first call loads the bundle
  }
  return { median: median(times), max: Math.max(...times), trips, last }
}

/**
 * 年度评价, 随机抽查 candidates and a draw at province scale, through the real `supervision` bundle under the
 * default and the `cloud` profile (its own worker, stopped at its 10 s timeout): median, slowest, round trips.
 */
export async function benchSweeps(): Promise<Figure[]> {
  buildFunctionsOnce()
  const out: Figure[] = []
  for (const profile of ['default', 'cloud'] as const) {
    const cloud = await startTestCloud({ rateLimit: false, profile })
    try {
      const t0 = performance.now()
      seed(cloud)
      const seedS = (performance.now() - t0) / 1000
      const cookie = await cloud.signIn(COMMITTEE._id)
      const evaluation = await timed(cloud, cookie, 'evaluation', () => ({ year: YEAR }))
      const ranked = (evaluation.last as { ranking: unknown[]; branches: unknown[] }).ranking.length
      const branches = (evaluation.last as { branches: unknown[] }).branches.length
      // The demo's own branches and projects are there too.
      if (branches < BRANCHES) throw new Error(`the evaluation judged ${branches} branches`)
      const candidates = await timed(cloud, cookie, 'candidates', () => ({}))
      const count = (candidates.last as { count: number }).count
      if (count < (PROJECTS * 4) / 10) throw new Error(`the draw would choose from ${count} projects`)
      const draw = await timed(cloud, cookie, 'createSpotCheck', (i) => ({
        requestId: `bench-sweeps-${profile}-${i}`,
        size: 20,
      }))
      const p = profile
      if (p === 'default') out.push(info('sweeps: seed 2,000 branches + 10,000 projects', seedS, 's'))
      out.push(
        info(`${p}: province 年度评价 (10,000 projects, ${ranked} ranked), median`, evaluation.median, 'ms'),
        atMost(`${p}: province 年度评价, slowest`, evaluation.max / 1000, 's', SUPERVISION_TIMEOUT_S / 2),
        info(`${p}: province 年度评价, sequential round trips`, evaluation.trips, ''),
        info(`${p}: province 随机抽查 candidates (${count} running), median`, candidates.median, 'ms'),
        atMost(
          `${p}: province 随机抽查 candidates, slowest`,
          candidates.max / 1000,
          's',
          SUPERVISION_TIMEOUT_S / 2,
        ),
        info(`${p}: province 随机抽查 draw of 20, median`, draw.median, 'ms'),
        atMost(
          `${p}: province 随机抽查 draw of 20, slowest`,
          draw.max / 1000,
          's',
          SUPERVISION_TIMEOUT_S / 2,
        ),
        info(`${p}: province 随机抽查 draw, sequential round trips`, draw.trips, ''),
      )
    } finally {
      await cloud.close()
    }
  }
  return out
}
