import { proposedTopTen, rankProjects, topTenEntries } from '../../domain/evaluation'
import { assignmentId } from '../../domain/supervision'
import type { Person, Project } from '../../types/entities'
import type { SupervisionAssignment, TopTenSelection } from '../../types/entities-supervision'

/**
 * 分片督导 of the demo company: the 党建部主任 follows the four departments' branches, the 政工专责 the
 * other four; the secretary and deputy secretary of the committee supervise none, so one can try assigning.
 */
const SLICES: [title: string, branchIds: string[]][] = [
  ['党建部主任', ['b-yunwei', 'b-yingxiao', 'b-anzhi', 'b-renzi']],
  ['政工专责', ['b-jiguan', 'b-diaokong', 'b-chengqu', 'b-dongbu']],
]

export function buildDemoAssignments(people: readonly Person[], now: Date): SupervisionAssignment[] {
  const committee = people.filter((p) => p.grants.some((g) => g.role === 'committee'))
  const head = committee.find((p) => p.title === '党委书记') ?? committee[0]
  return SLICES.flatMap(([title, branchIds]) => {
    const person = committee.find((p) => p.title === title)
    if (!person) return []
    return branchIds.map((branchId) => ({
      _id: assignmentId(person._id, branchId),
      personId: person._id,
      branchId,
      active: true,
      updatedBy: head?._id ?? person._id,
      updatedAt: now,
    }))
  })
}

/**
 * The 2025 十佳精品项目 as the committee confirmed them after that year's evaluation: the ranking of the year's
 * accepted projects, so the 经验交流 showcase has a year to show.
 */
export function buildDemoTopTen(
  projects: readonly Project[],
  people: readonly Person[],
  year = 2025,
): TopTenSelection[] {
  const ranked = rankProjects(
    projects
      .filter((p) => p.year === year)
      .map((p) => ({ ...p, score: p.score && { total: p.score.total, scoredAt: p.score.scoredAt } })),
  )
  const ids = proposedTopTen(ranked)
  if (ids.length === 0) return []
  const head =
    people.find((p) => p.title === '党委书记') ??
    people.find((p) => p.grants.some((g) => g.role === 'committee'))
  const scoredAt = Math.max(
    ...projects.filter((p) => ids.includes(p._id)).map((p) => p.score?.scoredAt.getTime() ?? 0),
  )
  return [
    {
      _id: `top-ten-${year}`, // topTenId (cloudfunctions/_shared/repositories/supervision)
      year,
      entries: topTenEntries(ranked, ids),
      markedBy: head?._id ?? '',
      markedByName: head?.name ?? '',
      markedAt: new Date(scoredAt + 24 * 3600 * 1000),
    },
  ]
}
