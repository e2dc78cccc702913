import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { eventually, screenshot } from './browser'
import {
  attachPhoto,
  confirmModal,
  dialed,
  fill,
  loaded,
  openPage,
  pickOption,
  scrollTo,
  segmentTab,
  setUpJourney,
  shown,
  tap,
  withDialer,
} from './journey'

const journey = setUpJourney('supervision')

const COMMITTEE = '卢思琪' // p057, 党委书记
const SUPERVISOR = '胡宏伟' // p059, 党建部主任: 运维部, 营销部, 安质部, 人资部
const SECRETARY = '杨丽娟' // p015, 安质部党支部书记
const BRANCH = '安质部党支部'
const PROJECT = '拓展教育进班组安全思想教育新路径' // 安质部's project waiting for acceptance
const FINDINGS = '电话调度：班组安全教育已开展8次，现场教育照片未归档。'
const FOLLOW_UP = '补齐班组安全教育现场照片并归档'
const CLOSING = '已补齐8次现场教育照片，按月归档到支部台账。'
const SITE_VISIT = '察看现场：两个班组的安全微课和培训台账齐全，职工能讲清安全要点。'

/** The text of the branch's card on 我的联系支部, as the supervisor sees it. */
function branchCard(page: Page) {
  return page
    .locator('.card', { has: page.locator('.card__title', { hasText: BRANCH }) })
    .filter({ visible: true })
}

