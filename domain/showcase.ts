import type { BorrowedFrom, Milestone, PlanTask, Project, ProposalAnswers } from '../types/entities'
import type { TopTenSelection } from '../types/entities-supervision'
import { PHOTO_EXTENSIONS } from './files'
import { isSecretary, type Actor } from './roles'

/**
 * 经验交流: the committee's confirmed 十佳精品项目 are shown to every member, and a secretary may 借鉴 one into a
 * new draft of their branch. The rules of both live here.
 */

/** The most result photos one showcased project shows. */
export const SHOWCASE_PHOTOS = 9

/** The year to show: the one asked for, else the newest with a confirmed selection (null when none). */
export function showcaseYear(
  selections: readonly Pick<TopTenSelection, 'year'>[],
  asked?: number,
): number | null {
  if (asked !== undefined) return asked
  return selections.reduce<number | null>((y, s) => (y === null || s.year > y ? s.year : y), null)
}

type PlanMilestone = Pick<Milestone, 'taskId' | 'title' | 'order'>

/** The plan as an outline: each task with its milestones' titles, in plan order. */
export function planOutline(
  tasks: readonly Pick<PlanTask, 'id' | 'title'>[],
  milestones: readonly PlanMilestone[],
) {
  const ordered = [...milestones].sort((a, b) => a.order - b.order)
  return tasks.map((t) => ({
    task: t.title,
    milestones: ordered.filter((m) => m.taskId === t.id).map((m) => m.title),
  }))
}

/**
 * The results a showcase shows as photos: the branch's 结题 evidence, the committee's 验收 photos, then the
 * evidence of approved milestones, each file once, at most SHOWCASE_PHOTOS.
 */
export function showcasePhotos(
  project: Pick<Project, 'acceptance' | 'acceptanceMethods'>,
  milestones: readonly Pick<Milestone, 'status' | 'evidence' | 'order'>[],
): string[] {
  const methods = Object.values(project.acceptanceMethods ?? {}).flatMap((m) => m?.photos ?? [])
  const approved = [...milestones]
    .filter((m) => m.status === 'approved')
    .sort((a, b) => a.order - b.order)
    .flatMap((m) => m.evidence ?? [])
  const all = [...(project.acceptance?.evidence ?? []), ...methods, ...approved]
  const isPhoto = (f: string) => PHOTO_EXTENSIONS.includes(f.slice(f.lastIndexOf('.') + 1).toLowerCase())
  return [...new Set(all)].filter(isPhoto).slice(0, SHOWCASE_PHOTOS)
}

/** The rank of a project in any confirmed selection, with its year; null when it was never a 十佳. */
export function showcasedRank(
  selections: readonly Pick<TopTenSelection, 'year' | 'entries'>[],
  projectId: string,
): { year: number; rank: number } | null {
  for (const s of selections) {
    const e = s.entries.find((x) => x.projectId === projectId)
    if (e) return { year: s.year, rank: e.rank }
  }
  return null
}

/** Only a branch secretary starts drafts, so only they 借鉴. */
export const canBorrow = (actor: Actor): boolean => isSecretary(actor)

/**
 * What a 借鉴 draft takes from its source: the title idea, slogan, problem, category and goals (干什么, 怎么干,
 * 干到什么程度). Who does it and when are the new branch's own to write, so they start empty; the source's plan
 * comes along as an outline beside the proposal, with the source recorded.
 */
export function borrowedDraft(
  source: Pick<
    Project,
    '_id' | 'title' | 'slogan' | 'problem' | 'category' | 'answers' | 'branchName' | 'year'
  >,
  rank: number,
  outline: BorrowedFrom['outline'],
): {
  fields: Pick<Project, 'title' | 'slogan' | 'problem' | 'category'> & { answers: ProposalAnswers }
  borrowedFrom: BorrowedFrom
} {
  return {
    fields: {
      title: source.title,
      slogan: source.slogan,
      problem: source.problem,
      category: source.category,
      answers: {
        what: source.answers.what,
        why: source.answers.why,
        who: '',
        how: source.answers.how,
        when: '',
        extent: source.answers.extent,
      },
    },
    borrowedFrom: {
      projectId: source._id,
      title: source.title,
      branchName: source.branchName,
      year: source.year,
      rank,
      outline,
    },
  }
}
