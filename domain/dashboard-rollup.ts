import { PROJECT_CATEGORIES, PROJECT_STATUSES } from '../types/entities'
import type { Milestone, ProjectCategory, ProjectStatus } from '../types/entities'
import type {
  CategoryKey,
  DashboardFigures,
  DashboardLeague,
  DashboardOverdueRow,
  DashboardRollup,
  MemberParticipation,
  OverdueMilestone,
  ShardKeyPart,
  ShardPart,
} from '../types/entities-dashboard'
import { monthOf } from './checkin-counts'
import { chinaDay } from './checkins'
import {
  COUNTED_STATUSES,
  OVERDUE_TOP,
  dashboardYears,
  countsOverdue,
  leagueParts,
  leagueScore,
  leagueId,
  rankByScore,
  referenceDay,
  rollupId,
  rollupKey,
  overdueRowId,
  weeksEnding,
} from './dashboard'
import { formatDay } from './dates'
import { rollUpProgress } from './projects'

// ---------------------------------------------------------------------------------------------------------
// The roll-up: every dashboard document, recomputed from counters and the project records.
//
// A large company's roll-up is split into shards, each a set of branches done by a function run of its own
// (rollUpShard), and a merge (mergeShards) that adds the shards' parts into the company documents and ranks
// every branch into the league. rollUpDashboards is the same in one piece: one shard and its merge. Company
// figures are therefore the sum of their branches' figures, so that a shard never needs another's data.

export interface RollupProject {
  _id: string
  title: string
  branchId: string
  branchName: string
  year: number
  category: ProjectCategory
  status: ProjectStatus
  rating: { count: number; sum: number }
  /** As stored, for the progress check (progressRepairs); the figures do not read them. */
  progress?: number
  version?: number
}

export type RollupMilestone = Pick<
  Milestone,
  '_id' | 'projectId' | 'title' | 'weight' | 'ownerId' | 'deadline' | 'status' | 'decidedAt'
>

/** What the roll-up reads (for a shard: its branches' part). Check-ins arrive only as counters. */
export interface RollupInput {
  /** YYYY-MM-DD (China). */
  today: string
  branches: { _id: string; name: string; order: number }[]
  /** The branches' people, and anyone else who owns one of their milestones (for the owner's name). */
  people: { _id: string; name: string; branchId: string | null }[]
  projects: RollupProject[]
  milestones: RollupMilestone[]
  /** project_week counters (the weeks shown of each year). */
  weekCounts: { projectId: string; week: string; count: number }[]
  /** member_month counters (the reference month of each year). */
  monthCounts: { projectId: string; personId: string; month: string; count: number }[]
  /** Study seconds by member and by branch (micro-lecture totals). */
  memberStudy: Map<string, number>
  branchStudy: Map<string, number>
}

export interface RollupOutput {
  rollups: DashboardRollup[]
  overdue: DashboardOverdueRow[]
}

export interface ShardOutput extends RollupOutput {
  part: ShardPart
}

/** A short, stable digest of a document's content (FNV-1a, two lanes): unchanged documents are not rewritten. */
export function digestOf(value: unknown): string {
  const text = JSON.stringify(value)
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0
  }
  return a.toString(36) + b.toString(36)
}

/**
 * A roll-up document's digest. Branch documents hold no place in the league (the key's league document does),
 * so a branch moving up rewrites that one document, not its own.
 */
export const rollupDigest = (doc: Omit<DashboardRollup, 'digest'>): string => digestOf(doc)

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

interface Scope {
  projects: RollupProject[]
  members: number
  studySeconds: number
}

/** Indexes of the input, built once per roll-up. */
interface Lookups {
  today: string
  milestones: Map<string, RollupMilestone[]>
  weeks: Map<string, Map<string, number>>
  months: Map<string, { personId: string; month: string; count: number }[]>
  names: Map<string, string>
}

