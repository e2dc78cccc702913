import { normalizePhone, planRoster, rosterColumns, type RosterContext, type RosterInputRow } from '../roster'
import { formatInviteCode, inFailureWindow, isLockedOut, normalizeInviteCode } from '../invites'

const ctx: RosterContext = {
  branches: [
    { id: 'b-yunwei', name: '运维部党支部' },
    { id: 'b-yingxiao', name: '营销部党支部' },
  ],
  groups: [
    { id: 'b-yunwei-g1', name: '运维部第一党小组', branchId: 'b-yunwei' },
    { id: 'b-yingxiao-g1', name: '营销部第一党小组', branchId: 'b-yingxiao' },
  ],
  existing: [
    {
      _id: 'p002',
      name: '李海燕',
      phone: '13900001002',
      branchId: 'b-yunwei',
      groupId: 'b-yunwei-g1',
      title: '运维检修工',
      grants: [{ role: 'member', branchId: 'b-yunwei' }],
    },
    {
      _id: 'p001',
      name: '王建国',
      phone: '13900001001',
      employeeNo: 'E001',
      branchId: 'b-yunwei',
      groupId: 'b-yunwei-g1',
      title: '党支部书记',
      grants: [
        { role: 'member', branchId: 'b-yunwei' },
        { role: 'secretary', branchId: 'b-yunwei' },
      ],
    },
  ],
}

const row = (n: number, over: Partial<RosterInputRow> = {}): RosterInputRow => ({
  row: n,
  name: `党员${n}`,
  phone: `1380000${String(1000 + n)}`,
  branch: '运维部党支部',
  ...over,
})

