import type { MilestoneView, TaskView } from '@contract/api'
import { chinaDay } from '@domain/checkins'
import { parseDay } from '@domain/dates'
import { isOverdue as isMilestoneOverdue } from '@domain/milestones'
import { FIVE_CLEAR, missingFiveClear } from '@domain/plan'

/** Today as YYYY-MM-DD in China, the calendar deadlines are set in. */
export const today = (): string => chinaDay(new Date())

/** 已逾期 (domain/milestones), as of today unless told otherwise. */
export const isOverdue = (m: Pick<MilestoneView, 'deadline' | 'status'>, on: string = today()): boolean =>
  isMilestoneOverdue(m, on)

/** Every milestone of a plan, in plan order, with its task's title. */
export const allMilestones = (tasks: readonly TaskView[]): (MilestoneView & { taskTitle: string })[] =>
  tasks.flatMap((t) => t.milestones.map((m) => ({ ...m, taskTitle: t.title })))

/** A person's name or the word for nobody. */
export const nameOr = (person: { name: string } | null, none = '未指定'): string => person?.name ?? none

/** YYYY-MM-DD or the word for no deadline. */
export const deadlineText = (deadline: string | null): string => deadline ?? '未定'

/** A milestone as the app holds it: owner by id, deadline as YYYY-MM-DD. */
export interface MilestoneFields {
  title: string
  weight: number
  ownerId: string | null
  deadline: string | null
  qualityStandard: string
  expectedGoal: string
}

/** Which of the 五个明确 a milestone lacks, as words (domain rule, app-side shapes). */
export function missingFiveClearLabels(m: MilestoneFields): string[] {
  const keys = missingFiveClear({
    title: m.title,
    weight: m.weight,
    ownerId: m.ownerId ?? '',
    deadline: m.deadline ? parseDay(m.deadline) : null,
    qualityStandard: m.qualityStandard,
    expectedGoal: m.expectedGoal,
  })
  return keys.map((k) => FIVE_CLEAR[k])
}
