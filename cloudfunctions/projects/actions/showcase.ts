import { averageRating } from '../../../domain/acceptance'
import { projectCounterId } from '../../../domain/checkin-counts'
import { totalsId } from '../../../domain/lectures'
import { canBorrow, planOutline, showcasePhotos, showcaseYear } from '../../../domain/showcase'
import { ok } from '../../../types/result'
import type { ShowcaseProjectView } from '../../../types/functions/projects'
import { getCounts } from '../../_shared/repositories/checkins'
import { getTotals } from '../../_shared/repositories/lectures'
import { getProjects, listShowcaseMilestones } from '../../_shared/repositories/projects'
import { readCategoryNames } from '../../_shared/repositories/guides'
import { listTopTens } from '../../_shared/repositories/supervision'
import { readingEarly } from '../../_shared/router'

/**
 * 经验交流: a year's 十佳精品项目 for every member. Three round trips: the selections with the caller, then the
 * projects, their milestones, check-in counters, the branches' study totals and the year's category names at once, then the photos' links.
 */
export const showcase = readingEarly<'projects', 'showcase'>()(
  () => listTopTens(),
  async ({ year: asked }, { caller, early: selections }) => {
    const year = showcaseYear(selections, asked)
    const chosen = selections.find((s) => s.year === year)
    const entries = [...(chosen?.entries ?? [])].sort((a, b) => a.rank - b.rank)
    const ids = entries.map((e) => e.projectId)
    const branchIds = [...new Set(entries.map((e) => e.branchId))]
    const [projects, milestones, counts, totals, categoryNames] = await Promise.all([
      getProjects(ids),
      listShowcaseMilestones(ids),
      getCounts(ids.map(projectCounterId)),
      getTotals(branchIds.map((b) => totalsId('branch', b))),
      readCategoryNames(year === null ? [] : [year]),
    ])
    const byId = new Map(projects.map((p) => [p._id, p]))
    const trainees = new Map(totals.map((t) => [t._id, t.personTimes]))
    const items: ShowcaseProjectView[] = entries.flatMap((e) => {
      const p = byId.get(e.projectId)
      if (!p) return []
      const own = milestones.filter((m) => m.projectId === p._id)
      return [
        {
          id: p._id,
          rank: e.rank,
          title: p.title,
          category: p.category,
          categoryLabel: categoryNames(p.year)[p.category],
          slogan: p.slogan,
          problem: p.problem,
          branchName: p.branchName,
          year: p.year,
          what: p.answers.what,
          extent: p.answers.extent,
          effect: p.acceptance?.summary ?? '',
          photos: showcasePhotos(p, own),
          outline: planOutline(p.tasks, own),
          figures: {
            checkins: counts.get(projectCounterId(p._id)) ?? 0,
            trainees: trainees.get(totalsId('branch', p.branchId)) ?? 0,
            milestonesDone: own.filter((m) => m.status === 'approved').length,
            milestones: own.length,
            score: p.score?.total ?? null,
            ratingCount: p.rating.count,
            ratingAverage: averageRating(p.rating),
          },
        },
      ]
    })
    return ok({
      year,
      years: selections.map((s) => s.year).sort((a, b) => b - a),
      items,
      borrowable: canBorrow(caller),
    })
  },
)
