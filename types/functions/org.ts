import { z } from 'zod'
import type { OrgUnitKind, Role, RoleGrant } from '../entities'
import { idSchema } from './common'

export const orgSchemas = {
  whoami: z.object({}).strict(),
  listBranches: z.object({}).strict(),
  listMembers: z.object({ branchId: idSchema }).strict(),
}

export interface BranchView {
  id: string
  name: string
  kind: OrgUnitKind
  parentId: string | null
  memberCount: number
}

/** The signed-in person as the app sees them. */
export interface MeView {
  id: string
  name: string
  title: string
  branch: { id: string; name: string } | null
  group: { id: string; name: string } | null
  roles: Role[]
  grants: RoleGrant[]
}

/** A member in a roster; phone only for those allowed to see it. */
export interface MemberView {
  id: string
  name: string
  title: string
  roles: Role[]
  groupName: string | null
  phone: string | null
}

export interface OrgOutputs {
  whoami: MeView
  listBranches: { branches: BranchView[] }
  listMembers: { members: MemberView[] }
}
