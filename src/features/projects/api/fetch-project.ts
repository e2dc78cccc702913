import type { ProjectDetail } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** One project with its plan, its last events and what the caller may do next. */
export const fetchProject = (id: string): Promise<ProjectDetail> => callCloud('projects', 'get', { id })
