import type { Page } from 'playwright-core'
import { eventually, screenshot } from './browser'
import { attachPhoto, confirmModal, fill, openPage, shown, tap, tabBar, setUpJourney } from './journey'

const journey = setUpJourney('checkin')
const TEXT = '今天带班组检查了两处施工现场，纠正一处未系安全带。'

const progressOf = async (page: Page) =>
  Number(
    (
      await page
        .locator('.project-header')
        .getByText(/进度 \d+%/)
        .first()
        .innerText()
    ).match(/\d+/)![0],
  )

async function openProjectFromHome(page: Page, title: string) {
  await openPage(page, '/pages/index/index')
  await shown(page, title).first().click()
  await page.locator('.project-header').getByText(title).filter({ visible: true }).waitFor()
}

test('a member checks in with a photo, submits the milestone, the secretary approves and progress moves', async () => {
  // 1. The member opens 打卡 and picks a milestone of theirs that can be submitted.
  const member = await journey.signInAs('潘海燕')
  await tabBar(member, '打卡')
  await shown(member, '我的任务', { exact: true }).waitFor()
  const item = member.locator('.task-item', { hasText: '提交里程碑' }).filter({ visible: true }).first()
  await item.waitFor()
  const milestone = (await item.locator('.task-item__title').innerText()).trim()
  const project = (await item.locator('.task-item__project').innerText()).split(' · ')[0].trim()
  const countBefore = Number((await item.locator('.task-item__count').innerText()).match(/\d+/)![0])
  await screenshot(member, 'checkin-01-my-tasks')

  // 2. One tap to check in: text and a photo.
  await item.locator('.nut-button', { hasText: '打卡' }).last().click()
  await shown(member, '写实').first().waitFor()
  await fill(member, '做了什么', TEXT)
  await attachPhoto(member, 'site.jpg')
  await screenshot(member, 'checkin-02-form')
  await tap(member, '提交打卡')
  await shown(member, '我的任务', { exact: true }).waitFor()
  const after = member.locator('.task-item', { hasText: milestone }).filter({ visible: true }).first()
  await after.getByText(`已打卡 ${countBefore + 1} 次`).waitFor()
  await screenshot(member, 'checkin-03-checked-in')

  // 3. The owner submits the milestone with what was done.
  await after.locator('.nut-button', { hasText: '提交里程碑' }).click()
  await fill(member, '完成情况', '首批工地全部落实党员监督，现场照片见打卡记录。')
  await tap(member, '提交审核')
  await confirmModal(member)
  await shown(member, '我的任务', { exact: true }).waitFor()
  await member
    .locator('.task-item', { hasText: milestone })
    .filter({ visible: true })
    .first()
    .getByText('待审核')
    .waitFor()
  await screenshot(member, 'checkin-04-submitted')

  // 4. The secretary sees the progress, finds the submission in 待审批, reads the check-in and approves.
  const secretary = await journey.signInAs('周晓东')
  await openProjectFromHome(secretary, project)
  const progressBefore = await progressOf(secretary)
  await openPage(secretary, '/pages/approvals/index')
  await secretary
    .locator('.inbox-item-card', { hasText: milestone })
    .filter({ visible: true })
    .first()
    .click()
  await shown(secretary, TEXT).first().waitFor()
  await secretary.locator('.submission-page img, .submission-page .photo-grid__photo').first().waitFor()
  // The member's photo really loads for the secretary: storage is private, the answer carried its link.
  await secretary.waitForFunction(
    `[...document.querySelectorAll('.submission-page img')].some((i) => i.complete && i.naturalWidth > 0)`,
  )
  await screenshot(secretary, 'checkin-05-review')
  await tap(secretary, '通过')
  await confirmModal(secretary)
  await secretary.locator('.inbox-item-card').first().or(shown(secretary, /暂无/).first()).waitFor()
  // Back in the inbox, which reloads on return: the decided submission leaves it once the reload lands.
  await secretary
    .locator('.inbox-item-card', { hasText: milestone })
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' })

  // 5. The project's progress moved by the milestone's weight.
  await openProjectFromHome(secretary, project)
  expect(
    await eventually(
      () => progressOf(secretary),
      (p) => p > progressBefore,
    ),
  ).toBeGreaterThan(progressBefore)
  await screenshot(secretary, 'checkin-06-progress')

  // 6. The member's 我的 shows the check-in in their history.
  await member.reload()
  await tabBar(member, '我的')
  await shown(member, TEXT).first().waitFor()
  await screenshot(member, 'checkin-07-mine')
})
