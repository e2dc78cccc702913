import type { Page } from 'playwright-core'
import { eventually, screenshot } from './browser'
import { confirmModal, fill, openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('lectures')
const TITLE = '安全生产“1+N”帮扶法微课'

async function openLectures(page: Page) {
  await openPage(page, '/pages/index/index')
  await page.getByLabel('微讲坛', { exact: true }).filter({ visible: true }).click()
  await shown(page, '最新', { exact: true }).first().waitFor()
}

/** The figure a 学习 card shows for `label` (学习时长, 学完讲坛, 培训人次). */
async function figure(page: Page, label: string): Promise<number> {
  const cell = page.locator(`[aria-label^="${label} "]`).filter({ visible: true }).first()
  return Number(((await cell.getAttribute('aria-label')) ?? '').split(' ')[1])
}

test('a secretary publishes a lecture, a member studies it, passes the quiz, and the hours show', async () => {
  // 1. The secretary of 运维部 writes a short lecture for the branch, with a one-question quiz, and publishes.
  const secretary = await journey.signInAs('周晓东')
  await openLectures(secretary)
  await shown(secretary, '我发布的').first().click()
  await shown(secretary, '新建微讲坛').first().click()
  await fill(secretary, '标题', TITLE)
  await fill(secretary, '主讲人', '周晓东（支部书记）')
  await fill(secretary, '简介', '三分钟讲清“1+N”安全帮扶法。')
  await fill(
    secretary,
    '正文',
    '# 什么是“1+N”\n一名党员带动 N 名职工，作业前讲清危险点。\n- 讲危险点\n- 讲控制措施',
  )
  // The shortest study time the form allows: one minute.
  const fewer = secretary.getByLabel('减少最少学习时长').filter({ visible: true })
  while (
    (await secretary.getByLabel('最少学习时长', { exact: true }).filter({ visible: true }).innerText()).match(
      /\d+/,
    )![0] !== '1'
  )
    await fewer.click()
  await tap(secretary, '添加随堂测验')
  await fill(secretary, '第 1 题题目', '“1+N”中的“1”指的是？')
  await fill(secretary, '第 1 题选项 A', '一名党员')
  await fill(secretary, '第 1 题选项 B', '一个班组')
  await secretary.getByLabel('第 1 题选项 A设为答案').filter({ visible: true }).click()
  await screenshot(secretary, 'lectures-01-editor')
  await tap(secretary, '发布')
  await confirmModal(secretary)
  await shown(secretary, '已发布').first().waitFor()

  // 2. A member of the branch finds it under 最新, studies it for over a minute and reads to the end.
  const member = await journey.signInAs('潘海燕')
  const hoursBefore = await (async () => {
    await openPage(member, '/pages/mine/index')
    await shown(member, '学习时长').first().waitFor()
    return figure(member, '学习时长')
  })()
  await openLectures(member)
  await shown(member, TITLE).first().click()
  await shown(member, '什么是“1+N”').first().waitFor()
  await member.mouse.wheel(0, 2000)
  await screenshot(member, 'lectures-02-studying')
  // A session counts after 30 s and the lecture asks for one minute: this is real time, as on a phone.
  await shown(member, /累计学习 1 分钟/)
    .first()
    .waitFor({ timeout: 100_000 })

  // 3. The quiz, checked on the server.
  await tap(member, '参加测验')
  await member.getByLabel('A. 一名党员', { exact: true }).filter({ visible: true }).click()
  await tap(member, '提交测验')
  await confirmModal(member)
  await shown(member, /测验通过/)
    .first()
    .waitFor()
  await screenshot(member, 'lectures-03-quiz-passed')
  await tap(member, '返回讲坛')
  await shown(member, '✓ 已学完').first().waitFor({ timeout: 30_000 })
  await screenshot(member, 'lectures-04-completed')

  // 4. The member's page counts the hours and the lecture; the secretary sees the branch's totals.
  await openPage(member, '/pages/mine/index')
  await shown(member, '学习时长').first().waitFor()
  // The card loads on its own after the page: wait for it to show the new figures.
  expect(
    await eventually(
      () => figure(member, '学完讲坛'),
      (n) => n >= 1,
    ),
  ).toBeGreaterThanOrEqual(1)
  expect(await figure(member, '学习时长')).toBeGreaterThan(hoursBefore)
  await screenshot(member, 'lectures-05-mine')

  await openPage(secretary, '/packages/lectures/pages/stats/index')
  await shown(secretary, '本支部学习情况').first().waitFor()
  await shown(secretary, TITLE).first().waitFor()
  await screenshot(secretary, 'lectures-06-stats')
})