function figuresOf(scope: Scope, weeks: string[], month: string, at: Lookups): DashboardFigures {
  const byStatus = zeroes(PROJECT_STATUSES)
  const byCategory = zeroes(PROJECT_CATEGORIES)
  let doneWeight = 0
  let totalWeight = 0
  let onTime = 0
  let considered = 0
  let overdue = 0
  let ratingCount = 0
  let ratingSum = 0
  const weekly = new Map(weeks.map((w) => [w, 0]))
  const active = new Set<string>()
  for (const p of scope.projects) {
    byStatus[p.status] += 1
    byCategory[p.category] += 1
    ratingCount += p.rating.count
    ratingSum += p.rating.sum
    const counted = COUNTED_STATUSES.includes(p.status)
    for (const m of at.milestones.get(p._id) ?? []) {
      if (countsOverdue(m, p.status, at.today)) overdue += 1
      if (!counted) continue
      const weight = Math.max(0, m.weight)
      const approved = m.status === 'approved'
      totalWeight += weight
      if (approved) doneWeight += weight
      if (m.deadline === null) continue
      const deadline = formatDay(m.deadline)
      if (approved || deadline < at.today) considered += 1
      if (approved && m.decidedAt && chinaDay(new Date(m.decidedAt)) <= deadline) onTime += 1
    }
    const counts = at.weeks.get(p._id)
    if (counts) for (const w of weeks) weekly.set(w, (weekly.get(w) ?? 0) + (counts.get(w) ?? 0))
    for (const c of at.months.get(p._id) ?? []) if (c.month === month && c.count > 0) active.add(c.personId)
  }
  return {
    projects: scope.projects.length,
    byStatus,
    byCategory,
    doneWeight,
    totalWeight,
    onTime,
    considered,
    overdue,
    weeks: weeks.map((week) => ({ week, count: weekly.get(week) ?? 0 })),
    activeMembers: active.size,
    month,
    members: scope.members,
    studySeconds: scope.studySeconds,
    ratingCount,
    ratingSum,
  }
}

/** Figures with nothing counted yet, for the weeks and month of a key. */
function emptyFigures(weeks: string[], month: string): DashboardFigures {
  return {
    projects: 0,
    byStatus: zeroes(PROJECT_STATUSES),
    byCategory: zeroes(PROJECT_CATEGORIES),
    doneWeight: 0,
    totalWeight: 0,
    onTime: 0,
    considered: 0,
    overdue: 0,
    weeks: weeks.map((week) => ({ week, count: 0 })),
    activeMembers: 0,
    month,
    members: 0,
    studySeconds: 0,
    ratingCount: 0,
    ratingSum: 0,
  }
}

/** Two scopes' figures added up (the same weeks and month). */
export function addFigures(a: DashboardFigures, b: DashboardFigures): DashboardFigures {
  const byStatus = { ...a.byStatus }
  for (const s of PROJECT_STATUSES) byStatus[s] += b.byStatus[s]
  const byCategory = { ...a.byCategory }
  for (const c of PROJECT_CATEGORIES) byCategory[c] += b.byCategory[c]
  return {
    projects: a.projects + b.projects,
    byStatus,
    byCategory,
    doneWeight: a.doneWeight + b.doneWeight,
    totalWeight: a.totalWeight + b.totalWeight,
    onTime: a.onTime + b.onTime,
    considered: a.considered + b.considered,
    overdue: a.overdue + b.overdue,
    weeks: a.weeks.map((w, i) => ({ week: w.week, count: w.count + (b.weeks[i]?.count ?? 0) })),
    activeMembers: a.activeMembers + b.activeMembers,
    month: a.month,
    members: a.members + b.members,
    studySeconds: a.studySeconds + b.studySeconds,
    ratingCount: a.ratingCount + b.ratingCount,
    ratingSum: a.ratingSum + b.ratingSum,
  }
}

const byDeadline = (a: OverdueMilestone, b: OverdueMilestone) =>
  a.deadline.localeCompare(b.deadline) || a.milestoneId.localeCompare(b.milestoneId)

function overdueOf(projects: RollupProject[], at: Lookups): OverdueMilestone[] {
  const out: OverdueMilestone[] = []
  for (const p of projects) {
    for (const m of at.milestones.get(p._id) ?? []) {
      if (!countsOverdue(m, p.status, at.today) || m.deadline === null) continue
      out.push({
        milestoneId: m._id,
        title: m.title,
        projectId: p._id,
        projectTitle: p.title,
        branchId: p.branchId,
        branchName: p.branchName,
        ownerId: m.ownerId,
        ownerName: at.names.get(m.ownerId) ?? '',
        deadline: formatDay(m.deadline),
        status: m.status,
      })
    }
  }
  return out.sort(byDeadline)
}

