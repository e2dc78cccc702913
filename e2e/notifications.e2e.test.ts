import { screenshot } from './browser'
import { call, openPage, setUpJourney, shown } from './journey'

const journey = setUpJourney('notifications')
const SECRETARY = '周晓东' // p001, 运维部党支部
const MEMBER = '曹泽宇' // p004, whose evidence on prj-001-m3 waits for approval
const COMMITTEE = '卢思琪'

test('the member hears that their evidence was returned, in 消息', async () => {
  const secretary = await journey.signInAs(SECRETARY)
  // The 待审批 badge wakes the checkins function as the app does on opening, so the decision below is not the
  // cold start that a loaded machine can push past the cloud profile's 3 s timeout.
  await call(secretary, 'checkins', 'inboxCount', {}).catch(() => undefined)
  await call(secretary, 'checkins', 'returnMilestone', {
    id: 'prj-001-m3',
    comment: '请补充现场照片后再提交',
  })

  const member = await journey.signInAs(MEMBER)
  await openPage(member, '/pages/messages/index')
  const item = member.locator('.message-item', { hasText: '成果被退回' }).filter({ visible: true }).first()
  await item.waitFor()
  await item.getByText(/请补充现场照片后再提交/).waitFor()
  await screenshot(member, 'notifications-01-returned-in-messages')
  await item.click()
  await shown(member, '提交审核').first().waitFor()
  await screenshot(member, 'notifications-02-opened')
})

test('a rectification after a spot check reaches the secretary: message, home tile, list and project notice', async () => {
  const committee = await journey.signInAs(COMMITTEE)
  const check = await call(committee, 'supervision', 'createSpotCheck', {
    requestId: 'e2e-notify-check-1',
    size: 1,
    branchId: 'b-yunwei',
  })
  const cloud = journey.cloud()
  const [drawn] = cloud.db.find('spot_checks', { _id: check.id }) as unknown as {
    picked: { projectId: string; title: string }[]
  }[]
  const project = drawn.picked[0]
  const deadline = new Date(Date.now() + 8 * 3600 * 1000 + 5 * 24 * 3600 * 1000).toISOString().slice(0, 10)
  await call(committee, 'supervision', 'addRectification', {
    id: check.id,
    projectId: project.projectId,
    text: '补齐党员写实记录和现场照片',
    deadline,
  })

  const secretary = await journey.signInAs(SECRETARY)
  const tile = secretary.getByRole('button', { name: '整改任务' }).filter({ visible: true }).first()
  await tile.waitFor()
  await shown(secretary, '待整改 1 项').first().waitFor()
  await screenshot(secretary, 'notifications-03-home-tile')
  await tile.click()
  const task = secretary
    .getByRole('button', { name: '整改：补齐党员写实记录和现场照片' })
    .filter({ visible: true })
  await task.waitFor()
  await screenshot(secretary, 'notifications-04-rectification-list')
  await task.click()
  await shown(secretary, '随机抽查').first().waitFor()
  await shown(secretary, '补齐党员写实记录和现场照片').first().waitFor()
  await screenshot(secretary, 'notifications-05-spot-check')

  await openPage(secretary, `/pages/project/index?id=${project.projectId}`)
  await shown(secretary, '随机抽查后有 1 项整改任务待完成').first().waitFor()
  await screenshot(secretary, 'notifications-06-project-notice')

  await openPage(secretary, '/pages/messages/index')
  await secretary
    .locator('.message-item', { hasText: '收到整改任务' })
    .filter({ visible: true })
    .first()
    .waitFor()
  await screenshot(secretary, 'notifications-07-messages')
})
