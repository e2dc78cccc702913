import type { EvaluatedProject, Ranked } from '../../domain/evaluation'
import { branchEligibility, proposedTopTen, rankProjects } from '../../domain/evaluation'
import type { TopTenSelection } from '../../types/entities-supervision'
import type { BranchEligibilityView } from '../../types/functions/supervision'
import { getTopTen, listBranches, listYearProjects } from '../_shared/repositories/supervision'

export interface Evaluation {
  ranked: Ranked[]
  proposed: string[]
  confirmed: TopTenSelection | null
  branches: BranchEligibilityView[]
}

/** The year's ranking, the 十佳 it proposes, the confirmed ones and every branch's eligibility, as of `asOf`. */
export async function evaluate(year: number, asOf: Date): Promise<Evaluation> {
  const [branches, rows, confirmed] = await Promise.all([
    listBranches(),
    listYearProjects(year),
    getTopTen(year),
  ])
  const projects: EvaluatedProject[] = rows.map((r) => ({
    _id: r._id,
    title: r.title,
    branchId: r.branchId,
    branchName: r.branchName,
    status: r.status,
    progress: r.progress,
    rating: r.rating,
    score: r.score ? { total: r.score.total, scoredAt: r.score.scoredAt } : null,
  }))
  const ranked = rankProjects(projects)
  return {
    ranked,
    proposed: proposedTopTen(ranked),
    confirmed,
    branches: branchEligibility(
      branches.map((b) => ({ id: b._id, name: b.name })),
      projects,
      year,
      asOf,
    ),
  }
}
