import type { Page } from 'playwright-core'
import { request } from 'playwright-core'
import { chinaYear } from '../domain/dates'
import { chinaYearEnd } from '../domain/evaluation'
import { screenshot } from './browser'
import {
  attachPhoto,
  confirmModal,
  fill,
  loaded,
  openPage,
  pickDate,
  pickFirst,
  pickOption,
  scrollTo,
  setUpJourney,
  shown,
  tabBar,
  tap,
} from './journey'

/**
 * Issue 17's loop, as the seed article tells it, through the app on one phone per person: 大调研 → 选题指南 → a
 * proposal tied to a key problem → 立项 → check-in and evidence, returned and resubmitted → 结题 with the masses'
 * ratings → 年度评价 and 十佳 → 十佳风采.
 */
const journey = setUpJourney('loop')
const COMMITTEE = '卢思琪' // p057, 党委
const SECRETARY = '周晓东' // p001, 运维部党支部书记
const MEMBER = '郭秀英' // p002, 运维部党支部党员
const BRANCH = '运维部党支部'
// The year a draft begun now belongs to (the server's China year).
const YEAR = chinaYear(new Date())
const PROBLEM = '倒闸操作票审核流于形式，年轻运维人员安全意识不到位'
const FOCUS = '围绕大调研梳理的安全生产重点问题选题，每个项目破解一类难题。'
const TITLE = '倒闸操作党员把关岗'
const TASK = '党员把关岗设立与认领'
const MILESTONE = '操作票党员复核全覆盖'
const CHECKIN = '今天复核了 6 张倒闸操作票，纠正一处漏填的安全措施。'
const RETURN = '请补充复核记录照片，并写明纠正了哪些问题'
const RESUBMIT = '三个月复核操作票 312 张，纠正漏项 9 处，复核记录照片见打卡。'
const RATINGS = 10

/** A home tile, tapped as a person does, and the page it opens once its first reads have answered. */
async function tile(page: Page, title: string) {
  await openPage(page, '/pages/index/index')
  await shown(page, title, { exact: true }).first().click()
  await loaded(page)
}

/**
 * The demo holds 2026's 选题 (a closed 大调研 and a published 选题指南). The journey's committee starts the year's
 * 选题 from nothing, whichever year it runs in, so that year's are taken out of the demo first.
 */
async function startYearFromNothing(year: number) {
  const db = journey.cloud().db
  const gone: [string, Record<string, unknown>][] = [
    ['survey_rounds', { _id: `survey-${year}` }],
    ['survey_problems', { year }],
    ['proposal_guides', { _id: `guide-${year}` }],
  ]
  for (const [collectionName, query] of gone) {
    const reply = (await db.handle('database.removeDocument', {
      collectionName,
      query: JSON.stringify(query),
      multi: true,
    })) as { code?: string }
    expect(reply.code).toBeUndefined()
    expect(db.count(collectionName, query)).toBe(0)
  }
}

afterEach(() => {
  delete process.env.LOCALCLOUD_NOW
})

