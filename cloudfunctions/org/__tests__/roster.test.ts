import { Workbook } from 'exceljs'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { RosterImportView } from '../../../types/api'
import type { Result } from '../../../types/result'

// Demo ids: p001 secretary of 运维部 (phone 13900001001), p002 a member there, p057 committee.
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new Workbook()
  const sheet = book.addWorksheet('名册')
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function upload(cookie: string, body: Buffer, type = XLSX): Promise<string> {
  const res = await fetch(`${cloud.url}/files/upload`, {
    method: 'POST',
    headers: { cookie, 'content-type': type },
    body: new Uint8Array(body),
  })
  const json = (await res.json()) as { ok: boolean; data: { fileID: string } }
  if (!json.ok) throw new Error(`upload failed: ${JSON.stringify(json)}`)
  return json.data.fileID
}

const data = (res: Result<RosterImportView>): RosterImportView => {
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`)
  return res.data
}

const HEADER = ['姓名', '手机号', '工号', '支部', '党小组', '职务', '角色']

describe('org.importRoster from an uploaded .xlsx', () => {
  it('previews every row with its errors and writes nothing', async () => {
    const fileId = await upload(
      as.p057,
      await xlsx([
        HEADER,
        ['赵新民', '13700002001', 'E2001', '运维部党支部', '运维部第一党小组', '配电运维工', '党员'],
        ['钱晓红', '137 0000 2002', null, '营销部', null, null, null],
        [null, '13700002003', null, '运维部党支部', null, null, null],
        ['孙立', '13700002001', null, '运维部党支部', null, null, null],
        ['周海', '13700002005', null, '火星党支部', null, null, null],
        ['吴敏', '1370000', null, '运维部党支部', '营销部第一党小组', null, '组长'],
        [],
        ['李海燕改', '13900001002', null, '运维部党支部', null, null, null],
      ]),
    )
    const before = cloud.db.count('people')
    const view = data(await cloud.call(as.p057, 'org', 'importRoster', { fileId }))
    expect(view.committed).toBe(false)
    expect(view.summary).toEqual({ total: 7, create: 2, update: 1, unchanged: 0, errors: 4 })
    const byRow = Object.fromEntries(view.rows.map((r) => [r.row, r]))
    expect(byRow[2]).toEqual({ row: 2, name: '赵新民', action: 'create', errors: [] })
    expect(byRow[3]).toMatchObject({ action: 'create' })
    expect(byRow[4].errors).toEqual(['缺少姓名'])
    expect(byRow[5].errors).toEqual(['手机号与第 2 行重复'])
    expect(byRow[6].errors).toEqual(['未知的支部：火星党支部'])
    expect(byRow[7].errors).toEqual([
      '手机号格式不正确：1370000',
      '党小组「营销部第一党小组」不属于运维部党支部',
      '未知的角色：组长（可填 党员 或 支部书记）',
    ])
    // The empty sheet row 8 is skipped; row 9 is p002 by phone, renamed.
    expect(byRow[9]).toEqual({ row: 9, name: '李海燕改', action: 'update', errors: [] })
    expect(cloud.db.count('people')).toBe(before)
  })

  it('writes nothing on commit while any row has an error', async () => {
    const fileId = await upload(as.p057, await xlsx([HEADER, ['赵新民', '13700002001', null, '火星党支部']]))
    const before = cloud.db.count('people')
    const view = data(await cloud.call(as.p057, 'org', 'importRoster', { fileId, commit: true }))
    expect(view).toMatchObject({ committed: false, summary: { errors: 1 } })
    expect(cloud.db.count('people')).toBe(before)
  })

  it('commits a clean roster: new members unbound, existing ones updated; the same roster again changes nothing', async () => {
    const roster = await xlsx([
      ['序号', 'Name', 'Phone', 'Employee No', 'Branch', 'Group', 'Title', 'Role'],
      [1, '赵新民', '13700002001', 'E2001', '运维部党支部', '运维部第一党小组', '配电运维工', '支部书记'],
      [2, '钱晓红', '+86 137-0000-2002', null, '营销部', null, null, null],
      [3, '李海燕', '13900001002', 'E0002', '运维部党支部', null, '运维班长', null],
    ])
    const fileId = await upload(as.p057, roster)
    const before = cloud.db.count('people')
    const first = data(await cloud.call(as.p057, 'org', 'importRoster', { fileId, commit: true }))
    expect(first).toMatchObject({
      committed: true,
      summary: { create: 2, update: 1, unchanged: 0, errors: 0 },
    })
    expect(cloud.db.count('people')).toBe(before + 2)

    const zhao = cloud.db.find('people', { employeeNo: 'E2001' })[0]
    expect(zhao).toMatchObject({
      name: '赵新民',
      openid: '',
      phone: '13700002001',
      branchId: 'b-yunwei',
      groupId: 'b-yunwei-g1',
      grants: [
        { role: 'member', branchId: 'b-yunwei' },
        { role: 'secretary', branchId: 'b-yunwei' },
      ],
    })
    expect(cloud.db.find('people', { phone: '13700002002' })[0]).toMatchObject({
      branchId: 'b-yingxiao',
      groupId: null,
    })
    // p002 keeps their id, openid and group; gains the employee number and title.
    expect(cloud.db.find('people', { _id: 'p002' })[0]).toMatchObject({
      openid: 'demo-openid-p002',
      employeeNo: 'E0002',
      title: '运维班长',
      groupId: 'b-yunwei-g1',
    })
    expect(cloud.db.count('roster_imports', { by: 'p057' })).toBe(1)
    // The dashboards' next roll-up redoes every branch: the new members count from its next turn.
    expect(cloud.db.find('dashboard_rollups', { _id: 'run' })[0]?.fullAt).toEqual(new Date(0))
    const rolled = (await cloud.fireTimer('dashboard', 'rollup')) as Result<unknown>
    expect(rolled.ok).toBe(true)
    const company = cloud.db.find('dashboard_rollups', { kind: 'company', category: 'all' })
    expect(company.length).toBeGreaterThan(0)
    for (const doc of company)
      expect((doc.figures as { members: number }).members).toBe(
        cloud.db.count('people', { branchId: { $ne: null } }),
      )

    const again = data(
      await cloud.call(as.p057, 'org', 'importRoster', {
        fileId: await upload(as.p057, roster),
        commit: true,
      }),
    )
    expect(again).toMatchObject({ committed: true, summary: { create: 0, update: 0, unchanged: 3 } })
    expect(cloud.db.count('people')).toBe(before + 2)
    expect(cloud.db.find('people', { employeeNo: 'E2001' })).toHaveLength(1)
  })

  it('accepts rows the app parsed itself', async () => {
    const view = data(
      await cloud.call(as.p057, 'org', 'importRoster', {
        rows: [{ row: 2, name: '冯晓', phone: '13700002101', branch: '安质部党支部' }],
      }),
    )
    expect(view).toMatchObject({ committed: false, summary: { create: 1 } })
  })

  it('says what is wrong with a file that is not a roster', async () => {
    const noPhone = await upload(
      as.p057,
      await xlsx([
        ['姓名', '支部'],
        ['赵新民', '运维部党支部'],
      ]),
    )
    expect(await cloud.call(as.p057, 'org', 'importRoster', { fileId: noPhone })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '名册第 1 行缺少列：手机号',
    })
    const notXlsx = await upload(as.p057, Buffer.from('504b030400000000', 'hex'))
    expect(await cloud.call(as.p057, 'org', 'importRoster', { fileId: notXlsx })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '无法读取名册：请上传 .xlsx 格式的 Excel 文件',
    })
    expect(await cloud.call(as.p057, 'org', 'importRoster', {})).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  it('is for the committee only, and only with the caller’s own upload', async () => {
    const fileId = await upload(
      as.p001,
      await xlsx([HEADER, ['赵新民', '13700002001', null, '运维部党支部']]),
    )
    expect(await cloud.call(as.p001, 'org', 'importRoster', { fileId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p002, 'org', 'importRoster', { rows: [{ row: 2 }] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p057, 'org', 'importRoster', { fileId })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [{ path: 'fileId.0', message: '只能使用自己上传的文件' }],
    })
  })
})
