import { PROJECT_CATEGORIES } from '../../types/entities'
import type { MilestoneStatus, ProjectStatus } from '../../types/entities'
import {
  mergeShards,
  progressRepairs,
  rollUpDashboards,
  rollUpShard,
  yearsWithProjects,
} from '../dashboard-rollup'
import type { RollupInput, RollupMilestone, RollupProject } from '../dashboard-rollup'
import { leagueId, placeInLeague } from '../dashboard'

/** A small company drawn from a seed: branches, people, projects over two years, milestones and counters. */
function company(seed: number, branchCount: number): RollupInput {
  let x = seed
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648
    return (x >>> 8) % n
  }
  const branches = Array.from({ length: branchCount }, (_, i) => ({
    _id: `b${i}`,
    name: `第${i}支部`,
    order: (i * 7) % branchCount,
  }))
  const people = Array.from({ length: branchCount * 4 }, (_, i) => ({
    _id: `p${i}`,
    name: `党员${i}`,
    branchId: `b${i % branchCount}`,
  }))
  const statuses: ProjectStatus[] = ['in_progress', 'closed', 'acceptance_requested', 'approved', 'draft']
  const projects: RollupProject[] = Array.from({ length: branchCount * 2 + 1 }, (_, i) => ({
    _id: `prj${i}`,
    title: `项目${i}`,
    branchId: `b${rand(branchCount)}`,
    branchName: '',
    year: 2025 + rand(2),
    category: PROJECT_CATEGORIES[rand(PROJECT_CATEGORIES.length)],
    status: statuses[rand(statuses.length)],
    rating: { count: rand(3), sum: rand(12) },
  }))
  const milestoneStatuses: MilestoneStatus[] = ['open', 'submitted', 'approved', 'returned']
  const milestones: RollupMilestone[] = projects.flatMap((p, i) =>
    Array.from({ length: 1 + rand(3) }, (_, k) => {
      const status = milestoneStatuses[rand(milestoneStatuses.length)]
      return {
        _id: `${p._id}-m${k}`,
        projectId: p._id,
        title: `里程碑${k}`,
        weight: 10 + rand(40),
        // Now and then someone of another branch owns it (moved since).
        ownerId: `p${(i + k * 5) % people.length}`,
        deadline: new Date(Date.UTC(2026, rand(12), 1 + rand(28))),
        status,
        decidedAt: status === 'approved' ? new Date(Date.UTC(2026, rand(12), 1 + rand(28))) : null,
      }
    }),
  )
  const weekCounts = projects.flatMap((p) =>
    ['2026-11-23', '2026-11-16', '2025-12-29'].map((week) => ({ projectId: p._id, week, count: rand(5) })),
  )
  const monthCounts = projects.flatMap((p) =>
    people
      .filter((_, i) => rand(4) === 0 || i % branchCount === Number(p.branchId.slice(1)))
      .slice(0, 3)
      .flatMap((person) =>
        ['2026-11', '2025-12'].map((month) => ({
          projectId: p._id,
          personId: person._id,
          month,
          count: rand(3),
        })),
      ),
  )
  return {
    today: '2026-11-26',
    branches,
    people,
    projects,
    milestones,
    weekCounts,
    monthCounts,
    memberStudy: new Map(people.map((p, i) => [p._id, i * 60])),
    branchStudy: new Map(branches.map((b, i) => [b._id, i * 600])),
  }
}

/** What a shard of these branches reads: their people, the owners of their milestones, their projects' data. */
function shardInput(all: RollupInput, ids: Set<string>): RollupInput {
  const projects = all.projects.filter((p) => ids.has(p.branchId))
  const projectIds = new Set(projects.map((p) => p._id))
  const milestones = all.milestones.filter((m) => projectIds.has(m.projectId))
  const owners = new Set(milestones.map((m) => m.ownerId))
  return {
    ...all,
    branches: all.branches.filter((b) => ids.has(b._id)),
    people: all.people.filter((p) => (p.branchId !== null && ids.has(p.branchId)) || owners.has(p._id)),
    projects,
    milestones,
    weekCounts: all.weekCounts.filter((c) => projectIds.has(c.projectId)),
    monthCounts: all.monthCounts.filter((c) => projectIds.has(c.projectId)),
  }
}

