import type { ProjectChange } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** Sends a complete proposal to the committee (草稿/已退回 → 待立项审批). */
export const submitProposal = (id: string): Promise<ProjectChange> => callCloud('projects', 'submit', { id })

/** Takes a waiting proposal back into draft. */
export const withdrawProposal = (id: string): Promise<ProjectChange> =>
  callCloud('projects', 'withdraw', { id })

/** 立项: the committee approves a proposal. */
export const approveProposal = (id: string): Promise<ProjectChange> =>
  callCloud('projects', 'approve', { id })

/** The committee returns a proposal with the reason. */
export const returnProposal = (id: string, comment: string): Promise<ProjectChange> =>
  callCloud('projects', 'return', { id, comment })

/** 开始实施: only once every milestone has the 五个明确. */
export const startProject = (id: string): Promise<ProjectChange> => callCloud('projects', 'start', { id })

/** The committee sends an acceptance request back for rectification, with the reason. */
export const returnAcceptance = (id: string, comment: string): Promise<ProjectChange> =>
  callCloud('projects', 'returnAcceptance', { id, comment })

/** 归档 a closed project. */
export const archiveProject = (id: string): Promise<ProjectChange> => callCloud('projects', 'archive', { id })
