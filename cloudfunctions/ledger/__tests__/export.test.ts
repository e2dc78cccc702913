import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workbook } from 'exceljs'
import type { Worksheet } from 'exceljs'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { data } from '../../projects/__tests__/helpers'
import { fileOf } from './helpers'

// Demo: p001 secretary of 运维部 (p002 a member), p015 secretary of 安质部, p057 committee. 运维部's projects
// of 2026: prj-001 (in progress, with check-ins) and prj-009 (closed, scored 29/28/24/14, 18 ratings).
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p015', 'p057', 'p059']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const FILE_PREFIX = 'cloud://local.localcloud/'

async function openBook(fileID: string): Promise<Workbook> {
  expect(fileID.startsWith(FILE_PREFIX)).toBe(true)
  const book = new Workbook()
  await book.xlsx.load(readFileSync(join(cloud.storageDir, fileID.slice(FILE_PREFIX.length))) as never)
  return book
}

const headers = (ws: Worksheet) => (ws.getRow(1).values as unknown[]).slice(1)
const rowValues = (ws: Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1)
/** Data rows (below the header) whose first cell is `first`. */
const rowsOf = (ws: Worksheet, first: string) => {
  const out: unknown[][] = []
  ws.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value === first) out.push((row.values as unknown[]).slice(1))
  })
  return out
}
const CHINA = 8 * 3600 * 1000
const dataRows = (ws: Worksheet) => ws.actualRowCount - 1

