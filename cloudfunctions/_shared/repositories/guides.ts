import type { DB } from 'wx-server-sdk'
import { yearCategoryLabels } from '../../../domain/guide'
import type { YearProposal } from '../../../domain/guide'
import type { ProjectCategory, ProposalGuide, SurveyProblem } from '../../../types/entities'
import { COLLECTIONS, db, _ } from '../cloud'
import { fetchAll } from './query'

/** 选题指南 of a year: one document a year. */
export const guideId = (year: number): string => `guide-${year}`

/** The guides of these years that exist, by year, in one read. */
export async function getGuides(years: readonly number[]): Promise<Map<number, ProposalGuide>> {
  const ids = [...new Set(years)].map(guideId)
  const res = (await db
    .collection(COLLECTIONS.proposalGuides)
    .where({ _id: ids.length === 1 ? ids[0] : _.in(ids) })
    .limit(ids.length)
    .get()) as DB.IQueryResult
  return new Map((res.data as ProposalGuide[]).map((g) => [g.year, g]))
}

/** What a year calls each category (yearCategoryLabels), for the years whose guides were read. */
export type YearCategoryNames = (year: number) => Record<ProjectCategory, string>

const namesOf =
  (guides: readonly Pick<ProposalGuide, 'year' | 'published' | 'categories'>[]): YearCategoryNames =>
  (year) =>
    yearCategoryLabels(guides.find((g) => g.year === year))

/**
 * Each year's category names, in one read to issue beside the projects it names (never after them): the guides
 * of these years, or every year's (one small document a year, only its names read) when the years are not known
 * before the projects are.
 */
export async function readCategoryNames(years?: readonly number[]): Promise<YearCategoryNames> {
  if (years) return years.length === 0 ? namesOf([]) : namesOf([...(await getGuides(years)).values()])
  const all = await fetchAll<Pick<ProposalGuide, 'year' | 'published' | 'categories'>>(
    db
      .collection(COLLECTIONS.proposalGuides)
      .where({})
      .field({ year: true, published: true, categories: true }),
  )
  return namesOf(all)
}

/** The year's key problems (重点问题) of the 调研, not merged away. */
export async function listKeyProblems(year: number): Promise<SurveyProblem[]> {
  const res = (await db
    .collection(COLLECTIONS.surveyProblems)
    .where({ year, mergedInto: null, key: true })
    .limit(500)
    .get()) as DB.IQueryResult
  return res.data as SurveyProblem[]
}

/** A survey problem as a proposal links it: its year and merge (to check the link), its words and field. */
export type LinkedProblem = Pick<SurveyProblem, '_id' | 'year' | 'mergedInto' | 'text' | 'field'>

/** Survey problems by id (a proposal links at most a handful), in one read. */
export async function getProblems(ids: readonly string[]): Promise<Map<string, LinkedProblem>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const res = (await db
    .collection(COLLECTIONS.surveyProblems)
    .where({ _id: unique.length === 1 ? unique[0] : _.in(unique) })
    .field({ _id: true, year: true, mergedInto: true, text: true, field: true })
    .limit(unique.length)
    .get()) as DB.IQueryResult
  const rows = res.data as LinkedProblem[]
  return new Map(rows.map((p) => [p._id, p]))
}

/** Every project of a year, only what the guide's progress reads (on the year index). */
export const listYearProposals = (year: number): Promise<YearProposal[]> =>
  fetchAll<YearProposal>(
    db
      .collection(COLLECTIONS.projects)
      .where({ year })
      .field({ _id: true, branchId: true, branchName: true, status: true, problemIds: true })
      .orderBy('_id', 'asc'),
    100_000,
  )
