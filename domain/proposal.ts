import { ANSWER_KEYS } from '../types/entities'
import type { AnswerKey, Proposal } from '../types/entities'

export const ANSWER_LABELS: Record<AnswerKey, string> = {
  what: '做什么',
  why: '为什么做',
  who: '谁来做',
  how: '怎么做',
  when: '何时做',
  extent: '做到什么程度',
}

export const PROPOSAL_LABELS = {
  title: '项目名称',
  category: '项目类别',
  slogan: '口号',
  problem: '问题导向（要解决的问题）',
  ...ANSWER_LABELS,
} as const

/** Longest text each field accepts; shared by the form and the function's schema. */
export const PROPOSAL_LIMITS = { title: 60, slogan: 40, problem: 500, answer: 1000, comment: 500 } as const

export interface MissingField {
  field: keyof typeof PROPOSAL_LABELS
  /** Where the field sits in a saveDraft payload: `title`, or `answers.what` for the six answers. */
  path: string
  label: string
}

const blank = (s: string | undefined | null) => !s || s.trim().length === 0

/** Every field a proposal still lacks before it can be submitted, in form order. */
export function missingProposalFields(
  p: Partial<Omit<Proposal, 'answers'>> & { answers?: Partial<Proposal['answers']> },
): MissingField[] {
  const missing: MissingField[] = []
  const check = (field: keyof typeof PROPOSAL_LABELS, path: string, value: string | undefined) => {
    if (blank(value)) missing.push({ field, path, label: PROPOSAL_LABELS[field] })
  }
  check('title', 'title', p.title)
  check('category', 'category', p.category)
  check('slogan', 'slogan', p.slogan)
  check('problem', 'problem', p.problem)
  for (const key of ANSWER_KEYS) check(key, `answers.${key}`, p.answers?.[key])
  return missing
}

/** The Chinese sentence the app shows when a proposal is incomplete. */
export const describeMissing = (missing: MissingField[]): string =>
  missing.length === 0 ? '' : `还需填写：${missing.map((m) => m.label).join('、')}`
