import ExcelJS from 'exceljs'
import { screenshot } from './browser'
import { openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('dashboard')

test('the committee opens the dashboard, taps into the overdue milestones, and exports a 管理台账', async () => {
  const committee = await journey.signInAs('卢思琪')

  // 1. 看板 from the home page: figures with words, charts, the league.
  await committee.getByLabel('看板', { exact: true }).filter({ visible: true }).click()
  await shown(committee, /全公司 · \d{4}年度/)
    .first()
    .waitFor()
  await shown(committee, /数据更新于/)
    .first()
    .waitFor()
  await screenshot(committee, 'dashboard-01-committee')

  // 2. The number of overdue milestones opens the list behind it.
  await committee.locator('[aria-label^="已逾期里程碑 "]').filter({ visible: true }).first().click()
  await shown(committee, /逾期里程碑 · \d{4}年度/)
    .first()
    .waitFor()
  await shown(committee, /已逾期 \d+ 天/)
    .first()
    .waitFor()
  await screenshot(committee, 'dashboard-02-overdue')

  // 3. A finished project's ledger, from its 台账 tab.
  await openPage(committee, '/pages/project/index?id=prj-009')
  await committee.locator('.project-header').filter({ visible: true }).waitFor()
  await shown(committee, '台账', { exact: true }).first().click()
  await tap(committee, '导出台账')
  await shown(committee, '导出', { exact: true }).first().waitFor()
  await screenshot(committee, 'ledger-01-preview')

  const download = committee.waitForEvent('download')
  await tap(committee, '导出')
  const file = await (await download).path()
  await shown(committee, /已导出/)
    .first()
    .waitFor()
  await screenshot(committee, 'ledger-02-exported')

  // The file is a real workbook: one sheet per part, Chinese headers, the project's title inside.
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  expect(book.worksheets.length).toBeGreaterThanOrEqual(4)
  const text = book.worksheets
    .flatMap((ws) => ws.getSheetValues().flat())
    .filter((v) => typeof v === 'string')
    .join('\n')
  expect(text).toContain('打造“440”精品“党员先锋岗”')
})
