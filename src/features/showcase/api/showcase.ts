import type { ActionOutput, ShowcaseView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export const fetchShowcase = (year?: number): Promise<ShowcaseView> =>
  callCloud('projects', 'showcase', year === undefined ? {} : { year })

export const borrowProject = (id: string): Promise<ActionOutput<'projects', 'borrow'>> =>
  callCloud('projects', 'borrow', { id })
