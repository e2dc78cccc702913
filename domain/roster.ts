import type { RoleGrant } from '../types/entities'

/** A roster row as read from the spreadsheet: every cell a string (or absent), its 1-based sheet row number. */
export interface RosterInputRow {
  row: number
  name?: string
  phone?: string
  employeeNo?: string
  branch?: string
  group?: string
  title?: string
  role?: string
}

/** The people a roster may match and update. */
export interface RosterPerson {
  _id: string
  name: string
  phone: string
  employeeNo?: string
  branchId: string | null
  groupId: string | null
  title: string
  grants: RoleGrant[]
}

export interface RosterContext {
  branches: { id: string; name: string }[]
  groups: { id: string; name: string; branchId: string }[]
  /** Every person whose phone or employee number appears in the roster. */
  existing: RosterPerson[]
}

export type RosterAction = 'create' | 'update' | 'unchanged' | 'error'

/** What importing one row does; `fields` is the person as they will be (absent for errors). */
export interface RosterPlanRow {
  row: number
  name: string
  action: RosterAction
  errors: string[]
  /** The existing person it updates, or null for a new one. */
  personId: string | null
  /** What identifies a new person across imports: `e:<employee number>` or `p:<phone>`. */
  key: string
  fields: Omit<RosterPerson, '_id'> | null
}

export interface RosterPlan {
  rows: RosterPlanRow[]
  summary: { total: number; create: number; update: number; unchanged: number; errors: number }
}

/** Spreadsheet headers (Chinese or English) for each column. */
export const ROSTER_HEADERS: Record<keyof Omit<RosterInputRow, 'row'>, readonly string[]> = {
  name: ['姓名', 'name'],
  phone: ['手机号', '手机', '手机号码', '电话', 'phone', 'mobile'],
  employeeNo: ['工号', '员工编号', 'employeeno', 'employee no', 'employee number'],
  branch: ['支部', '所在支部', '党支部', 'branch'],
  group: ['党小组', '小组', 'group'],
  title: ['职务', '岗位', 'title'],
  role: ['角色', '党内职务', 'role'],
}

export const ROSTER_MAX_ROWS = 2000

const MEMBER_WORDS = ['', '党员', '普通党员', 'member']
const SECRETARY_WORDS = ['支部书记', '书记', 'secretary']

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()

/** A mainland mobile number from what people type: spaces, dashes, a +86 prefix. */
export function normalizePhone(raw: string | undefined): string {
  return clean(raw)
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '')
}

const samePerson = (a: Omit<RosterPerson, '_id'>, b: Omit<RosterPerson, '_id'>) =>
  a.name === b.name &&
  a.phone === b.phone &&
  (a.employeeNo ?? '') === (b.employeeNo ?? '') &&
  a.branchId === b.branchId &&
  a.groupId === b.groupId &&
  a.title === b.title &&
  JSON.stringify(sortGrants(a.grants)) === JSON.stringify(sortGrants(b.grants))

const grantKey = (g: RoleGrant) => `${g.role}:${'branchId' in g ? g.branchId : ''}`
const sortGrants = (grants: RoleGrant[]) => [...grants].sort((x, y) => grantKey(x).localeCompare(grantKey(y)))

/**
 * Decides, for every row of a roster, whether it creates a person, updates one (matched by employee number,
 * else by phone) or changes nothing, or why it cannot be imported. Nothing here writes: the same plan is the
 * dry-run preview and what a commit writes.
 */
