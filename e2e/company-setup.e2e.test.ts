import { Workbook } from 'exceljs'
import type { Page } from 'playwright-core'
import { INIT_TIMEOUT_MS } from '../localcloud/worker/pool'
import { screenshot } from './browser'
import {
  attachPhoto,
  confirmModal,
  draftProposal,
  fill,
  jpeg,
  loaded,
  makeInvite,
  openPage,
  pickOption,
  setUpJourney,
  shown,
  startPlan,
  tabBar,
  tap,
  writePlan,
} from './journey'

/**
 * Issue 18's whole way in: a freshly deployed, empty company sets itself up in the app alone, and a member it
 * never typed into any console ends up correcting a check-in.
 */
const journey = setUpJourney('company', { empty: true })

const COMMITTEE = '示范供电公司党委'
const YUNWEI = '运维党支部'
const YINGXIAO = '营销党支部'
const GROUP = '运维第一党小组'
const SECRETARY = '周明'
const MEMBER = '韩新竹'
const PROJECT = '配网抢修党员先锋队'
const TASK = '组建抢修先锋队'
const TEXT = '今天带队处理两起配网故障，四十分钟内恢复送电。'
const CORRECTED = '今天带队处理三起配网故障，均在四十分钟内恢复送电。'

let committee: Page
let secretary: Page
let member: Page

