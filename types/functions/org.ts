import { z } from 'zod'
import { SEARCH_KINDS } from '../entities'
import type { OrgUnitKind, Role, RoleGrant, SearchKind } from '../entities'
import { freeText, hasVisibleText, idSchema, pageCursor, type MiniCodeView } from './common'

const unitName = freeText(30, { required: '请填写组织名称', tooLong: '组织名称不能超过 30 个字' })
const groupName = freeText(20, { required: '请填写党小组名称', tooLong: '党小组名称不能超过 20 个字' })
const UNIT_KINDS = ['committee', 'general_branch', 'branch'] as const

export type { SearchKind }

const cell = z
  .string()
  .max(200)
  .refine((t) => t.trim() === '' || hasVisibleText(t), '不能只有空白或不可见字符')
  .optional()

/** One roster row as the app parsed it from a spreadsheet (every cell text); `row` is its sheet row number. */
export const rosterRowSchema = z
  .object({
    row: z.number().int().min(1).max(100_000),
    name: cell,
    phone: cell,
    employeeNo: cell,
    branch: cell,
    group: cell,
    title: cell,
    role: cell,
  })
  .strict()

export const orgSchemas = {
  whoami: z.object({}).strict(),
  listBranches: z.object({}).strict(),
  listMembers: z.object({ branchId: idSchema }).strict(),
  /**
   * 党委: import the member roster from an uploaded .xlsx (`fileId`, parsed on the server) or from rows the app
   * parsed. `commit: false` (the default) only previews; a commit writes nothing unless every row is valid.
   */
  importRoster: z
    .object({
      fileId: z.string().startsWith('cloud://').max(512).optional(),
      rows: z.array(rosterRowSchema).min(1).max(2000).optional(),
      commit: z.boolean().default(false),
    })
    .strict()
    .refine((p) => (p.fileId === undefined) !== (p.rows === undefined), {
      message: '请提供名册文件或名册行，二者选一',
      path: ['fileId'],
    }),
  /** A secretary (or the committee) makes a one-time code for a member of their branch not yet bound. */
  createInvite: z.object({ personId: idSchema }).strict(),
  /** A WeChat user not yet registered binds themselves to the member the code was made for. */
  bindInvite: z.object({ code: z.string().trim().min(1).max(20) }).strict(),
  /**
   * 搜索: projects, people, lectures and group posts within the caller's scope. Without `kind`, the first few of
   * each; with it, one page of that kind. Any text is answered (a symbols-only or overlong query in words).
   */
  search: z
    .object({
      q: z.string().max(2000),
      kind: z.enum(SEARCH_KINDS).optional(),
      page: z.number().int().min(0).max(100).default(0),
    })
    .strict(),
  /** 重建搜索索引 (committee): one batch of projects or people after `cursor` made findable; call again with `next`. */
  reindexSearch: z.object({ kind: z.enum(['project', 'person']), cursor: idSchema.optional() }).strict(),
  /** 组织管理操作记录 (committee): every org change, newest first, a page after `cursor`. */
  auditLog: z.object({ cursor: pageCursor.optional() }).strict(),
  /** 组织管理 (committee): every unit, group, secretary and group leader, for the admin page. */
  orgTree: z.object({}).strict(),
  /** A new 党委, 党总支 or 党支部 under `parentId` (null: the company's 党委 itself). */
  createUnit: z
    .object({ kind: z.enum(UNIT_KINDS), name: unitName, parentId: idSchema.nullable().default(null) })
    .strict(),
  renameUnit: z.object({ unitId: idSchema, name: unitName }).strict(),
  moveUnit: z.object({ unitId: idSchema, parentId: idSchema.nullable() }).strict(),
  /** Everything of `fromId` (people, groups, projects, check-ins, counters) goes to `intoId`; `fromId` is removed. */
  mergeUnits: z.object({ fromId: idSchema, intoId: idSchema }).strict(),
  /** A large merge's job (domain/org-jobs.ts): how far it has got. */
  mergeJob: z.object({ jobId: idSchema }).strict(),
  /** A large merge's job: one run of its batches (bounded in time), then how far it has got. */
  runMergeJob: z.object({ jobId: idSchema }).strict(),
  createGroup: z.object({ branchId: idSchema, name: groupName }).strict(),
  renameGroup: z.object({ groupId: idSchema, name: groupName }).strict(),
  /** The group and its members go to another branch. */
  moveGroup: z.object({ groupId: idSchema, branchId: idSchema }).strict(),
  /** Members and posts of `fromId` go to `intoId` (the same branch); `fromId` is removed. */
  mergeGroups: z.object({ fromId: idSchema, intoId: idSchema }).strict(),
  /** The branch's secretary becomes `personId` (one of its members); the one before stays a member. */
  setSecretary: z.object({ branchId: idSchema, personId: idSchema }).strict(),
  /** The group's leader (组长), or none. */
  setGroupLeader: z.object({ groupId: idSchema, personId: idSchema.nullable() }).strict(),
  /**
   * A person moves to another branch (and group), their past kept. A secretary moving out names `successorId`,
   * a member of the branch they leave.
   */
  movePerson: z
    .object({
      personId: idSchema,
      branchId: idSchema,
      groupId: idSchema.nullable().default(null),
      successorId: idSchema.optional(),
    })
    .strict(),
}

