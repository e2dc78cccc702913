import type { ProjectChange } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 结题申请: the branch's summary and evidence files. */
export const requestAcceptance = (id: string, summary: string, evidence: string[]): Promise<ProjectChange> =>
  callCloud('projects', 'requestAcceptance', { id, summary, evidence })