describe('planRoster', () => {
  it('creates new members, with their group and role, keyed by employee number or phone', () => {
    const plan = planRoster(
      [
        row(2, { employeeNo: 'E100', group: '运维部第一党小组', role: '支部书记', title: '班长' }),
        row(3, { branch: '营销部', phone: '+86 138-0000-1003' }),
      ],
      ctx,
    )
    expect(plan.summary).toEqual({ total: 2, create: 2, update: 0, unchanged: 0, errors: 0 })
    expect(plan.rows[0]).toMatchObject({
      action: 'create',
      key: 'e:E100',
      personId: null,
      fields: {
        employeeNo: 'E100',
        branchId: 'b-yunwei',
        groupId: 'b-yunwei-g1',
        title: '班长',
        grants: [
          { role: 'member', branchId: 'b-yunwei' },
          { role: 'secretary', branchId: 'b-yunwei' },
        ],
      },
    })
    expect(plan.rows[1]).toMatchObject({
      action: 'create',
      key: 'p:13800001003',
      fields: { branchId: 'b-yingxiao', phone: '13800001003' },
    })
  })

  it('explains every problem of a row, in Chinese, by row', () => {
    const plan = planRoster(
      [
        row(2, { name: '  ' }),
        row(3, { phone: '12345' }),
        row(4, { phone: '' }),
        row(5, { branch: '火星党支部' }),
        row(6, { group: '营销部第一党小组' }),
        row(7, { role: '党委书记' }),
        row(8, { phone: '13800001008' }),
        row(9, { phone: '13800001008' }),
        row(10, { employeeNo: 'E9', phone: '13800001010' }),
        row(11, { employeeNo: 'E9', phone: '13800001011' }),
        row(12, { branch: undefined }),
      ],
      ctx,
    )
    const errors = Object.fromEntries(plan.rows.map((r) => [r.row, r.errors]))
    expect(errors[2]).toEqual(['缺少姓名'])
    expect(errors[3]).toEqual(['手机号格式不正确：12345'])
    expect(errors[4]).toEqual(['缺少手机号'])
    expect(errors[5]).toEqual(['未知的支部：火星党支部'])
    expect(errors[6]).toEqual(['党小组「营销部第一党小组」不属于运维部党支部'])
    expect(errors[7]).toEqual(['未知的角色：党委书记（可填 党员 或 支部书记）'])
    expect(errors[8]).toEqual([])
    expect(errors[9]).toEqual(['手机号与第 8 行重复'])
    expect(errors[11]).toEqual(['工号与第 10 行重复'])
    expect(errors[12]).toEqual(['缺少所在支部'])
    expect(plan.summary.errors).toBe(9)
    expect(plan.rows.filter((r) => r.action === 'error').every((r) => r.fields === null)).toBe(true)
  })

  it('matches existing people by employee number, else phone: unchanged, updated, or conflicting', () => {
    const plan = planRoster(
      [
        {
          row: 2,
          name: '李海燕',
          phone: '13900001002',
          branch: '运维部党支部',
          group: '运维部第一党小组',
          title: '运维检修工',
        },
        { row: 3, name: '王建国', phone: '13900001001', employeeNo: 'E001', branch: '运维部党支部' },
      ],
      ctx,
    )
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', personId: 'p002' })
    // An empty role keeps the secretary a secretary; an empty group in the same branch keeps the group.
    expect(plan.rows[1]).toMatchObject({ action: 'unchanged', personId: 'p001' })
    const crossed = planRoster(
      [{ row: 4, name: '王建国', phone: '13900001002', employeeNo: 'E001', branch: '运维部党支部' }],
      ctx,
    )
    expect(crossed.rows[0].errors).toEqual(['工号属于已登记的王建国，手机号属于已登记的李海燕'])
    const renumbered = planRoster(
      [{ row: 4, name: '王建国', phone: '13900001001', employeeNo: 'E777', branch: '运维部党支部' }],
      ctx,
    )
    expect(renumbered.rows[0].errors).toEqual(['手机号已登记给工号 E001 的王建国'])

    const moved = planRoster(
      [{ row: 2, name: '李海燕', phone: '13900001002', branch: '营销部党支部', role: '党员' }],
      ctx,
    )
    expect(moved.rows[0]).toMatchObject({
      action: 'update',
      personId: 'p002',
      fields: { branchId: 'b-yingxiao', groupId: null, grants: [{ role: 'member', branchId: 'b-yingxiao' }] },
    })
    const demoted = planRoster(
      [{ row: 2, name: '王建国', phone: '13900001001', branch: '运维部党支部', role: '党员' }],
      ctx,
    )
    expect(demoted.rows[0]).toMatchObject({
      action: 'update',
      fields: { grants: [{ role: 'member', branchId: 'b-yunwei' }] },
    })
  })

  it('never gives or takes the committee role', () => {
    const committee = {
      ...ctx,
      existing: [
        {
          ...ctx.existing[0],
          grants: [{ role: 'committee' as const }, { role: 'member' as const, branchId: 'b-yunwei' }],
        },
      ],
    }
    const plan = planRoster(
      [{ row: 2, name: '李海燕', phone: '13900001002', branch: '运维部党支部', role: '支部书记' }],
      committee,
    )
    expect(plan.rows[0].fields?.grants).toEqual([
      { role: 'committee' },
      { role: 'member', branchId: 'b-yunwei' },
      { role: 'secretary', branchId: 'b-yunwei' },
    ])
  })

  it('reads the column headers in Chinese or English', () => {
    expect(rosterColumns(['序号', '姓名', '手机号码', '工号', '所在支部', '党小组', '职务', '角色'])).toEqual(
      {
        name: 1,
        phone: 2,
        employeeNo: 3,
        branch: 4,
        group: 5,
        title: 6,
        role: 7,
      },
    )
    expect(rosterColumns(['Name', 'Phone', 'Branch'])).toEqual({ name: 0, phone: 1, branch: 2 })
    expect(normalizePhone(' +86 139-0000-1002 ')).toBe('13900001002')
  })
})

describe('invite codes', () => {
  it('reads what people type and shows codes in two halves', () => {
    expect(normalizeInviteCode('abcd-efgh')).toBe('ABCDEFGH')
    expect(normalizeInviteCode('ABCD EFG2')).toBe('ABCDEFG2')
    expect(normalizeInviteCode('ABCD-EFG0')).toBeNull()
    expect(normalizeInviteCode('ABC')).toBeNull()
    expect(formatInviteCode('ABCDEFGH')).toBe('ABCD-EFGH')
  })

  it('locks a WeChat user out after five wrong tries within an hour, and only for that hour', () => {
    const start = new Date('2025-03-01T08:00:00Z')
    const later = (min: number) => new Date(start.getTime() + min * 60_000)
    expect(isLockedOut(4, start, later(10))).toBe(false)
    expect(isLockedOut(5, start, later(10))).toBe(true)
    expect(isLockedOut(5, start, later(60))).toBe(false)
    expect(inFailureWindow(null, later(1))).toBe(false)
  })
})