describe('ledger.export of one project', () => {
  it('writes every part to its own Chinese sheet, rows as stored, dates in China time', async () => {
    const file = fileOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-009' }))
    expect(file.fileID).toMatch(/^cloud:\/\/local\.localcloud\/exports\/p001\/[0-9a-f]{24}\.xlsx$/)
    expect(file.fileName).toMatch(/^管理台账-打造“440”精品“党员先锋岗”-\d{8}\.xlsx$/)
    expect(file.url.split('?')[0]).toBe(`${cloud.url}/files/${file.fileID.slice(FILE_PREFIX.length)}`)

    const book = await openBook(file.fileID)
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '台账说明',
      '立项表',
      '任务分解',
      '工作清单',
      '打卡写实',
      '节点审批',
      '项目动态',
      '督导记录',
      '验收过程',
      '验收评分',
      '群众满意度',
      '群众评价',
    ])
    const sheet = (name: string) => book.getWorksheet(name) as Worksheet
    const project = cloud.db.find('projects', { _id: 'prj-009' })[0] as Record<string, unknown>

    const cover = sheet('台账说明')
    expect(rowValues(cover, 2)).toEqual(['台账名称', '《打造“440”精品“党员先锋岗”》管理台账'])
    expect(rowValues(cover, 3)).toEqual(['党支部', '运维部党支部'])
    expect(rowValues(cover, 6)[1]).toBe(cloud.db.find('people', { _id: 'p001' })[0].name)

    const proposal = sheet('立项表')
    expect(headers(proposal)).toEqual([
      '序号',
      '项目名称',
      '类别',
      '口号',
      '问题导向',
      '做什么',
      '为什么做',
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
      '党支部',
      '年度',
      '状态',
      '进度（%）',
      '负责人',
      '创建时间',
      '最近更新',
    ])
    const p = rowValues(proposal, 2)
    expect(p.slice(0, 4)).toEqual([1, '打造“440”精品“党员先锋岗”', '精品党建项目', project.slogan])
    expect(p.slice(11, 15)).toEqual(['运维部党支部', 2026, '已结题', 100])
    // An instant is written as the China wall clock: 8 hours on from UTC.
    expect((p[16] as Date).getTime()).toBe(new Date(project.createdAt as Date).getTime() + CHINA)
    expect(proposal.getRow(2).getCell(17).numFmt).toBe('yyyy-mm-dd hh:mm')

    const plan = sheet('任务分解')
    expect(headers(plan)).toEqual([
      '项目名称',
      '任务',
      '任务落实人员',
      '里程碑',
      '进度权重（%）',
      '责任人',
      '时限要求',
      '质量标准',
      '预期目标',
      '状态',
      '是否逾期',
    ])
    const milestones = cloud.db.find('milestones', { projectId: 'prj-009' }, { sort: { order: 1 } })
    expect(dataRows(plan)).toBe(milestones.length)
    const first = milestones[0] as Record<string, unknown>
    const owner = cloud.db.find('people', { _id: first.ownerId })[0].name
    const row = rowValues(plan, 2)
    expect(row[3]).toBe(first.title)
    expect(row[4]).toBe(first.weight)
    expect(row[5]).toBe(owner)
    // A deadline is a calendar day: written as that day, no shift.
    expect((row[6] as Date).toISOString()).toBe(new Date(first.deadline as Date).toISOString())
    expect(plan.getRow(2).getCell(7).numFmt).toBe('yyyy-mm-dd')
    expect(row.slice(7, 11)).toEqual([first.qualityStandard, first.expectedGoal, '已完成', '否'])

    const score = sheet('验收评分')
    expect(headers(score)).toEqual(['项目名称', '评分项', '满分', '得分', '验收意见', '评分人', '评分时间'])
    expect(rowValues(score, 2).slice(1, 4)).toEqual(['工作措施有力', 30, 29])
    expect(rowValues(score, 5).slice(1, 4)).toEqual(['特色与创新', 15, 14])
    const total = rowValues(score, 6)
    expect(total.slice(1, 5)).toEqual(['合计', 100, 95, '经听取汇报、调查走访、察看现场，同意结题。'])
    const scoredAt = (project.score as { scoredAt: Date }).scoredAt
    expect((total[6] as Date).getTime()).toBe(new Date(scoredAt).getTime() + CHINA)

    const satisfaction = sheet('群众满意度')
    const rating = project.rating as { count: number; sum: number }
    expect(rowValues(satisfaction, 2)).toEqual([
      '打造“440”精品“党员先锋岗”',
      18,
      Math.round((rating.sum / rating.count) * 10) / 10,
    ])
    const comments = sheet('群众评价')
    const stored = cloud.db.find('ratings', { projectId: 'prj-009' }).filter((r) => r.comment !== '')
    expect(dataRows(comments)).toBe(stored.length)
    expect(headers(comments)).toEqual(['项目名称', '评分', '评价内容', '评价时间'])
    // Who rated never reaches the file.
    comments.eachRow((r) => expect(JSON.stringify(r.values)).not.toMatch(/demo-public|openid/))

    const events = sheet('项目动态')
    expect(rowsOf(events, '打造“440”精品“党员先锋岗”').map((r) => r[1])).toEqual(
      cloud.db.find('project_events', { projectId: 'prj-009' }, { sort: { at: 1 } }).map(
        (e) =>
          ({
            create: '创建草稿',
            submit: '提交立项申请',
            approve: '批准立项',
            save_plan: '保存计划书',
            start: '开始实施',
            request_acceptance: '申请结题验收',
            accept: '验收通过',
          })[e.action as string],
      ),
    )
  })

  it('is served at its temporary link as a spreadsheet', async () => {
    const file = fileOf(await cloud.call(as.p057, 'ledger', 'export', { projectId: 'prj-009' }))
    expect(file.fileID).toContain('/exports/p057/')
    const res = await fetch(file.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
  })
})