/** An org unit as every list of units shows it: its place in the tree and how many people it has. */
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
  /** Whether the member has bound their WeChat (no: their secretary can make them an invite code). */
  bound: boolean
}

/** What importing one roster row does, or why it cannot. */
export interface RosterRowView {
  row: number
  name: string
  action: 'create' | 'update' | 'unchanged' | 'error'
  errors: string[]
}

export interface RosterImportView {
  /** Whether people were written (a preview, or a roster with errors, writes nothing). */
  committed: boolean
  summary: { total: number; create: number; update: number; unchanged: number; errors: number }
  rows: RosterRowView[]
}

/** An invite code to read out to a member; valid once, until `expiresAt`. */
export interface InviteView {
  code: string
  expiresAt: string
  person: { id: string; name: string }
  /** The same invite as a 小程序码 that opens the 绑定 page with the code filled in; null when WeChat refused. */
  qr: MiniCodeView | null
  /** Why there is no 小程序码, in words (the typed code still works). */
  qrProblem: string | null
}

/** One thing found: what it is, its id (to open it), its title and second line, as stored for search. */
export interface SearchHit {
  kind: SearchKind
  id: string
  title: string
  sub: string
}

export interface SearchSection {
  kind: SearchKind
  label: string
  hits: SearchHit[]
  /** Whether a next page of this kind may hold more. */
  more: boolean
  page: number
}

export interface SearchView {
  /** What was searched (folded, cut to its limit); '' when nothing could be. */
  query: string
  /** Said to the person: an unsearchable or cut query, or nothing found. */
  notice: string | null
  sections: SearchSection[]
}

/** One unit in the admin page: a unit as every list shows it, with who leads it. */
export interface OrgUnitAdminView extends BranchView {
  secretaries: { id: string; name: string }[]
}

export interface GroupAdminView {
  id: string
  branchId: string
  name: string
  leader: { id: string; name: string } | null
  memberCount: number
}

export interface OrgTreeView {
  units: OrgUnitAdminView[]
  groups: GroupAdminView[]
  /** Large merges under way (domain/org-jobs.ts): the page follows them again when it is opened. */
  jobs?: MergeJobView[]
}

/** What an admin change did, in words, and what it moved. */
export interface OrgChangeView {
  /** The unit, group or person changed (a merge: the one that remains). */
  id: string
  message: string
  moved: Record<string, number>
  /** A merge too large for one call: the job that does it, which the page runs and follows. */
  job?: MergeJobView
}

/** A large branch merge done as a job, batch by batch (domain/org-jobs.ts). */
export interface MergeJobView {
  jobId: string
  status: 'queued' | 'running' | 'done' | 'failed'
  fromId: string
  intoId: string
  fromName: string
  intoName: string
  /** Documents of the branch's history to move, and how many are moved. */
  total: number
  done: number
  /** Once done: what was moved, and the merge's message. */
  moved: Record<string, number>
  message: string | null
  error: string | null
}

/** One change of the organisation as the committee reads it back. */
export interface AuditEntryView {
  id: string
  /** ISO instant. */
  at: string
  actorName: string
  /** 合并组织, 任命书记, … */
  label: string
  summary: string
  /** What it was before and became after, in names; null when the summary says it all. */
  before: string | null
  after: string | null
}

export interface AuditLogView {
  items: AuditEntryView[]
  /** Pass back as `cursor` for the next page; null when there is none. */
  nextCursor: string | null
}

export interface OrgOutputs {
  whoami: MeView
  listBranches: { branches: BranchView[] }
  listMembers: { members: MemberView[] }
  importRoster: RosterImportView
  createInvite: InviteView
  bindInvite: MeView
  search: SearchView
  /** `total`: how many of the kind there are, for the page's progress. */
  reindexSearch: { indexed: number; next: string | null; total: number }
  auditLog: AuditLogView
  orgTree: OrgTreeView
  createUnit: OrgChangeView
  renameUnit: OrgChangeView
  moveUnit: OrgChangeView
  mergeUnits: OrgChangeView
  mergeJob: MergeJobView
  runMergeJob: MergeJobView
  createGroup: OrgChangeView
  renameGroup: OrgChangeView
  moveGroup: OrgChangeView
  mergeGroups: OrgChangeView
  setSecretary: OrgChangeView
  setGroupLeader: OrgChangeView
  movePerson: OrgChangeView
}
