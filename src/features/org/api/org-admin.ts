import type { OrgChangeView, OrgTreeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** 组织管理 (committee): every unit and group with who leads them. */
export const fetchOrgTree = (): Promise<OrgTreeView> => callCloud('org', 'orgTree', {})

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