describe('ledger.export of a branch’s year', () => {
  it('holds every project of the year, each check-in once, and as many rows as the preview said', async () => {
    const scope = { branchId: 'b-yunwei', year: 2026 }
    const preview = data(await cloud.call(as.p001, 'ledger', 'preview', scope))
    const ids = cloud.db.find('projects', { branchId: 'b-yunwei', year: 2026 }).map((p) => p._id)
    expect(preview.projects.map((p) => p.id).sort()).toEqual([...ids].sort())
    expect(preview).toMatchObject({ kind: 'branch_year', title: '运维部党支部 2026 年管理台账' })
    expect(preview.fileName).toBe('管理台账-运维部党支部-2026年.xlsx')

    const file = fileOf(await cloud.call(as.p001, 'ledger', 'export', scope))
    const book = await openBook(file.fileID)
    expect(book.worksheets.map((w) => ({ name: w.name, rows: dataRows(w) }))).toEqual(preview.sheets)

    const checkins = book.getWorksheet('打卡写实') as Worksheet
    const stored = cloud.db.find('checkins', { projectId: { $in: ids } }, { sort: { at: 1 } })
    expect(stored.length).toBeGreaterThan(0)
    expect(dataRows(checkins)).toBe(stored.length)
    expect(headers(checkins)).toEqual([
      '项目名称',
      '任务',
      '里程碑',
      '党员',
      '写实时间',
      '写实内容',
      '照片（张）',
      '地点',
    ])
    const running = cloud.db.find('projects', { _id: 'prj-001' })[0]
    const firstOfRunning = stored.find((c) => c.projectId === 'prj-001') as Record<string, unknown>
    const written = rowsOf(checkins, running.title as string)[0]
    expect(written[3]).toBe(firstOfRunning.personName)
    expect(written[5]).toBe(firstOfRunning.text)
    expect((written[4] as Date).getTime()).toBe(new Date(firstOfRunning.at as Date).getTime() + CHINA)

    const approvals = book.getWorksheet('节点审批') as Worksheet
    expect(headers(approvals)).toEqual([
      '项目名称',
      '里程碑',
      '轮次',
      '环节',
      '状态变化',
      '操作人',
      '时间',
      '成果说明或审批意见',
      '附件（个）',
    ])
    const steps = new Set((approvals.getColumn(4).values as unknown[]).slice(2).map((v) => String(v)))
    expect([...steps].every((s) => ['提交成果', '审核通过', '退回'].includes(s))).toBe(true)
  })
})

