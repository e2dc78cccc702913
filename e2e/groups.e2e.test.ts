import type { Page } from 'playwright-core'
import { screenshot } from './browser'
import { fill, openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('groups')
const NOTICE = '本周五下午三点在三楼会议室召开组织生活会，请准时参加。'
const GROUP = '运维部第一党小组'

/** The announcement's card on the feed now on screen. */
const noticeCard = (page: Page) =>
  page.locator('.post-card', { hasText: NOTICE }).filter({ visible: true }).first()

async function openGroup(page: Page) {
  await openPage(page, '/pages/index/index')
  await page.getByLabel('党小组', { exact: true }).filter({ visible: true }).click()
  const card = page.locator('.group-card', { hasText: GROUP }).filter({ visible: true }).first()
  await card.waitFor()
  await screenshot(page, 'groups-00-list')
  await card.click()
  await shown(page, '发布动态').first().waitFor()
}

test('a secretary pins an announcement, a member reads it, and the secretary sees who has read it', async () => {
  // 1. The secretary posts a pinned announcement to the first group.
  const secretary = await journey.signInAs('周晓东')
  await openGroup(secretary)
  await screenshot(secretary, 'groups-01-feed')
  await tap(secretary, '发通知')
  await fill(secretary, '通知内容', NOTICE)
  await screenshot(secretary, 'groups-02-compose')
  await tap(secretary, '发布')
  await noticeCard(secretary).waitFor()
  await noticeCard(secretary).getByText('置顶', { exact: true }).waitFor()
  await noticeCard(secretary).getByText('已读 1 人').waitFor()

  // 2. A member of the group opens the feed: the pinned announcement is on top and counts as read.
  const member = await journey.signInAs('曹泽宇')
  await openGroup(member)
  await noticeCard(member).waitFor()
  await noticeCard(member).getByText('已读 2 人').waitFor()
  await screenshot(member, 'groups-03-member-read')

  // 3. The secretary sees the count and who has read it.
  await openGroup(secretary)
  await noticeCard(secretary).getByText('已读 2 人').waitFor()
  await noticeCard(secretary).getByText('查看阅读情况').click()
  await shown(secretary, /组员已读 \d+ \/ 共 \d+ 人/).waitFor()
  await secretary.locator('.reader-lists__name', { hasText: '曹泽宇' }).filter({ visible: true }).waitFor()
  await screenshot(secretary, 'groups-04-readers')
})
