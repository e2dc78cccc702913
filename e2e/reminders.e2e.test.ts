import { screenshot } from './browser'
import { openPage, setUpJourney, shown } from './journey'

const journey = setUpJourney('reminders')
const MEMBER = { id: 'p005', name: '潘海燕' }
const TEMPLATE = 'tpl-milestone-deadline'

afterEach(() => {
  delete process.env.LOCALCLOUD_NOW
})

test('a milestone comes due, the timer fires, and the member finds it in 消息 and as a WeChat message', async () => {
  const cloud = journey.cloud()
  // The member's open milestone with the nearest deadline: the sweep's clock is set two days before it.
  const [milestone] = cloud.db.find(
    'milestones',
    { ownerId: MEMBER.id, status: 'open', deadline: { $ne: null } },
    { sort: { deadline: 1 }, limit: 1 },
  ) as { _id: string; title: string; deadline: Date }[]
  expect(milestone).toBeDefined()
  const day = new Date(new Date(milestone.deadline).getTime() - 2 * 24 * 3600 * 1000)
  // 10:00 in China: outside quiet hours, so the WeChat message goes out on this sweep.
  const sweepAt = `${day.toISOString().slice(0, 10)}T02:00:00.000Z`

  // 1. The member allows 截止提醒 in WeChat (on localcloud: /dev/subscribe) and the app records the credit.
  const member = await journey.signInAs(MEMBER.name)
  const granted = await member.evaluate(async (templateId) => {
    const post = (path: string, body: unknown) =>
      fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ ok: boolean }>)
    const wechat = await post('/dev/subscribe', { templateIds: [templateId] })
    const ours = await post('/fn/messages', {
      action: 'grantSubscriptions',
      payload: { templateIds: [templateId] },
    })
    return wechat.ok && ours.ok
  }, TEMPLATE)
  expect(granted).toBe(true)

  // 2. The timer fires on the test clock.
  process.env.LOCALCLOUD_NOW = sweepAt
  await cloud.fireTimer('reminders', 'sweep', new Date(sweepAt))
  delete process.env.LOCALCLOUD_NOW

  // 3. 消息 shows the reminder; tapping it opens the milestone to submit.
  await openPage(member, '/pages/messages/index')
  const item = member.locator('.message-item', { hasText: milestone.title }).filter({ visible: true }).first()
  await item.waitFor()
  await item.getByText('里程碑即将到期').waitFor()
  await screenshot(member, 'reminders-01-messages')
  await item.click()
  await shown(member, milestone.title).first().waitFor()
  await shown(member, '提交审核').first().waitFor()
  await screenshot(member, 'reminders-02-opened')

  // 4. localcloud's stand-in for WeChat delivered one subscribe message to the member, and spent the credit.
  const outbox = cloud.db.find('_outbox', { touser: `demo-openid-${MEMBER.id}`, templateId: TEMPLATE })
  expect(outbox).toHaveLength(1)
  expect(String(outbox[0].page)).toContain(milestone._id)
  const page = await (await fetch(cloud.url + '/dev/outbox')).text()
  expect(page).toContain(TEMPLATE)

  // A second sweep at the same moment sends nothing new.
  process.env.LOCALCLOUD_NOW = sweepAt
  await cloud.fireTimer('reminders', 'sweep', new Date(sweepAt))
  expect(cloud.db.find('_outbox', { touser: `demo-openid-${MEMBER.id}`, templateId: TEMPLATE })).toHaveLength(
    1,
  )
})
