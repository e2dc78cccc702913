import { screenshot } from './browser'
import { call, openPage, scrollTo, setUpJourney, shown } from './journey'

const journey = setUpJourney('inspections')

const COMMITTEE = '卢思琪' // p057
const SUPERVISOR = '胡宏伟' // p059, 党建部主任: 运维部, 营销部, 安质部, 人资部

test('the committee sets a monthly 定期检查 cadence, the supervisor sees what is due, the dashboard its coverage', async () => {
  const committee = await journey.signInAs(COMMITTEE)
  const assignments = await call(committee, 'supervision', 'assignments', {})
  await call(committee, 'supervision', 'setCadence', {
    personId: 'p059',
    year: assignments.year,
    cadence: 'monthly',
  })
  await openPage(committee, '/packages/admin/pages/supervision/index')
  await committee.getByRole('tab', { name: '分片设置' }).filter({ visible: true }).first().click()
  await shown(committee, `${String(assignments.year)}年定期检查`)
    .first()
    .waitFor()
  await scrollTo(shown(committee, '每月一次').first())
  await screenshot(committee, 'inspections-01-cadence')

  const supervisor = await journey.signInAs(SUPERVISOR)
  await openPage(supervisor, '/packages/admin/pages/supervision/index')
  await shown(supervisor, /本期定期检查：已完成 0 个，应检查 4 个/)
    .first()
    .waitFor()
  await shown(supervisor, /定期检查（每月一次）/)
    .first()
    .waitFor()
  await screenshot(supervisor, 'inspections-02-due')

  await openPage(committee, '/packages/dashboard/pages/index/index')
  await shown(committee, /本期已检查 0 个支部，应检查 4 个/)
    .first()
    .waitFor()
  await shown(committee, /胡宏伟（每月一次）：0\/4/)
    .first()
    .waitFor()
  // The card sits below the dashboard's figures: scroll to it as a person would, so the picture shows it.
  await scrollTo(shown(committee, '定期检查覆盖').first())
  await screenshot(committee, 'inspections-03-coverage')
})