function participationOf(
  members: RollupInput['people'],
  projects: RollupProject[],
  month: string,
  at: Lookups,
  memberStudy: Map<string, number>,
): MemberParticipation[] {
  const rows = new Map<string, MemberParticipation>(
    members.map((p) => [
      p._id,
      {
        personId: p._id,
        name: p.name,
        checkinsThisMonth: 0,
        studySeconds: memberStudy.get(p._id) ?? 0,
        milestonesOwned: 0,
        milestonesApproved: 0,
      },
    ]),
  )
  for (const p of projects) {
    for (const c of at.months.get(p._id) ?? []) {
      const row = rows.get(c.personId)
      if (row && c.month === month) row.checkinsThisMonth += c.count
    }
    for (const m of at.milestones.get(p._id) ?? []) {
      const row = rows.get(m.ownerId)
      if (!row) continue
      row.milestonesOwned += 1
      if (m.status === 'approved') row.milestonesApproved += 1
    }
  }
  // In name order whatever order the people were read in (imported people come after the rest on disk).
  return [...rows.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.personId.localeCompare(b.personId),
  )
}

/** The years among those shown that have projects, newest first: a year without any has no dashboard. */
export const yearsWithProjects = (
  today: string,
  projects: readonly Pick<RollupProject, 'year'>[],
): number[] => dashboardYears(today).filter((y) => projects.some((p) => p.year === y))

/**
 * One shard's branch documents, overdue rows and part of the company, for the `years` that have projects in
 * the whole company (a branch without projects still has an "all" document in such a year). Branch documents
 * leave the league to the merge: rank and position null, competitors 0.
 */
export function rollUpShard(input: RollupInput, years: readonly number[]): ShardOutput {
  const at: Lookups = {
    today: input.today,
    milestones: groupBy(input.milestones, (m) => m.projectId),
    weeks: new Map(),
    months: groupBy(input.monthCounts, (c) => c.projectId),
    names: new Map(input.people.map((p) => [p._id, p.name])),
  }
  for (const c of input.weekCounts) {
    const byWeek = at.weeks.get(c.projectId) ?? new Map<string, number>()
    byWeek.set(c.week, (byWeek.get(c.week) ?? 0) + c.count)
    at.weeks.set(c.projectId, byWeek)
  }
  const inShard = new Set(input.branches.map((b) => b._id))
  const membersOf = groupBy(
    input.people.filter((p) => p.branchId !== null && inShard.has(p.branchId)),
    (p) => p.branchId as string,
  )
  const branchStudy = (id: string) => input.branchStudy.get(id) ?? 0
  const rollups: DashboardRollup[] = []
  const overdue: DashboardOverdueRow[] = []
  const keys: ShardKeyPart[] = []
  const projects = input.projects.filter((p) => inShard.has(p.branchId))

  for (const year of years) {
    const ofYear = projects.filter((p) => p.year === year)
    const ref = referenceDay(year, input.today)
    const weeks = weeksEnding(ref)
    const month = monthOf(ref)
    const categories: CategoryKey[] = [
      'all',
      ...PROJECT_CATEGORIES.filter((c) => ofYear.some((p) => p.category === c)),
    ]
    for (const category of categories) {
      const key = rollupKey(year, category)
      const inKey = category === 'all' ? ofYear : ofYear.filter((p) => p.category === category)
      const byBranch = groupBy(inKey, (p) => p.branchId)
      const branches = input.branches.filter((b) => category === 'all' || byBranch.has(b._id))
      let figures = emptyFigures(weeks, month)
      const late: OverdueMilestone[] = []
      const scores: ShardKeyPart['branches'] = []
      for (const b of branches) {
        const own = byBranch.get(b._id) ?? []
        const members = membersOf.get(b._id) ?? []
        const branchFigures = figuresOf(
          { projects: own, members: members.length, studySeconds: branchStudy(b._id) },
          weeks,
          month,
          at,
        )
        figures = addFigures(figures, branchFigures)
        const parts = leagueParts(branchFigures)
        const score = leagueScore(parts)
        const branchLate = overdueOf(own, at)
        late.push(...branchLate.slice(0, OVERDUE_TOP))
        scores.push({ branchId: b._id, score, order: b.order })
        const doc = {
          _id: rollupId(key, b._id),
          key,
          kind: 'branch' as const,
          branchId: b._id,
          branchName: b.name,
          year,
          category,
          figures: branchFigures,
          overdueTop: branchLate.slice(0, OVERDUE_TOP),
          score,
          parts,
          competitors: 0,
          participation: participationOf(members, own, month, at, input.memberStudy),
        }
        rollups.push({ ...doc, digest: rollupDigest(doc) })
        for (const m of branchLate) {
          const { deadline, ...rest } = m
          const row = {
            _id: overdueRowId(key, m.milestoneId),
            key,
            ...rest,
            deadline: new Date(`${deadline}T00:00:00Z`),
          }
          overdue.push({ ...row, digest: digestOf(row) })
        }
      }
      keys.push({
        key,
        year,
        category,
        figures,
        late: late.sort(byDeadline).slice(0, OVERDUE_TOP),
        branches: scores,
      })
    }
  }
  let members = 0
  for (const list of membersOf.values()) members += list.length
  const studySeconds = input.branches.reduce((s, b) => s + branchStudy(b._id), 0)
  return { rollups, overdue, part: { keys, members, studySeconds } }
}