const byId = <T extends { _id: string }>(docs: T[]) => [...docs].sort((a, b) => a._id.localeCompare(b._id))

describe('the roll-up in shards', () => {
  it.each([
    [1, 9, 1],
    [2, 9, 2],
    [3, 9, 4],
    [4, 13, 5],
    [5, 13, 13],
  ])(
    'comes to the same documents as in one piece (seed %i, %i branches, %i a shard)',
    (seed, count, size) => {
      const all = company(seed, count)
      const whole = rollUpDashboards(all)
      const years = yearsWithProjects(all.today, all.projects)
      const shards = Array.from({ length: Math.ceil(count / size) }, (_, i) =>
        rollUpShard(
          shardInput(all, new Set(all.branches.slice(i * size, (i + 1) * size).map((b) => b._id))),
          years,
        ),
      )
      const merged = mergeShards(shards.map((s) => s.part))
      const rollups = [...merged.company, ...shards.flatMap((s) => s.rollups)]
      expect(byId(rollups)).toEqual(byId(whole.rollups))
      expect(byId(merged.leagues)).toEqual(byId(whole.leagues))
      expect(byId(shards.flatMap((s) => s.overdue))).toEqual(byId(whole.overdue))
      // Something to compare: both years, several categories, a league and overdue rows.
      expect(whole.rollups.filter((r) => r.kind === 'company').length).toBeGreaterThan(3)
      expect(whole.overdue.length).toBeGreaterThan(0)
    },
  )

  it('adds the company up from its branches and ranks every branch of every shard into one league', () => {
    const all = company(7, 6)
    const whole = rollUpDashboards(all)
    const key = `2026:all`
    const branches = whole.rollups.filter((r) => r.key === key && r.kind === 'branch')
    const top = whole.rollups.find((r) => r._id === `${key}:company`)
    expect(branches).toHaveLength(6)
    expect(top?.figures.projects).toBe(branches.reduce((s, b) => s + b.figures.projects, 0))
    expect(top?.figures.members).toBe(all.people.length)
    expect(top?.competitors).toBe(6)
    const league = whole.leagues.find((l) => l._id === leagueId(key))
    expect([...(league?.branchIds ?? [])].sort()).toEqual(branches.map((b) => b.branchId).sort())
    for (const b of branches) {
      const better = branches.filter((o) => (o.score ?? 0) > (b.score ?? 0)).length
      expect(placeInLeague(league, b.branchId ?? '')?.rank).toBe(better + 1)
    }
    // Best first: scores never rise down the league.
    const scores = (league?.branchIds ?? []).map((id) => branches.find((b) => b.branchId === id)?.score ?? 0)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('leaves the league to the merge: a shard’s branch documents are what is stored, whatever the league', () => {
    const all = company(3, 5)
    const shard = rollUpShard(all, yearsWithProjects(all.today, all.projects))
    const whole = rollUpDashboards(all)
    for (const d of shard.rollups) {
      expect(d).toMatchObject({ competitors: 0 })
      expect(whole.rollups.find((w) => w._id === d._id)).toEqual(d)
    }
    // One league document per key that has a company document.
    const keys = whole.rollups.filter((r) => r.kind === 'company').map((r) => r.key)
    expect(whole.leagues.map((l) => l.key).sort()).toEqual(keys.sort())
  })
})

describe('progress behind its approved milestones', () => {
  it('is raised to what the milestones say, never lowered, and only where it is known', () => {
    const all = company(11, 4)
    const [p, q, r] = all.projects
    const ms = (id: string) => all.milestones.filter((m) => m.projectId === id)
    const approvedShare = (id: string) => {
      const list = ms(id)
      const total = list.reduce((s, m) => s + m.weight, 0)
      const done = list.filter((m) => m.status === 'approved').reduce((s, m) => s + m.weight, 0)
      return Math.round((done / total) * 100)
    }
    const projects = [{ ...p, progress: -1, version: 3 }, { ...q, progress: 101, version: 1 }, { ...r }]
    expect(progressRepairs(projects, all.milestones)).toEqual([
      { id: p._id, version: 3, progress: approvedShare(p._id) },
    ])
  })
})