test('定期检查 set in 分片设置, a 电话调度 with a follow-up closed in 消息, 察看现场 at 结题, both ledger sheets', async () => {
  // 1. The committee sets 胡宏伟's 定期检查 to monthly for this year, in 分片设置.
  const committee = await journey.signInAs(COMMITTEE)
  await openPage(committee, '/packages/admin/pages/supervision/index')
  await loaded(committee)
  await segmentTab(committee, '分片设置')
  const thisYear = committee.locator(`[aria-label^="${SUPERVISOR}"][aria-label*="年定期检查频次"]`).first()
  await thisYear.waitFor()
  expect(await thisYear.getAttribute('aria-label')).toMatch(/^胡宏伟\d{4}年定期检查频次：不设置$/)
  await pickOption(committee, thisYear, '每月一次')
  // Saved when the row says so without（保存中）.
  const saved = await eventually(
    async () => `${await thisYear.getAttribute('aria-label')} ${await thisYear.innerText()}`,
    (t) => t.includes('频次：每月一次') && !t.includes('保存中'),
  )
  expect(saved).toContain('频次：每月一次')
  expect(saved).not.toContain('保存中')
  await scrollTo(thisYear)
  await screenshot(committee, 'supervision-01-cadence-set')

  // 2. The supervisor's 我的联系支部 says what is due this period, 安质部 among it.
  const supervisor = await journey.signInAs(SUPERVISOR)
  await withDialer(supervisor)
  await openPage(supervisor, '/packages/admin/pages/supervision/index')
  await loaded(supervisor)
  await shown(supervisor, /本期定期检查：已完成 0 个，应检查 4 个/)
    .first()
    .waitFor()
  await shown(supervisor, new RegExp(`${BRANCH}待检查`))
    .first()
    .waitFor()
  await branchCard(supervisor)
    .getByText(/定期检查（每月一次）：.*待检查/)
    .waitFor()
  await screenshot(supervisor, 'supervision-02-due')

  // 3. From 安质部's card: 记录督导, then 电话调度 beside the secretary fills in whom and when.
  await branchCard(supervisor)
    .getByRole('button', { name: `记录督导：${BRANCH}` })
    .click()
  await loaded(supervisor)
  await shown(supervisor, '联系了谁').waitFor()
  const secretaryRow = supervisor
    .locator('.admin-row', { hasText: SECRETARY })
    .filter({ visible: true })
    .first()
  await secretaryRow.locator('.nut-button', { hasText: '电话调度' }).click()
  await secretaryRow.getByText(`● ${SECRETARY}`).waitFor()
  expect(await dialed(supervisor)).toEqual([expect.stringMatching(/^tel:1\d{10}$/)])
  const time = supervisor.getByRole('button', { name: '选择督导时间' }).filter({ visible: true })
  expect(await time.innerText()).toMatch(/\d{2}:\d{2}/)
  expect(await supervisor.getByRole('button', { name: '选择督导方式' }).innerText()).toContain('电话调度')
  await scrollTo(supervisor.getByRole('button', { name: '选择督导方式' }))
  await screenshot(supervisor, 'supervision-03-call-filled-in')
  await fill(supervisor, '发现的情况', FINDINGS)
  await tap(supervisor, '添加跟进事项')
  await fill(supervisor, '跟进事项 1', FOLLOW_UP)
  // The follow-up is owned by whom the call reached unless changed: the secretary.
  const owner = supervisor.getByRole('button', { name: '选择跟进事项 1 的责任人' })
  expect(await owner.innerText()).toContain(SECRETARY)
  await scrollTo(owner)
  await screenshot(supervisor, 'supervision-04-follow-up')
  await tap(supervisor, '保存督导记录')
  // The record page, or the form's reason it could not save (shown at its top).
  await shown(supervisor, `电话调度 · ${BRANCH}`).or(shown(supervisor, '还不能保存')).first().waitFor()
  expect(await shown(supervisor, '还不能保存').count()).toBe(0)
  await shown(supervisor, FINDINGS).waitFor()
  await shown(supervisor, '待跟进').waitFor()
  await screenshot(supervisor, 'supervision-05-record-saved')

  // 4. The secretary finds the follow-up in 消息 and closes it there with a note and a photo.
  const secretary = await journey.signInAs(SECRETARY)
  await openPage(secretary, '/pages/messages/index')
  await loaded(secretary)
  const message = secretary
    .locator('.message-item', { hasText: '督导跟进事项' })
    .filter({ visible: true })
    .first()
  await message.getByText(new RegExp(FOLLOW_UP)).waitFor()
  await screenshot(secretary, 'supervision-06-follow-up-in-messages')
  await message.click()
  await loaded(secretary)
  await shown(secretary, `电话调度 · ${BRANCH}`).waitFor()
  await fill(secretary, '完成情况', CLOSING)
  await attachPhoto(secretary, 'archive.jpg')
  await screenshot(secretary, 'supervision-07-closing')
  await tap(secretary, '提交完成情况')
  await confirmModal(secretary)
  await shown(secretary, `完成情况：${CLOSING}`).waitFor()
  await shown(secretary, '已完成', { exact: true }).waitFor()
  await screenshot(secretary, 'supervision-08-closed')

  // 5. The supervisor's view: the last contact is the call, no follow-up open; 消息 says it was closed.
  await openPage(supervisor, '/packages/admin/pages/supervision/index')
  await loaded(supervisor)
  const card = branchCard(supervisor)
  await card.getByText(/上次督导：\d{4}-\d{2}-\d{2} 电话调度（胡宏伟）/).waitFor()
  expect(await card.innerText()).not.toContain('跟进未完成')
  await scrollTo(card)
  await screenshot(supervisor, 'supervision-09-branch-after-call')
  await segmentTab(supervisor, '督导记录')
  await shown(supervisor, /跟进 1 项已完成/)
    .first()
    .waitFor()
  await screenshot(supervisor, 'supervision-10-records-closed')
  await openPage(supervisor, '/pages/messages/index')
  await loaded(supervisor)
  await supervisor
    .locator('.message-item', { hasText: '督导跟进已完成' })
    .filter({ visible: true })
    .first()
    .getByText(new RegExp(`${SECRETARY}已完成跟进事项`))
    .waitFor()
  await screenshot(supervisor, 'supervision-11-closed-in-messages')

  // 6. At 结题 the committee scores the project; 验收通过 is refused until a method is recorded.
  await openPage(committee, '/pages/approvals/index')
  await loaded(committee)
  await segmentTab(committee, '待验收')
  await shown(committee, PROJECT).first().click()
  await loaded(committee)
  await committee.locator('.project-header').getByText(PROJECT).filter({ visible: true }).waitFor()
  await tap(committee, '验收评分')
  await loaded(committee)
  const inputs = committee.locator('.rubric-row__input input').filter({ visible: true })
  await inputs.first().waitFor()
  const rows = await inputs.count()
  expect(rows).toBeGreaterThan(0)
  for (let i = 0; i < rows; i++) await inputs.nth(i).fill('18')
  await shown(committee, '尚未记录').waitFor()
  await tap(committee, '验收通过')
  await shown(committee, /请先记录至少一种验收方式/)
    .first()
    .waitFor()
  // Refused before any confirmation is asked, and the project still waits for acceptance.
  expect(await committee.locator('.taro__modal').filter({ visible: true }).count()).toBe(0)
  await shown(committee, '尚未记录').waitFor()
  await screenshot(committee, 'supervision-12-needs-a-method')

  // 7. 察看现场 with notes and a photo, then the acceptance goes through.
  await committee.getByRole('button', { name: '验收方式：察看现场' }).click()
  await fill(committee, '验收情况', SITE_VISIT)
  await attachPhoto(committee, 'site.jpg')
  await tap(committee, '保存察看现场记录')
  await shown(committee, '已记录 1 种').waitFor()
  await scrollTo(shown(committee, `察看现场 · ${COMMITTEE}`))
  await screenshot(committee, 'supervision-13-site-visit')
  await tap(committee, '验收通过')
  await confirmModal(committee)
  await shown(committee, '已结题').first().waitFor()
  await screenshot(committee, 'supervision-14-accepted')

  // 8. The project's ledger: the 督导记录 sheet holds the call and its follow-up, 验收过程 the site visit.
  await shown(committee, '台账', { exact: true }).first().click()
  await tap(committee, '导出台账')
  await loaded(committee)
  await shown(committee, '导出', { exact: true }).first().waitFor()
  await shown(committee, '督导记录').first().waitFor()
  await screenshot(committee, 'supervision-15-ledger-preview')
  const download = committee.waitForEvent('download')
  await tap(committee, '导出')
  const file = await (await download).path()
  const exported = shown(committee, /已导出/).first()
  await exported.waitFor()
  await scrollTo(exported)
  await screenshot(committee, 'supervision-16-ledger-exported')

  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const sheetText = (name: string) => {
    const ws = book.getWorksheet(name)
    expect(ws).toBeDefined()
    return ws!
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n')
  }
  const records = sheetText('督导记录')
  for (const word of ['电话调度', SECRETARY, FINDINGS, FOLLOW_UP, CLOSING]) expect(records).toContain(word)
  const review = sheetText('验收过程')
  for (const word of ['察看现场', SITE_VISIT, COMMITTEE]) expect(review).toContain(word)
})
