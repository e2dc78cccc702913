import ExcelJS from 'exceljs'
import { INLINE_MAX_CHECKINS } from '../domain/ledger-jobs'
import { screenshot } from './browser'
import { openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('ledger-job')

/** 运维部's year with more check-ins than one call writes: a copy of prj-001 holding them, counted. */
function bigYear(count: number): number {
  const db = journey.cloud().db
  const base = db.find('projects', { _id: 'prj-001' })[0] as Record<string, unknown>
  db.insertMany('projects', [{ ...base, _id: 'prj-big', title: '配网设备隐患大排查', version: 1 }])
  const start = Date.UTC(base.year as number, 1, 1)
  db.insertMany(
    'checkins',
    Array.from({ length: count }, (_, i) => ({
      _id: `prj-big-c${String(i).padStart(6, '0')}`,
      projectId: 'prj-big',
      branchId: 'b-yunwei',
      personId: 'p002',
      personName: '潘海燕',
      taskId: 't1',
      taskTitle: '现场勘查',
      milestoneTitle: '排查',
      at: new Date(start + i * 60_000),
      text: `巡视第${i + 1}处设备`,
      photos: [],
      place: null,
    })),
  )
  db.insertMany('checkin_counts', [{ _id: 'project:prj-big', scope: 'project', count: count, fields: {} }])
  return base.year as number
}

test('a secretary exports a branch year too large for one call: the page shows the job going, then downloads it', async () => {
  const year = bigYear(INLINE_MAX_CHECKINS + 500)
  const secretary = await journey.signInAs('周晓东')

  await openPage(secretary, `/packages/admin/pages/ledger/index?branchId=b-yunwei&year=${year}`)
  // The preview counts a year of check-ins first (正在统计台账内容…): a slow function on a busy machine.
  await shown(secretary, '导出', { exact: true }).first().waitFor({ timeout: 60_000 })
  await screenshot(secretary, 'ledger-job-01-preview')

  const download = secretary.waitForEvent('download', { timeout: 120_000 })
  await tap(secretary, '导出')
  // The job's words (正在读取 … / 可以先离开本页) last only as long as the job runs, which on a quiet machine is
  // shorter than one poll: the journey waits for the end the app signals, and a picture is taken if it is seen.
  const running = shown(secretary, /可以先离开本页/).first()
  if (await running.isVisible()) await screenshot(secretary, 'ledger-job-02-running')

  const file = await (await download).path()
  await shown(secretary, /已导出/)
    .first()
    .waitFor({ timeout: 60_000 })
  // Seen wherever the page is scrolled: the export's words sit in the bottom bar above the button.
  expect(await secretary.locator('.bottom-bar .admin-status').filter({ visible: true }).count()).toBe(1)
  await screenshot(secretary, 'ledger-job-03-done')

  // It was made as a job (too large for one call), which ran to the end.
  const jobs = journey.cloud().db.find('ledger_jobs', {})
  expect(jobs).toHaveLength(1)
  expect(jobs[0]).toMatchObject({ status: 'ready' })

  // Every check-in of the year is in the file: the job's rows, not a first page of them.
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const rows = book.worksheets.map((s) => s.actualRowCount).reduce((a, b) => a + b, 0)
  expect(rows).toBeGreaterThan(INLINE_MAX_CHECKINS + 500)
})