test('survey → guide → proposal on a key problem → evidence returned and approved → 结题 rated by 10 → 十佳 → showcase', async () => {
  await startYearFromNothing(YEAR)

  // 1. The committee opens the year's 大调研.
  const committee = await journey.signInAs(COMMITTEE)
  await tile(committee, '大调研')
  await shown(committee, '尚未开启').waitFor()
  await tap(committee, '开启调研')
  await shown(committee, '进行中').waitFor()

  // 2. A member of 运维部 writes a problem of the branch, in 安全生产.
  const member = await journey.signInAs(MEMBER)
  await tile(member, '大调研')
  await shown(member, '提交问题').first().waitFor()
  await member.getByRole('radio', { name: '安全生产' }).click()
  await fill(member, '问题或短板', PROBLEM)
  await tap(member, '提交问题')
  await shown(member, PROBLEM).waitFor()
  await shown(member, '我提的 · 0 人 +1').waitFor()
  await screenshot(member, 'loop-01-member-submits-problem')

  // 3. The committee marks it key, closes the round, and publishes the year's 选题指南 with a window open to
  //    year end: the key problem is in it, and no branch has taken it up yet.
  await committee.reload()
  await loaded(committee)
  await shown(committee, PROBLEM).waitFor()
  await tap(committee, '标为重点')
  await shown(committee, '取消重点').waitFor()
  await tap(committee, '结束调研')
  await confirmModal(committee)
  await shown(committee, '已结束', { exact: true }).waitFor()
  await tile(committee, '选题指南')
  await shown(committee, `编辑 ${YEAR} 年选题指南`).waitFor()
  await committee.getByRole('checkbox', { name: '安全生产' }).click()
  await fill(committee, '重点方向', FOCUS)
  const deadline = committee.getByRole('button', { name: '选择申报截止日期' })
  await pickDate(committee, deadline, `${YEAR}-12-31`)
  await deadline.getByText(`${YEAR}-12-31`).waitFor()
  await tap(committee, '发布指南')
  await confirmModal(committee)
  await shown(committee, '已发布', { exact: true }).waitFor()
  await shown(committee, `立项申报进行中，${YEAR}-12-31 截止`).waitFor()
  await shown(committee, PROBLEM).waitFor()
  await shown(committee, '尚无支部选题', { exact: true }).waitFor()
  await screenshot(committee, 'loop-02-guide-published')

  // 4. 运维部's secretary drafts a 立项表 that takes up the key problem, and sends it.
  const secretary = await journey.signInAs(SECRETARY)
  await shown(secretary, '新建立项').click()
  await shown(secretary, new RegExp(`${YEAR} 年选题指南：立项申报进行中`)).waitFor()
  await fill(secretary, '项目名称', TITLE)
  await secretary.getByRole('radio', { name: '基础规范项目' }).click()
  await fill(secretary, '口号', '一票一复核，安全有党员')
  await fill(secretary, '问题导向（要解决的问题）', PROBLEM)
  await fill(secretary, '做什么', '在每个运维班设立党员把关岗，倒闸操作票由党员复核')
  await fill(secretary, '为什么做', '把安全责任落实到每一张操作票')
  await fill(secretary, '谁来做', '运维部全体党员')
  await fill(secretary, '怎么做', '党员认领把关岗，每张操作票执行前复核并打卡写实')
  await fill(secretary, '何时做', `${YEAR}年全年`)
  await fill(secretary, '做到什么程度', '操作票复核全覆盖，全年零误操作')
  await secretary.getByRole('checkbox', { name: PROBLEM, exact: true }).click()
  await secretary.getByRole('checkbox', { name: `${PROBLEM}（已关联）` }).waitFor()
  await shown(secretary, '已保存').waitFor()
  await screenshot(secretary, 'loop-03-proposal-linked')
  await tap(secretary, '提交立项')
  await confirmModal(secretary)
  await shown(secretary, '待立项审批').first().waitFor()
  expect(secretary.url()).toMatch(/pages\/project\/index\?id=/)
  const projectUrl = secretary.url()
  const projectId = new URL(projectUrl.replace('/#/', '/')).searchParams.get('id')!
  const openProject = async (page: Page) => {
    await page.goto(projectUrl)
    await page.reload()
    await page.locator('.project-header').getByText(TITLE).filter({ visible: true }).waitFor()
  }

  // 5. The committee approves it; the guide now shows the key problem taken up by 运维部.
  await openPage(committee, '/pages/index/index')
  await tabBar(committee, '待审批')
  await shown(committee, TITLE).click()
  await tap(committee, '批准立项')
  await confirmModal(committee)
  await shown(committee, '已立项').first().waitFor()
  await tile(committee, '选题指南')
  await shown(committee, `已选题：${BRANCH}`).waitFor()

  // 6. The secretary plans one task with one milestone owned by the member, and starts it.
  await openProject(secretary)
  await tap(secretary, '编写计划书')
  await fill(secretary, '任务名称', TASK)
  await secretary.getByRole('checkbox', { name: MEMBER }).filter({ visible: true }).first().click()
  await fill(secretary, '里程碑名称', MILESTONE)
  await fill(secretary, '进度（权重）', '100')
  await pickOption(secretary, shown(secretary, '请选择责任人').first(), MEMBER)
  await pickFirst(secretary, '请选择日期')
  await fill(secretary, '质量标准', '每张倒闸操作票执行前均有党员复核签字')
  await fill(secretary, '预期目标', '操作票复核率 100%')
  await shown(secretary, '✓ 五个明确已齐全').waitFor()
  await tap(secretary, '保存计划书')
  await secretary.locator('.project-header').getByText(TITLE).filter({ visible: true }).waitFor()
  await tap(secretary, '开始实施')
  await confirmModal(secretary)
  await shown(secretary, '实施中').first().waitFor()

  // 7. The member checks in with a photo and submits the milestone.
  await openPage(member, '/pages/index/index')
  await tabBar(member, '打卡')
  const item = () => member.locator('.task-item', { hasText: MILESTONE }).filter({ visible: true }).first()
  await item().waitFor()
  await item().locator('.nut-button', { hasText: '打卡' }).last().click()
  await fill(member, '做了什么', CHECKIN)
  await attachPhoto(member, 'ticket.jpg')
  await tap(member, '提交打卡')
  await item().getByText('已打卡 1 次').waitFor()
  await item().locator('.nut-button', { hasText: '提交里程碑' }).click()
  await fill(member, '完成情况', '操作票复核已开展，详见打卡。')
  await tap(member, '提交审核')
  await confirmModal(member)
  await item().getByText('待审核').waitFor()
  await screenshot(member, 'loop-04-member-submitted')

  // 8. The secretary reads it in 待审批 and returns it with what is missing.
  await openPage(secretary, '/pages/approvals/index')
  const card = () =>
    secretary.locator('.inbox-item-card', { hasText: MILESTONE }).filter({ visible: true }).first()
  await card().click()
  await shown(secretary, CHECKIN).first().waitFor()
  const backInInbox = async (page: Page) => {
    // The inbox reloads on return: once it shows again, the decided submission leaves it when the reload lands.
    await page
      .locator('.inbox-item-card')
      .filter({ visible: true })
      .first()
      .or(shown(page, /暂无/).first())
      .waitFor()
    await card().waitFor({ state: 'hidden' })
  }
  await tap(secretary, '退回')
  await fill(secretary, '退回意见', RETURN)
  await tap(secretary, '确认退回')
  await backInInbox(secretary)

  // 9. The member hears of it in 消息, opens it from there and resubmits.
  await openPage(member, '/pages/messages/index')
  await loaded(member)
  const returned = member
    .locator('.message-item', { hasText: '成果被退回' })
    .filter({ visible: true })
    .first()
  await returned.getByText(new RegExp(RETURN)).waitFor()
  await screenshot(member, 'loop-05-member-told-of-return')
  await returned.click()
  await shown(member, '提交审核').first().waitFor()
  await fill(member, '完成情况', RESUBMIT)
  await attachPhoto(member, 'review-record.jpg')
  await tap(member, '提交审核')
  await confirmModal(member)
  // Sent: the app goes back to 消息.
  await returned.waitFor()
  await openPage(member, '/pages/index/index')
  await tabBar(member, '打卡')
  await item().getByText('待审核').waitFor()

  // 10. The secretary approves the resubmission: the plan is done.
  await openPage(secretary, '/pages/approvals/index')
  await card().click()
  await shown(secretary, RESUBMIT).first().waitFor()
  await tap(secretary, '通过')
  await confirmModal(secretary)
  await backInInbox(secretary)

  // 11. 结题: the secretary requests acceptance; the committee scores it, records how it judged, and accepts.
  await openProject(secretary)
  await secretary.locator('.project-header').getByText('进度 100%').filter({ visible: true }).waitFor()
  await tap(secretary, '申请结题')
  await fill(secretary, '结题总结', '把关岗覆盖全部运维班，操作票复核 312 张，全年零误操作。')
  await tap(secretary, '提交结题申请')
  await confirmModal(secretary)
  await shown(secretary, '待验收').first().waitFor()

  await openProject(committee)
  await tap(committee, '验收评分')
  for (const [label, score] of [
    ['工作措施有力', '30'],
    ['项目计划完成', '30'],
    ['实施成效与群众评价', '24'],
    ['特色与创新', '14'],
  ])
    await fill(committee, `${label}得分`, score)
  await fill(committee, '验收情况', '听取支部书记汇报：把关岗全覆盖，操作票复核记录齐全。')
  await tap(committee, '保存听取汇报记录')
  await shown(committee, '已记录 1 种').waitFor()
  await tap(committee, '验收通过')
  await confirmModal(committee)
  await shown(committee, '已结题').first().waitFor()
  await screenshot(committee, 'loop-06-accepted')

  // 12. The masses rate it on its 四公开 page: ten WeChat users with no Party role, each once. Nine go through
  //     the call the page makes, each as a guest of their own (a full pass of the page ten times would add
  //     half a minute and prove nothing the tenth does not); the tenth rates on the page and sees it count.
  for (let i = 1; i < RATINGS; i++) {
    const guest = await request.newContext({ baseURL: journey.cloud().url })
    try {
      const signedIn = await guest.post('/dev/sign-in', { data: { personId: '__guest__' } })
      expect(signedIn.ok()).toBe(true)
      const rated = await guest.post('/fn/projects', {
        data: { action: 'rate', payload: { id: projectId, score: i % 3 === 0 ? 4 : 5 } },
      })
      expect(await rated.json()).toMatchObject({ ok: true, data: { count: i } })
    } finally {
      await guest.dispose()
    }
  }
  const guest = await journey.newPhone()
  await guest.goto(journey.cloud().url + '/dev/sign-in')
  await guest.getByRole('button', { name: new RegExp(TITLE) }).click()
  await shown(guest, '群众满意度').waitFor({ timeout: 30_000 })
  await shown(guest, `${RATINGS - 1} 人评价 · 满分 5 分`).waitFor()
  const sample = shown(guest, '样本不足：满 10 人评价后计入年度评价')
  await sample.waitFor()
  await scrollTo(sample)
  await screenshot(guest, 'loop-07-nine-ratings')
  await guest.locator('.rating-card__rate .nut-rate-item').nth(4).click()
  await shown(guest, '5 星 · 非常满意').waitFor()
  await tap(guest, '提交评分')
  await shown(guest, '你的评分：5 星（非常满意）').waitFor()
  await shown(guest, `${RATINGS} 人评价 · 满分 5 分`).waitFor()
  expect(await sample.count()).toBe(0)
  await screenshot(guest, 'loop-08-tenth-rating')

  // 13. After the year ends (the functions' clock is set past it), the committee's 年度评价 is final: the project
  //     ranks with its satisfaction counted, and the committee confirms the 十佳.
  process.env.LOCALCLOUD_NOW = new Date(chinaYearEnd(YEAR).getTime() + 2 * 24 * 3600 * 1000).toISOString()
  await tile(committee, '年度评价')
  const ranked = committee
    .getByRole('button', { name: new RegExp(`^第 \\d+ 名：${TITLE}$`) })
    .filter({ visible: true })
  await ranked.waitFor()
  await ranked.getByText(/满意度 4\.\d 分（10 人）/).waitFor()
  expect(await shown(committee, /年度尚未结束/).count()).toBe(0)
  await tap(committee, '确认十佳精品项目')
  await confirmModal(committee)
  await shown(committee, new RegExp(`十佳精品项目已由${COMMITTEE}于`)).waitFor()
  await ranked.getByText('十佳', { exact: true }).waitFor()
  await screenshot(committee, 'loop-09-top-ten-confirmed')
  delete process.env.LOCALCLOUD_NOW

  // 14. Every member reads it in 十佳风采: the year's 十佳, with the problem it solved.
  await tile(member, '十佳风采')
  await shown(member, `${YEAR} 年十佳精品项目`).waitFor()
  const showcased = member.locator('.card', { hasText: TITLE }).filter({ visible: true }).first()
  await showcased.waitFor()
  await screenshot(member, 'loop-10-showcase')
  await showcased.locator('.nut-button', { hasText: '看经验' }).click()
  await shown(member, '破解的难题').waitFor()
  await shown(member, PROBLEM).first().waitFor()
  // Its results show the photo the member added when the evidence was resubmitted, loaded from private storage.
  await member.waitForFunction(
    `[...document.querySelectorAll('.photo-grid__photo img, img.photo-grid__photo')].some((i) => i.checkVisibility() && i.complete && i.naturalWidth > 0)`,
  )
  await screenshot(member, 'loop-11-showcase-detail')
})
