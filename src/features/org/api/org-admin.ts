import type { AuditLogView, MergeJobView, OrgChangeView, OrgTreeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 组织管理 (committee): every unit and group with who leads them. */
export const fetchOrgTree = (): Promise<OrgTreeView> => callCloud('org', 'orgTree', {})

/** 组织管理操作记录: a page of changes, newest first, after `cursor`. */
export const fetchAuditLog = (cursor: string | null): Promise<AuditLogView> =>
  callCloud('org', 'auditLog', cursor ? { cursor } : {})

/** 重建搜索索引: one batch of projects or people after `cursor`. */
export const reindexBatch = (kind: 'project' | 'person', cursor: string | null) =>
  callCloud('org', 'reindexSearch', cursor ? { kind, cursor } : { kind })

/** The admin changes, each its own action of `org`. */
export type OrgChangeAction =
  | 'createUnit'
  | 'renameUnit'
  | 'moveUnit'
  | 'mergeUnits'
  | 'createGroup'
  | 'renameGroup'
  | 'moveGroup'
  | 'mergeGroups'
  | 'setSecretary'
  | 'setGroupLeader'
  | 'movePerson'

export const changeOrg = (
  action: OrgChangeAction,
  payload: Record<string, unknown>,
): Promise<OrgChangeView> => callCloud('org', action, payload as never) as Promise<OrgChangeView>

/** A large merge's job: how far it has got. */
export const fetchMergeJob = (jobId: string): Promise<MergeJobView> => callCloud('org', 'mergeJob', { jobId })

/** A large merge's job: one run of its batches, then how far it has got. */
export const runMergeJob = (jobId: string): Promise<MergeJobView> =>
  callCloud('org', 'runMergeJob', { jobId })