export interface MergeOutput {
  /** One company document per key that any shard has. */
  company: DashboardRollup[]
  /** One league document per key (the branch documents keep no league fields). */
  leagues: DashboardLeague[]
}

/**
 * The company documents and the league, from every shard's part: company figures are the sum of the shards'
 * (members and study time counted once per shard, whatever the key), its overdue list the oldest of theirs,
 * and each key's league ranks every branch of every shard.
 */
export function mergeShards(parts: readonly ShardPart[]): MergeOutput {
  const byKey = new Map<string, ShardKeyPart[]>()
  for (const part of parts) for (const k of part.keys) byKey.set(k.key, [...(byKey.get(k.key) ?? []), k])
  const members = parts.reduce((s, p) => s + p.members, 0)
  const studySeconds = parts.reduce((s, p) => s + p.studySeconds, 0)
  const company: DashboardRollup[] = []
  const leagues: DashboardLeague[] = []
  for (const [key, list] of byKey) {
    const first = list[0]
    const figures = list.slice(1).reduce((f, k) => addFigures(f, k.figures), first.figures)
    const branches = list.flatMap((k) => k.branches)
    const doc = {
      _id: rollupId(key, null),
      key,
      kind: 'company' as const,
      branchId: null,
      branchName: '',
      year: first.year,
      category: first.category,
      figures: { ...figures, members, studySeconds },
      overdueTop: list
        .flatMap((k) => k.late)
        .sort(byDeadline)
        .slice(0, OVERDUE_TOP),
      score: null,
      parts: null,
      competitors: branches.length,
      participation: [],
    }
    company.push({ ...doc, digest: rollupDigest(doc) })
    const ranked = rankByScore(branches)
    const table = {
      _id: leagueId(key),
      kind: 'league' as const,
      key,
      branchIds: ranked.map((r) => r.branchId),
      ranks: ranked.map((r) => r.rank),
    }
    leagues.push({ ...table, digest: digestOf(table) })
  }
  return { company, leagues }
}

/**
 * Every dashboard document for every year shown and every category filter (all, and each category a year has):
 * one for the company and one per branch (every branch under "all"; under a category, the branches with a
 * project in it), ranked into the league; and one overdue row per overdue milestone and key. Pure: the same
 * input gives the same documents, which is what the counter check compares against. The same as one shard and
 * its merge, which is what a sharded roll-up must come to.
 */
export function rollUpDashboards(input: RollupInput): RollupOutput & { leagues: DashboardLeague[] } {
  const shard = rollUpShard(input, yearsWithProjects(input.today, input.projects))
  const merged = mergeShards([shard.part])
  return { rollups: [...merged.company, ...shard.rollups], overdue: shard.overdue, leagues: merged.leagues }
}

/**
 * Projects whose stored progress is behind their approved milestones: an approval whose function was stopped
 * between approving the milestone and raising the progress. Progress only ever rises here (the project is read
 * before its milestones, so what they say is never older than what it says), and the write goes only over the
 * version read.
 */
export function progressRepairs(
  projects: readonly RollupProject[],
  milestones: readonly RollupMilestone[],
): { id: string; version: number; progress: number }[] {
  const byProject = groupBy(milestones, (m) => m.projectId)
  return projects.flatMap((p) => {
    const ms = byProject.get(p._id)
    if (!ms || p.progress === undefined || p.version === undefined) return []
    const progress = rollUpProgress(ms.map((m) => ({ weight: m.weight, done: m.status === 'approved' })))
    return progress > p.progress ? [{ id: p._id, version: p.version, progress }] : []
  })
}