describe('ledger refusals', () => {
  it.each([
    ['a member', 'p002', { projectId: 'prj-009' }],
    ['a member, for the branch year', 'p002', { branchId: 'b-yunwei', year: 2026 }],
    ['another branch’s secretary', 'p015', { projectId: 'prj-009' }],
    ['another branch’s secretary, for the branch year', 'p015', { branchId: 'b-yunwei', year: 2026 }],
  ])('refuses %s with FORBIDDEN, writing nothing', async (_who, person, scope) => {
    for (const action of ['preview', 'export'] as const) {
      expect(await cloud.call(as[person], 'ledger', action, scope)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
    }
    expect(existsSync(join(cloud.storageDir, 'exports', person))).toBe(false)
  })

  it('lets the committee export any branch, and a secretary their own', async () => {
    expect(await cloud.call(as.p057, 'ledger', 'preview', { branchId: 'b-anzhi', year: 2026 })).toMatchObject(
      {
        ok: true,
      },
    )
    expect(await cloud.call(as.p015, 'ledger', 'preview', { projectId: 'prj-005' })).toMatchObject({
      ok: true,
    })
  })

  it.each([
    ['nothing', {}],
    ['a project and a branch at once', { projectId: 'prj-009', branchId: 'b-yunwei', year: 2026 }],
    ['a branch without a year', { branchId: 'b-yunwei' }],
    ['a year out of range', { branchId: 'b-yunwei', year: 1999 }],
    ['a malformed id', { projectId: '../prj-009' }],
  ])('refuses %s with INVALID_INPUT', async (_what, payload) => {
    expect(await cloud.call(as.p057, 'ledger', 'export', payload as never)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  it('says NOT_FOUND for an unknown project or branch', async () => {
    expect(await cloud.call(as.p057, 'ledger', 'export', { projectId: 'prj-404' })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(
      await cloud.call(as.p057, 'ledger', 'preview', { branchId: 'b-nowhere', year: 2026 }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('督导记录 and 验收过程 sheets', () => {
  it('writes the branch’s 督导记录 with each follow-up, as many rows as the preview said', async () => {
    const deadline = new Date(Date.now() + (8 + 7 * 24) * 3600 * 1000).toISOString().slice(0, 10)
    data(
      await cloud.call(as.p059, 'supervision', 'createRecord', {
        requestId: 'ledger-record-1',
        branchId: 'b-yunwei',
        method: 'phone',
        date: '2026-06-01',
        time: '09:30',
        contactId: 'p001',
        findings: '示范岗推进正常，写实记录需补照片',
        followUps: [{ text: '补充写实照片', ownerId: 'p002', deadline }],
      }),
    )
    const scope = { branchId: 'b-yunwei', year: 2026 }
    const preview = data(await cloud.call(as.p001, 'ledger', 'preview', scope))
    expect(preview.sheets.find((s) => s.name === '督导记录')).toEqual({ name: '督导记录', rows: 1 })
    const book = await openBook(fileOf(await cloud.call(as.p001, 'ledger', 'export', scope)).fileID)
    expect(book.worksheets.map((w) => ({ name: w.name, rows: dataRows(w) }))).toEqual(preview.sheets)
    const ws = book.getWorksheet('督导记录') as Worksheet
    expect(headers(ws).slice(0, 9)).toEqual([
      '督导日期',
      '时间',
      '督导方式',
      '督导人',
      '联系人',
      '项目',
      '督导发现',
      '照片（张）',
      '跟进事项',
    ])
    const row = rowValues(ws, 2)
    expect(row.slice(1, 3)).toEqual(['09:30', '电话调度'])
    expect(row.slice(6, 10)).toEqual([
      '示范岗推进正常，写实记录需补照片',
      0,
      '补充写实照片',
      expect.any(String),
    ])
    expect(row[11]).toBe('待跟进')
  })

  it('writes how the committee accepted a project: the method, the visit and the masses’ opinion', async () => {
    data(
      await cloud.call(as.p057, 'projects', 'recordAcceptanceMethod', {
        id: 'prj-005',
        method: 'survey',
        notes: '走访三个班组',
        visited: 15,
        opinion: '群众普遍认可',
      }),
    )
    const book = await openBook(
      fileOf(await cloud.call(as.p057, 'ledger', 'export', { projectId: 'prj-005' })).fileID,
    )
    const ws = book.getWorksheet('验收过程') as Worksheet
    expect(dataRows(ws)).toBe(1)
    expect(rowValues(ws, 2).slice(1, 5)).toEqual(['调查走访', '走访三个班组', 15, '群众普遍认可'])
  })
})

describe('the year’s category names', () => {
  it('come from the year’s published 选题指南, in the ledger and on the dashboard; ids stay the same', async () => {
    const before = fileOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-009' }))
    const categoryOf = async (fileID: string) =>
      rowValues((await openBook(fileID)).getWorksheet('立项表') as Worksheet, 2)[2]
    expect(await categoryOf(before.fileID)).toBe('精品党建项目')

    // The committee renames 精品党建项目 in the published 2026 guide.
    const view = data(await cloud.call(as.p057, 'projects', 'guide', { year: 2026 }))
    const g = view.guide!
    data(
      await cloud.call(as.p057, 'projects', 'saveGuide', {
        year: 2026,
        categories: g.categories.map((c) => (c.id === 'flagship' ? { ...c, label: '党建品牌项目' } : c)),
        focusFields: g.focusFields,
        focus: g.focus,
        opensOn: g.opensOn,
        deadline: g.deadline,
        publish: true,
      }),
    )
    const after = fileOf(await cloud.call(as.p001, 'ledger', 'export', { projectId: 'prj-009' }))
    expect(await categoryOf(after.fileID)).toBe('党建品牌项目')
    expect(cloud.db.find('projects', { _id: 'prj-009' })[0].category).toBe('flagship')

    const dashboard = data(await cloud.call(as.p057, 'dashboard', 'committee', { year: 2026 }))
    expect(dashboard.categoryLabels).toMatchObject({ flagship: '党建品牌项目', basic: '基础规范项目' })
    // A year without a published guide keeps the default names.
    const older = data(await cloud.call(as.p057, 'dashboard', 'committee', { year: 2025 }))
    expect(older.categoryLabels.flagship).toBe('精品党建项目')
  })
})