export function planRoster(input: readonly RosterInputRow[], ctx: RosterContext): RosterPlan {
  const byPhoneRow = new Map<string, number>()
  const byEmployeeRow = new Map<string, number>()
  const byPersonRow = new Map<string, number>()
  const rows = input.map((raw): RosterPlanRow => {
    const errors: string[] = []
    const name = clean(raw.name)
    if (!name) errors.push('缺少姓名')
    else if ([...name].length > 20) errors.push('姓名超过 20 个字')

    const phone = normalizePhone(raw.phone)
    if (!phone) errors.push('缺少手机号')
    else if (!/^1[3-9]\d{9}$/.test(phone)) errors.push(`手机号格式不正确：${clean(raw.phone)}`)
    else if (byPhoneRow.has(phone)) errors.push(`手机号与第 ${byPhoneRow.get(phone)} 行重复`)

    const employeeNo = clean(raw.employeeNo)
    if (employeeNo && !/^[A-Za-z0-9_-]{1,32}$/.test(employeeNo)) errors.push(`工号格式不正确：${employeeNo}`)
    else if (employeeNo && byEmployeeRow.has(employeeNo))
      errors.push(`工号与第 ${byEmployeeRow.get(employeeNo)} 行重复`)

    const branchText = clean(raw.branch)
    const branch = branchText
      ? (ctx.branches.find((b) => b.id === branchText || b.name === branchText) ??
        ctx.branches.find((b) => b.name === `${branchText}党支部`))
      : undefined
    if (!branchText) errors.push('缺少所在支部')
    else if (!branch) errors.push(`未知的支部：${branchText}`)

    const groupText = clean(raw.group)
    const group =
      groupText && branch
        ? ctx.groups.find((g) => g.branchId === branch.id && (g.id === groupText || g.name === groupText))
        : undefined
    if (groupText && branch && !group) errors.push(`党小组「${groupText}」不属于${branch.name}`)

    const title = clean(raw.title)
    if ([...title].length > 30) errors.push('职务超过 30 个字')

    const roleText = clean(raw.role).toLowerCase()
    const role = MEMBER_WORDS.includes(roleText)
      ? roleText === ''
        ? null
        : 'member'
      : SECRETARY_WORDS.includes(roleText)
        ? 'secretary'
        : undefined
    if (role === undefined) errors.push(`未知的角色：${clean(raw.role)}（可填 党员 或 支部书记）`)

    const byEmployee = employeeNo ? ctx.existing.find((p) => p.employeeNo === employeeNo) : undefined
    const byPhone = phone ? ctx.existing.find((p) => p.phone === phone) : undefined
    if (byEmployee && byPhone && byEmployee._id !== byPhone._id)
      errors.push(`工号属于已登记的${byEmployee.name}，手机号属于已登记的${byPhone.name}`)
    else if (!byEmployee && byPhone?.employeeNo && employeeNo && byPhone.employeeNo !== employeeNo)
      errors.push(`手机号已登记给工号 ${byPhone.employeeNo} 的${byPhone.name}`)
    const existing = byEmployee ?? byPhone
    if (existing && byPersonRow.has(existing._id))
      errors.push(`与第 ${byPersonRow.get(existing._id)} 行是同一位已登记的党员`)

    if (phone && !byPhoneRow.has(phone)) byPhoneRow.set(phone, raw.row)
    if (employeeNo && !byEmployeeRow.has(employeeNo)) byEmployeeRow.set(employeeNo, raw.row)
    if (existing && !byPersonRow.has(existing._id)) byPersonRow.set(existing._id, raw.row)

    const key = employeeNo ? `e:${employeeNo}` : `p:${phone}`
    if (errors.length > 0 || !branch)
      return {
        row: raw.row,
        name,
        action: 'error',
        errors,
        personId: existing?._id ?? null,
        key,
        fields: null,
      }

    // An empty role cell keeps an existing person's roles in the branch; 党员 or 支部书记 sets them. A
    // committee grant is never given or taken by an import.
    const kept = (existing?.grants ?? []).filter((g) => g.role === 'committee')
    const wasSecretary =
      existing?.grants.some((g) => g.role === 'secretary' && g.branchId === branch.id) ?? false
    const secretary = role === 'secretary' || (role === null && wasSecretary)
    const grants: RoleGrant[] = [
      ...kept,
      { role: 'member', branchId: branch.id },
      ...(secretary ? [{ role: 'secretary' as const, branchId: branch.id }] : []),
    ]
    const fields: Omit<RosterPerson, '_id'> = {
      name,
      phone,
      ...(employeeNo || existing?.employeeNo ? { employeeNo: employeeNo || existing?.employeeNo } : {}),
      branchId: branch.id,
      groupId:
        group?.id ?? (existing && existing.branchId === branch.id && !groupText ? existing.groupId : null),
      title: title || (existing?.title ?? ''),
      grants,
    }
    const action: RosterAction = !existing ? 'create' : samePerson(existing, fields) ? 'unchanged' : 'update'
    return { row: raw.row, name, action, errors: [], personId: existing?._id ?? null, key, fields }
  })
  const count = (a: RosterAction) => rows.filter((r) => r.action === a).length
  return {
    rows,
    summary: {
      total: rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      errors: count('error'),
    },
  }
}

/** Which column each header names, from a sheet's first row; unknown headers are ignored. */
export function rosterColumns(
  headers: readonly string[],
): Partial<Record<keyof Omit<RosterInputRow, 'row'>, number>> {
  const out: Partial<Record<keyof Omit<RosterInputRow, 'row'>, number>> = {}
  headers.forEach((h, i) => {
    const text = clean(h).toLowerCase().replace(/[*＊]/g, '')
    for (const [field, names] of Object.entries(ROSTER_HEADERS) as [
      keyof typeof ROSTER_HEADERS,
      readonly string[],
    ][])
      if (out[field] === undefined && names.includes(text)) out[field] = i
  })
  return out
}
