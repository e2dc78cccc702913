import type { Project, ProjectStatus, TopTenEntry } from '../types/entities'
import type {
  BranchEligibilityView,
  IneligibilityReason,
  RankedProjectView,
} from '../types/functions/supervision'
import { averageRating } from './acceptance'
import type { EvaluationConfig } from './evaluation-config'
import { EVALUATION_CONFIG } from './evaluation-config'
import { STATUS_LABELS } from './labels'
import { chinaMidnight } from './time'

/** What the annual evaluation reads of a project. */
export interface EvaluatedProject extends Pick<
  Project,
  '_id' | 'title' | 'branchId' | 'branchName' | 'status' | 'progress' | 'rating'
> {
  score: { total: number; scoredAt: Date } | null
}

/** Accepted projects: the ones ranked for 十佳. */
export const ACCEPTED_STATUSES: readonly ProjectStatus[] = ['closed', 'archived']

/** Projects that were approved (立项): the ones whose plan, measures and satisfaction are judged. */
export const JUDGED_STATUSES: readonly ProjectStatus[] = [
  'approved',
  'in_progress',
  'acceptance_requested',
  'closed',
  'archived',
]

const round2 = (x: number): number => Math.round(x * 100) / 100

/** Whether a project's 群众满意度 counts: from `minRatings` ratings up; below, 样本不足. */
export const satisfactionCounts = (
  rating: { count: number },
  config: EvaluationConfig = EVALUATION_CONFIG,
): boolean => rating.count >= config.minRatings

/**
 * The ranking score of an accepted project, 0–100:
 *
 *   score = acceptanceWeight × acceptance total + satisfactionWeight × (average rating × satisfactionScale)
 *
 * With the defaults (domain/evaluation-config.ts): 80% of the acceptance total (the rubric adds up to 100)
 * plus 20% of satisfaction brought to 100 (an average of 4.5 of 5 → 90). The average is the one the app
 * shows (one decimal). Satisfaction that does not count (null: fewer than `minRatings` ratings, 样本不足) is
 * left out and the acceptance weight is rescaled to the whole: the score is the acceptance total, so a newly
 * accepted project is neither punished for ratings it has not had yet nor swung by a handful of them.
 * Rounded to two decimals.
 */
export function rankScore(
  acceptanceTotal: number,
  satisfaction: number | null,
  config: EvaluationConfig = EVALUATION_CONFIG,
): number {
  if (satisfaction === null) return round2(acceptanceTotal)
  const weights = config.acceptanceWeight + config.satisfactionWeight
  const sat = satisfaction * config.satisfactionScale
  return round2((config.acceptanceWeight * acceptanceTotal + config.satisfactionWeight * sat) / weights)
}

/** A ranked project before the confirmed 十佳 are known. */
export type Ranked = Omit<RankedProjectView, 'topTen'>

/**
 * Accepted projects with a score, best first: by ranking score, ties by acceptance total, then by id (so the
 * order is total and the same on every run). Ranks are 1, 2, 3 … with no shared places.
 */
export function rankProjects(
  projects: readonly EvaluatedProject[],
  config: EvaluationConfig = EVALUATION_CONFIG,
): Ranked[] {
  return projects
    .flatMap((p) => {
      if (!ACCEPTED_STATUSES.includes(p.status) || !p.score) return []
      const satisfaction = averageRating(p.rating)
      const counted = satisfaction !== null && satisfactionCounts(p.rating, config)
      return [
        {
          rank: 0,
          id: p._id,
          title: p.title,
          branchId: p.branchId,
          branchName: p.branchName,
          status: p.status,
          acceptanceTotal: p.score.total,
          satisfaction,
          ratingCount: p.rating.count,
          satisfactionCounted: counted,
          rankScore: rankScore(p.score.total, counted ? satisfaction : null, config),
        },
      ]
    })
    .sort(
      (a, b) =>
        b.rankScore - a.rankScore ||
        b.acceptanceTotal - a.acceptanceTotal ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }))
}

/** The 十佳 the ranking proposes now: the first `topCount`, in rank order. */
export const proposedTopTen = (
  ranked: readonly Ranked[],
  config: EvaluationConfig = EVALUATION_CONFIG,
): string[] => ranked.slice(0, config.topCount).map((r) => r.id)

