import { useCallback } from 'react'
import type { ProjectSummary } from '@contract/api'
import { pageChunk, usePagedList, type PagedList } from '@/hooks/use-paged-list'
import { fetchProjects, type ProjectsQuery } from '../api/fetch-projects'

export const PROJECTS_PAGE_SIZE = 10

export type ProjectsState = PagedList<ProjectSummary>

/** A paged list of projects that grows on reach-bottom. */
export function useProjects(query: ProjectsQuery = {}): ProjectsState {
  // Callers pass object literals; compare by value so a re-render does not refetch.
  const key = JSON.stringify(query)
  const fetchChunk = useCallback(
    (page: number | null) =>
      fetchProjects(JSON.parse(key) as ProjectsQuery, page ?? 1, PROJECTS_PAGE_SIZE).then(pageChunk),
    [key],
  )
  return usePagedList(fetchChunk, (p) => p.id)
}
