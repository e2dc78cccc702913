import type { Person, Project } from '../types/entities'
import { chinaDay } from './time'

/** 四公开 window: rating opens with the acceptance request and closes this many days after 结题. */
export const RATING_WINDOW_DAYS = 30

const DAY_MS = 24 * 3600 * 1000

/** The last China day on which a project accepted at `acceptedAt` may still be rated. */
export const ratingLastDay = (acceptedAt: Date): string =>
  chinaDay(new Date(new Date(acceptedAt).getTime() + RATING_WINDOW_DAYS * DAY_MS))

/**
 * 群众满意度 is the masses' rating: a Party member (anyone on the roster, with a role or a branch) never rates,
 * so no branch's members can lift their own projects or sink a rival's.
 */
export const ratingRefusal = (caller: Pick<Person, 'grants' | 'branchId'>): string | null =>
  caller.grants.length > 0 || caller.branchId !== null ? '群众满意度由职工群众评价，党员不参与评分' : null

export type RatingWindow =
  { open: true; lastDay: string | null } | { open: false; reason: string; lastDay: string | null }

/**
 * Whether a public project takes ratings now: from the acceptance request until 30 days (China days) after the
 * committee's 结题. A running project has nothing to judge yet; a returned request closes the window again.
 */
export function ratingWindow(project: Pick<Project, 'status' | 'score'>, now: Date): RatingWindow {
  if (project.status === 'acceptance_requested') return { open: true, lastDay: null }
  if ((project.status === 'closed' || project.status === 'archived') && project.score) {
    const lastDay = ratingLastDay(project.score.scoredAt)
    return chinaDay(now) <= lastDay
      ? { open: true, lastDay }
      : {
          open: false,
          reason: `评价已于 ${lastDay} 结束（结题后 ${RATING_WINDOW_DAYS} 天内可评价）`,
          lastDay,
        }
  }
  if (project.status === 'closed' || project.status === 'archived')
    return { open: false, reason: '评价已结束', lastDay: null }
  return { open: false, reason: '项目申请结题验收后开放群众评价', lastDay: null }
}