/** The confirmed selection's entries for the proposed ids, with the figures they were ranked by. */
export const topTenEntries = (ranked: readonly Ranked[], ids: readonly string[]): TopTenEntry[] =>
  ids.flatMap((id) => {
    const r = ranked.find((x) => x.id === id)
    return r
      ? [
          {
            projectId: id,
            title: r.title,
            branchId: r.branchId,
            branchName: r.branchName,
            rank: r.rank,
            rankScore: r.rankScore,
          },
        ]
      : []
  })

/** The first instant of the year after `year` in China: "by year end" means before it. */
export const chinaYearEnd = (year: number): Date => chinaMidnight(year + 1, 0, 1)

/**
 * Why a project costs its branch 电网先锋 eligibility (the article: 对工作措施不力、未完成项目计划、群众满意率低的，
 * 取消年度评先评优资格), judged only on what the branch did, at `asOf` (the year end once it has passed):
 * - 工作措施不力: the committee scored its acceptance below `weakMeasuresBelow` (a return that the branch then
 *   put right and passed is not held against it: the final score is the verdict on its measures);
 * - 未完成项目计划: once the year is over, not accepted (the plan was not finished). An accepted project
 *   finished its plan, whenever the committee got round to scoring it; while the year runs nothing is
 *   unfinished yet;
 * - 群众满意率低: an average below `lowSatisfactionBelow`, only once satisfaction counts (`minRatings`
 *   ratings): a few ratings, from whoever, cannot take eligibility away.
 */
export function ineligibilityReasons(
  p: EvaluatedProject,
  year: number,
  asOf: Date,
  config: EvaluationConfig = EVALUATION_CONFIG,
): IneligibilityReason[] {
  if (!JUDGED_STATUSES.includes(p.status)) return []
  const name = `《${p.title}》`
  const reason = (kind: IneligibilityReason['kind'], text: string): IneligibilityReason => ({
    kind,
    projectId: p._id,
    projectTitle: p.title,
    text,
  })
  const out: IneligibilityReason[] = []

  if (p.score && p.score.total < config.weakMeasuresBelow)
    out.push(
      reason('weak_measures', `${name}验收得分 ${p.score.total} 分，低于 ${config.weakMeasuresBelow} 分`),
    )

  const yearOver = asOf.getTime() >= chinaYearEnd(year).getTime()
  if (yearOver && !ACCEPTED_STATUSES.includes(p.status)) {
    out.push(
      reason(
        'plan_unfinished',
        `${name}${year} 年底前未结题（${STATUS_LABELS[p.status]}，进度 ${p.progress}%）`,
      ),
    )
  }

  const satisfaction = averageRating(p.rating)
  if (
    satisfaction !== null &&
    satisfactionCounts(p.rating, config) &&
    satisfaction < config.lowSatisfactionBelow
  ) {
    out.push(
      reason(
        'low_satisfaction',
        `${name}群众满意度 ${satisfaction.toFixed(1)} 分（${p.rating.count} 人评价），低于 ${config.lowSatisfactionBelow.toFixed(1)} 分`,
      ),
    )
  }
  return out
}

/**
 * Every branch with whether it keeps 电网先锋 eligibility for `year`, and each reason it does not. A branch
 * with no approved project that year did no project work to judge: it earns nothing, so it is not eligible.
 */
export function branchEligibility(
  branches: readonly { id: string; name: string }[],
  projects: readonly EvaluatedProject[],
  year: number,
  asOf: Date,
  config: EvaluationConfig = EVALUATION_CONFIG,
): BranchEligibilityView[] {
  return branches.map((b) => {
    const own = projects.filter((p) => p.branchId === b.id && JUDGED_STATUSES.includes(p.status))
    const reasons =
      own.length === 0
        ? [
            {
              kind: 'no_project' as const,
              projectId: '',
              projectTitle: '',
              text: `${year} 年没有获批立项的党建项目，无项目不得评先`,
            },
          ]
        : own.flatMap((p) => ineligibilityReasons(p, year, asOf, config))
    return {
      branchId: b.id,
      branchName: b.name,
      eligible: reasons.length === 0,
      projects: own.length,
      reasons,
    }
  })
}
