import type { ActionInput, Page, ProjectSummary } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** Filters of `projects.list`; paging is the hook's business. */
export type ProjectsQuery = Omit<ActionInput<'projects', 'list'>, 'page' | 'pageSize'>

/** One page of the projects the caller may see (the function decides the scope). */
export const fetchProjects = (
  query: ProjectsQuery,
  page: number,
  pageSize: number,
): Promise<Page<ProjectSummary>> => callCloud('projects', 'list', { ...query, page, pageSize })
