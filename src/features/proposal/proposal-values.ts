import type { ActionInput, ProjectDetail } from '@contract/api'
import { ANSWER_KEYS } from '@contract/entities'
import type { AnswerKey, ProjectCategory, ProposalAnswers } from '@contract/entities'
import { PROPOSAL_LIMITS, type PROPOSAL_LABELS } from '@domain/proposal'

/** The 立项表 as the form holds it; no category chosen yet is ''. */
export interface ProposalValues {
  title: string
  category: ProjectCategory | ''
  slogan: string
  problem: string
  answers: ProposalAnswers
  /** The 调研 problems it sets out to solve (选题指南's key problems). */
  problemIds: string[]
}

export type ProposalField = keyof typeof PROPOSAL_LABELS
export type TextFieldKey = Exclude<ProposalField, 'category'>

const emptyAnswers = (): ProposalAnswers =>
  Object.fromEntries(ANSWER_KEYS.map((k) => [k, ''])) as ProposalAnswers

export const emptyProposal = (): ProposalValues => ({
  title: '',
  category: '',
  slogan: '',
  problem: '',
  answers: emptyAnswers(),
  problemIds: [],
})

const isAnswer = (field: ProposalField): field is AnswerKey =>
  (ANSWER_KEYS as readonly string[]).includes(field)

/** Longest text of each text field (the function's schema uses the same numbers). */
export const limitOf = (field: TextFieldKey): number =>
  isAnswer(field) ? PROPOSAL_LIMITS.answer : PROPOSAL_LIMITS[field]

export const textOf = (v: ProposalValues, field: TextFieldKey): string =>
  isAnswer(field) ? v.answers[field] : v[field]

/** A copy with one text field changed, cut to its limit. */
export function withText(v: ProposalValues, field: TextFieldKey, text: string): ProposalValues {
  const value = text.slice(0, limitOf(field))
  return isAnswer(field) ? { ...v, answers: { ...v.answers, [field]: value } } : { ...v, [field]: value }
}

export const fromDetail = (d: ProjectDetail): ProposalValues => ({
  title: d.title,
  category: d.category,
  slogan: d.slogan,
  problem: d.problem,
  answers: { ...emptyAnswers(), ...d.answers },
  problemIds: d.problemIds ?? [],
})

/** What missingProposalFields reads: no category is simply absent. */
export const forCheck = (v: ProposalValues) => ({ ...v, category: v.category || undefined })

/** The saveDraft payload: every field, the id once there is one, the branch only when creating. */
export function draftPayload(
  v: ProposalValues,
  id: string | undefined,
  branchId: string | undefined,
): ActionInput<'projects', 'saveDraft'> {
  return {
    ...(id ? { id } : branchId ? { branchId } : {}),
    title: v.title,
    ...(v.category ? { category: v.category } : {}),
    slogan: v.slogan,
    problem: v.problem,
    answers: { ...v.answers },
    problemIds: [...v.problemIds],
  }
}
