import { chinaYear } from '../../../domain/dates'
import { draftYear, linkRefusal } from '../../../domain/guide'
import { draftBranch } from '../../../domain/project-permissions'
import { missingProposalFields } from '../../../domain/proposal'
import { projectSearchable } from '../../../domain/search'
import { chinaDay } from '../../../domain/time'
import { ANSWER_KEYS } from '../../../types/entities'
import type {
  Person,
  Project,
  ProjectEvent,
  ProposalAnswers,
  ProposalGuide,
  SurveyProblem,
} from '../../../types/entities'
import type { ActionParams } from '../../../types/api'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS } from '../../_shared/cloud'
import { newId } from '../../_shared/ids'
import { getGuides, getProblems } from '../../_shared/repositories/guides'
import { getOrgUnitsByIds } from '../../_shared/repositories/org'
import { indexForSearch } from '../../_shared/repositories/search'
import { readingEarly } from '../../_shared/router'
import type { Ctx } from '../../_shared/router'
import { runInTransaction } from '../../_shared/transaction'
import { transition } from '../../_shared/transition'

type Params = ActionParams<'projects', 'saveDraft'>

/** The answers given in this save, merged over those saved before. */
function mergeAnswers(before: ProposalAnswers, given: Params['answers']): ProposalAnswers {
  const out = { ...before }
  for (const key of ANSWER_KEYS) {
    const v = given?.[key]
    if (v !== undefined) out[key] = v
  }
  return out
}

/** Only the fields this save names; a field left out keeps what was saved. */
function givenFields({ title, category, slogan, problem, problemIds }: Params): Partial<Project> {
  const fields: Partial<Project> = {
    title,
    category,
    slogan,
    problem,
    problemIds: problemIds && [...new Set(problemIds)],
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

const EMPTY_ANSWERS: ProposalAnswers = { what: '', why: '', who: '', how: '', when: '', extent: '' }

/**
 * A new draft starts in the caller's secretary branch (or the one asked for, if they are its secretary).
 * Category defaults to 基础规范项目, as the form's picker does, since every project has one. A 借鉴 draft
 * (projects.borrow) also records its source.
 */
type Linked = Map<string, Pick<SurveyProblem, '_id' | 'year' | 'mergedInto'>>

/** Next year's 选题指南, if there is one (read with the caller's lookup for a new draft). */
export const nextYearGuide = async (): Promise<ProposalGuide | undefined> => {
  const next = chinaYear(new Date()) + 1
  return (await getGuides([next])).get(next)
}

/** The linked problems must be of the project's year and not merged away. */
function linkFailure(params: Params, linked: Linked, year: number) {
  const issue = params.problemIds ? linkRefusal(params.problemIds, linked, year) : null
  return issue && fail('INVALID_INPUT', issue.message, [issue])
}

export async function createDraft(
  params: Params,
  caller: Person,
  borrowed?: Pick<Project, 'borrowedFrom'>,
  linked: Linked = new Map(),
  nextGuide: ProposalGuide | undefined = undefined,
) {
  const branchId = draftBranch(caller, params.branchId)
  if (!branchId) {
    return params.branchId === undefined
      ? fail('FORBIDDEN', '只有支部书记可以起草项目')
      : fail('FORBIDDEN', '只能为自己担任书记的支部起草项目', [
          { path: 'branchId', message: '不是你担任书记的支部' },
        ])
  }
  const branch = (await getOrgUnitsByIds([branchId])).get(branchId)
  if (!branch) return fail('NOT_FOUND', '没有找到这个支部', [{ path: 'branchId', message: '没有这个支部' }])
  const now = new Date()
  // In December a draft may already be next year's (its guide's window open, or next year's problems linked).
  const year = draftYear(
    chinaDay(now),
    nextGuide,
    [...linked.values()].map((p) => p.year),
  )
  const refused = linkFailure(params, linked, year)
  if (refused) return refused
  const project: Project = {
    _id: newId('prj'),
    title: '',
    category: 'basic',
    slogan: '',
    problem: '',
    ...givenFields(params),
    answers: mergeAnswers(EMPTY_ANSWERS, params.answers),
    branchId,
    branchName: branch.name,
    year,
    status: 'draft',
    ownerId: caller._id,
    progress: 0,
    version: 1,
    tasks: [],
    checklist: [],
    submittedBy: null,
    acceptance: null,
    score: null,
    rating: { count: 0, sum: 0 },
    ...borrowed,
    createdAt: now,
    updatedAt: now,
  }
  const event: Omit<ProjectEvent, '_id'> = {
    projectId: project._id,
    action: 'create',
    from: null,
    to: 'draft',
    actorId: caller._id,
    actorName: caller.name,
    comment: borrowed?.borrowedFrom
      ? `借鉴自${borrowed.borrowedFrom.branchName}《${borrowed.borrowedFrom.title}》`
      : '',
    at: now,
  }
  await runInTransaction(async (t) => {
    await t.collection(COLLECTIONS.projects).add({ data: project })
    await t.collection(COLLECTIONS.projectEvents).add({ data: event })
  })
  await indexForSearch([projectSearchable(project)], { fresh: true })
  const missingFields = missingProposalFields(project).map((m) => m.label)
  return ok({ id: project._id, status: project.status, version: project.version, missingFields })
}

/** Creates a draft, or saves fields of a draft or returned proposal as the secretary types. */
const save = async (
  params: Params,
  { caller, early: [linked, nextGuide] }: Ctx & { early: [Linked, ProposalGuide | undefined] },
) => {
  if (params.id === undefined) return createDraft(params, caller, undefined, linked, nextGuide)
  if (params.branchId !== undefined) {
    return fail('INVALID_INPUT', '已有项目不能改换支部', [
      { path: 'branchId', message: '已有项目不能改换支部' },
    ])
  }
  let missingFields: string[] = []
  let saved: Project | null = null
  const res = await transition({
    id: params.id,
    action: 'edit',
    caller,
    step: (project) => {
      const refused = linkFailure(params, linked, project.year)
      if (refused) return refused
      const patch = { ...givenFields(params), answers: mergeAnswers(project.answers, params.answers) }
      missingFields = missingProposalFields({ ...project, ...patch }).map((m) => m.label)
      saved = { ...project, ...patch }
      return { ok: true, patch }
    },
  })
  if (!res.ok) return res
  // Search finds it by its title and slogan as now saved.
  if (saved && (params.title !== undefined || params.slogan !== undefined))
    await indexForSearch([projectSearchable(saved)])
  return ok({ ...res.data, missingFields })
}

/** The linked 调研 problems are read with the caller's lookup. */
export const saveDraft = readingEarly<'projects', 'saveDraft'>()(
  // The problems to link and, for a new draft, next year's guide (does its window make the draft next year's?).
  (params) =>
    Promise.all([
      getProblems(params.problemIds ?? []),
      params.id === undefined ? nextYearGuide() : Promise.resolve(undefined),
    ]),
  save,
)
