import type { PublicProjectView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** The 四公开 view of a project, readable by any signed-in person. */
export const fetchPublicProject = (id: string): Promise<PublicProjectView> =>
  callCloud('projects', 'publicGet', { id })