/** The roster the committee keeps in Excel: the two branches' members, one of them in the new group. */
async function roster(): Promise<Buffer> {
  const book = new Workbook()
  const sheet = book.addWorksheet('名册')
  sheet.addRow(['姓名', '手机号', '支部', '党小组', '职务'])
  sheet.addRow([SECRETARY, '13700009011', YUNWEI, GROUP, '运维班长'])
  sheet.addRow([MEMBER, '13700009012', YUNWEI, GROUP, '配电运维工'])
  sheet.addRow(['李娜', '13700009013', YINGXIAO, '', '客户经理'])
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** 我的 › an entry (组织管理, 导入党员名册, 支部党员名册), as a person taps it. */
async function mineEntry(page: Page, label: string) {
  await openPage(page, '/pages/mine/index')
  await loaded(page)
  await page.getByRole('button', { name: label }).filter({ visible: true }).click()
  await loaded(page)
}

/** Taps a unit or group in 组织管理 and one of the things offered for it. */
async function manage(page: Page, unit: string, choice: string) {
  await page
    .getByRole('button', { name: `管理${unit}` })
    .filter({ visible: true })
    .click()
  await shown(page, choice, { exact: true }).last().click()
}

/** A newcomer types the invite code on the 尚未登记 page the app opens with, and is in. */
async function bindTyped(page: Page, code: string, name: string) {
  await page.locator('[aria-label="输入邀请码"] input').filter({ visible: true }).fill(code)
  await tap(page, '绑定')
  await shown(page, `你好，${name}`).waitFor({ timeout: 30_000 })
}

test('after the deploy bootstrap, the first committee member binds and builds the 党委, two branches and a group', async () => {
  expect(journey.cloud().db.count('people')).toBe(0)
  const code = await journey.bootstrapCommittee('赵建国', '13700009001')
  committee = await journey.newcomer()
  await shown(committee, '尚未登记').waitFor()
  await bindTyped(committee, code, '赵建国')
  await screenshot(committee, 'company-01-committee-bound')

  await mineEntry(committee, '组织管理')
  await shown(committee, '本单位尚未建立组织').waitFor()
  await tap(committee, '建立党委')
  await fill(committee, '党委名称', COMMITTEE)
  await tap(committee, '确定')
  await committee
    .getByRole('button', { name: `管理${COMMITTEE}` })
    .filter({ visible: true })
    .waitFor()

  for (const branch of [YUNWEI, YINGXIAO]) {
    await manage(committee, COMMITTEE, '新建下级组织')
    await shown(committee, `在「${COMMITTEE}」下新建组织`).waitFor()
    await fill(committee, '组织名称', branch)
    await tap(committee, '确定')
    await committee
      .getByRole('button', { name: `管理${branch}` })
      .filter({ visible: true })
      .waitFor()
  }
  await manage(committee, YUNWEI, '新建党小组')
  await fill(committee, '党小组名称', GROUP)
  await screenshot(committee, 'company-02-new-group')
  await tap(committee, '确定')
  await committee
    .getByRole('button', { name: `管理${GROUP}` })
    .filter({ visible: true })
    .waitFor()
  await screenshot(committee, 'company-03-tree')
  expect(journey.cloud().db.count('org_units')).toBe(3)
  expect(journey.cloud().db.count('groups', { name: GROUP })).toBe(1)
})

test("the committee imports the roster from Excel, sets 运维党支部's secretary and hands them their invite", async () => {
  await mineEntry(committee, '导入党员名册')
  const chooser = committee.waitForEvent('filechooser')
  await tap(committee, '选择名册文件')
  await (
    await chooser
  ).setFiles({
    name: '党员名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await roster(),
  })
  // The page says 正在上传并检查名册… until the function answers: its first call may start an instance, which
  // under the cloud profile on a loaded machine takes up to the platform's initialisation timeout.
  await shown(committee, '共 3 行：新增 3，更新 0，无变化 0，有错误 0').waitFor({ timeout: INIT_TIMEOUT_MS })
  await screenshot(committee, 'company-04-roster-preview')
  await tap(committee, '确认导入')
  await shown(committee, '导入完成').waitFor({ timeout: INIT_TIMEOUT_MS })
  expect(journey.cloud().db.count('people')).toBe(4)

  await mineEntry(committee, '组织管理')
  await manage(committee, YUNWEI, '设置支部书记')
  await pickOption(
    committee,
    committee.locator('[aria-label="选择支部书记"]').filter({ visible: true }),
    SECRETARY,
  )
  await tap(committee, '确定')
  await shown(committee, new RegExp(`书记：${SECRETARY}`)).waitFor()
  await screenshot(committee, 'company-05-secretary-set')

  // The new secretary has yet to bind: the committee makes their invite from the branch's roster.
  await committee
    .getByRole('button', { name: `${YUNWEI}党员名册与邀请码` })
    .filter({ visible: true })
    .click()
  await loaded(committee)
  const { typed: code } = await makeInvite(committee, SECRETARY)
  await screenshot(committee, 'company-06-secretary-invite')

  // 操作记录 names who led the branch before and after, as they were when the secretary was set.
  await openPage(committee, '/packages/org/pages/audit/index')
  const entry = committee.locator('.org-audit-page__entry', { hasText: '任命书记' }).filter({ visible: true })
  await entry.getByText(`调整后：${SECRETARY}`).waitFor()
  await expect(entry.locator('.org-audit-page__side').allInnerTexts()).resolves.toEqual([
    '调整前：（无）',
    `调整后：${SECRETARY}`,
  ])
  await screenshot(committee, 'company-06-audit-log')

  secretary = await journey.newcomer()
  await bindTyped(secretary, code, SECRETARY)
})

test('the secretary proposes a project, the committee approves it, and the plan gives the member a task', async () => {
  await draftProposal(secretary, {
    title: PROJECT,
    slogan: '抢修有我，用电无忧',
    problem: '夜间配网故障抢修响应慢',
    elements: [
      '组建党员抢修先锋队，夜间轮值',
      '让群众少停电、短停电',
      '运维党支部全体党员',
      '党员带班，故障半小时到场',
      '全年',
      '故障平均恢复时间缩短三成',
    ],
  })
  await tap(secretary, '提交立项')
  await confirmModal(secretary)
  // Submitted, the app takes the secretary from the 立项表 to the project's page.
  await secretary.waitForURL(/pages\/project\/index\?id=/)
  await shown(secretary, '待立项审批').first().waitFor()
  const projectUrl = secretary.url()

  await openPage(committee, '/pages/approvals/index')
  await shown(committee, PROJECT).click()
  await tap(committee, '批准立项')
  await confirmModal(committee)
  await shown(committee, '已立项').first().waitFor()

  await secretary.goto(projectUrl)
  await secretary.reload()
  await secretary.locator('.project-header').getByText(PROJECT).waitFor()
  await shown(secretary, '已立项').first().waitFor()
  await writePlan(secretary, {
    task: TASK,
    assignee: MEMBER,
    milestone: '先锋队到岗轮值',
    standard: '每晚至少两名党员在岗',
    goal: '夜间故障全部有党员带班',
  })
  await startPlan(secretary, PROJECT)
  await screenshot(secretary, 'company-07-project-started')
})

test("the secretary's invite 小程序码 opens 绑定 with the code filled in; the member binds and finds the project", async () => {
  await mineEntry(secretary, '支部党员名册')
  const { typed, scanned } = await makeInvite(secretary, MEMBER)
  await screenshot(secretary, 'company-08-member-invite')
  // What the phone camera read: the 绑定 page, and a scene holding the code alone.
  expect(scanned).toMatchObject({
    page: 'packages/org/pages/bind/index',
    scene: `c=${typed.replace('-', '')}`,
  })

  member = await journey.newcomer()
  await openPage(member, `/${scanned?.page}?scene=${encodeURIComponent(scanned?.scene ?? '')}`)
  await shown(member, '已从小程序码填入邀请码，核对后点「绑定」').waitFor()
  await expect(
    member.locator('[aria-label="输入邀请码"] input').filter({ visible: true }).inputValue(),
  ).resolves.toBe(typed)
  await screenshot(member, 'company-09-bind-scanned')
  await tap(member, '绑定')
  await shown(member, `你好，${MEMBER}`).waitFor({ timeout: 30_000 })

  await member.locator('.search-entry').filter({ visible: true }).click()
  await member.locator('[aria-label="搜索内容"] input').filter({ visible: true }).fill('抢修')
  await tap(member, '搜索')
  const hit = member.locator('.search-results__hit', { hasText: PROJECT }).filter({ visible: true })
  await hit.waitFor()
  await expect(hit.locator('.search-hit').first().innerText()).resolves.toBe('抢修')
  await screenshot(member, 'company-10-search')
  await hit.click()
  await member.locator('.project-header').getByText(PROJECT).filter({ visible: true }).waitFor()
})

test('the member checks in with a photo and, within 24 hours, corrects its text and photo', async () => {
  await openPage(member, '/pages/checkin/index')
  const item = member.locator('.task-item', { hasText: TASK }).filter({ visible: true }).first()
  await item.locator('.nut-button', { hasText: '打卡' }).last().click()
  await shown(member, '写实').first().waitFor()
  await fill(member, '做了什么', TEXT)
  await attachPhoto(member, 'site.jpg')
  await tap(member, '提交打卡')
  await member
    .locator('.task-item', { hasText: TASK })
    .filter({ visible: true })
    .getByText('已打卡 1 次')
    .waitFor()
  const [stored] = journey.cloud().db.find('checkins', {})
  expect(stored).toMatchObject({ text: TEXT })
  const firstPhoto = (stored.photos as string[])[0]

  await tabBar(member, '我的')
  await loaded(member)
  const card = member.locator('.checkin-card', { hasText: TEXT }).filter({ visible: true })
  await card.getByText(/还可修改 2[0-4] 小时/).waitFor()
  await screenshot(member, 'company-11-my-checkins')
  // 隐私保护指引: a centred link row below the cards, not text at the left edge.
  const privacy = member.locator('.mine-page__privacy').filter({ visible: true })
  await privacy.scrollIntoViewIfNeeded()
  await expect(privacy.evaluate((el) => getComputedStyle(el).justifyContent)).resolves.toBe('center')
  await screenshot(member, 'company-11-privacy-link')
  await card.scrollIntoViewIfNeeded()
  await card.locator('.nut-button', { hasText: '修改' }).click()
  // While editing, each photo shows once: in the picker, where it can be removed, not also in the card above it.
  await card.locator('.photo-picker').getByLabel('照片 1', { exact: true }).waitFor()
  await card.locator('.photo-picker').scrollIntoViewIfNeeded()
  await screenshot(member, 'company-12-editing')
  expect(await card.getByLabel(/^照片 \d+$/).count()).toBe(1)
  await fill(member, '修改打卡内容', CORRECTED)
  await member.getByLabel('删除照片 1').filter({ visible: true }).click()
  const again = member.waitForEvent('filechooser')
  await member.getByLabel('添加照片').filter({ visible: true }).click()
  await (await again).setFiles({ name: 'site-2.jpg', mimeType: 'image/jpeg', buffer: await jpeg(member) })
  // The picker shows the new photo as its upload starts; 保存修改 comes back once it is stored.
  await card.locator('.photo-picker').getByLabel('照片 1', { exact: true }).waitFor()
  await screenshot(member, 'company-13-correcting')
  await tap(member, '保存修改')
  const corrected = member.locator('.checkin-card', { hasText: CORRECTED }).filter({ visible: true })
  await corrected.getByText('已修改', { exact: false }).first().waitFor()
  await screenshot(member, 'company-14-corrected')

  const [after] = journey.cloud().db.find('checkins', {})
  expect(after).toMatchObject({ text: CORRECTED, edits: 1 })
  expect(after.photos).toHaveLength(1)
  expect((after.photos as string[])[0]).not.toBe(firstPhoto)
  expect(after.versions).toMatchObject([{ text: TEXT, photos: [firstPhoto] }])
})
