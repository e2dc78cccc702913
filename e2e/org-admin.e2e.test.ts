import { screenshot } from './browser'
import { openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('org-admin')

test('the committee sees the organisation, adds a 党小组 to a branch from it, and the change is audited', async () => {
  const committee = await journey.signInAs('卢思琪')
  await openPage(committee, '/packages/org/pages/admin/index')
  await shown(committee, '组织架构').waitFor()
  await shown(committee, '运维部党支部').first().waitFor()
  await screenshot(committee, 'org-admin-01-tree')

  // 运维部: 新建党小组 is the first thing offered for a branch.
  await committee.getByRole('button', { name: '管理运维部党支部' }).filter({ visible: true }).click()
  await shown(committee, '新建党小组', { exact: true }).last().click()
  await shown(committee, '在「运维部党支部」新建党小组').waitFor()
  await committee
    .locator('[aria-label="党小组名称"] input, input[aria-label="党小组名称"]')
    .filter({ visible: true })
    .first()
    .fill('运维部青年党小组')
  await screenshot(committee, 'org-admin-02-form')
  await tap(committee, '确定')
  await shown(committee, '运维部青年党小组').first().waitFor()
  await screenshot(committee, 'org-admin-03-created')
  expect(journey.cloud().db.find('org_events', { action: 'createGroup' })).toHaveLength(1)
})
