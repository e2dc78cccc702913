import type { ActionInput, ProjectChange } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 结题 evidence: one method the committee used (听取汇报、调查走访、察看现场). */
export const recordAcceptanceMethod = (
  input: ActionInput<'projects', 'recordAcceptanceMethod'>,
): Promise<ProjectChange> => callCloud('projects', 'recordAcceptanceMethod', input)
