import type { Page } from 'playwright-core'
import { screenshot } from './browser'
import {
  confirmModal,
  draftProposal,
  fill,
  shown,
  startPlan,
  tap,
  tabBar,
  setUpJourney,
  writePlan,
} from './journey'

const journey = setUpJourney('life')
const TITLE = '变电站党员安全示范岗'

let projectUrl = ''

/** The project page, as a shared link opens it. */
async function openProject(page: Page) {
  await page.goto(projectUrl)
  await page.reload()
  await page.locator('.project-header').getByText(TITLE).waitFor()
}

test('a project goes from proposal to acceptance and a staff member rates it', async () => {
  // 1. The secretary of 运维部 drafts the 立项表 and submits it.
  const secretary = await journey.signInAs('周晓东')
  await draftProposal(secretary, {
    title: TITLE,
    slogan: '一人一岗一承诺',
    problem: '部分变电站现场作业安全责任落实不到位',
    elements: [
      '在每座变电站设立党员安全示范岗',
      '把安全责任落实到每一名党员',
      '运维部全体党员',
      '党员认领示范岗，每月开展安全讲评',
      '全年',
      '示范岗全覆盖，全年零违章',
    ],
  })
  await screenshot(secretary, 'life-01-proposal-draft')
  await tap(secretary, '提交立项')
  await confirmModal(secretary)
  await shown(secretary, '待立项审批').first().waitFor()
  await screenshot(secretary, 'life-02-proposal-submitted')
  expect(secretary.url()).toMatch(/pages\/project\/index\?id=/)
  projectUrl = secretary.url()

  // 2. A committee member finds it in 待审批 and approves it.
  const committee = await journey.signInAs('卢思琪')
  await tabBar(committee, '待审批')
  await shown(committee, '待立项审批').first().waitFor()
  await shown(committee, TITLE).click()
  await tap(committee, '批准立项')
  await confirmModal(committee)
  await shown(committee, '已立项').first().waitFor()
  await screenshot(committee, 'life-03-approved')

  // 3. The secretary writes the plan: one task, one milestone with all 五个明确, then starts it.
  await openProject(secretary)
  await writePlan(secretary, {
    task: '示范岗设立与认领',
    assignee: '郭秀英',
    milestone: '完成全部示范岗认领',
    standard: '每座变电站至少一名党员认领',
    goal: '示范岗覆盖率 100%',
  })
  await screenshot(secretary, 'life-04-plan')
  await startPlan(secretary, TITLE)
  await screenshot(secretary, 'life-05-started')

  // 4. The secretary requests acceptance with a summary.
  await tap(secretary, '申请结题')
  await fill(secretary, '结题总结', '示范岗全部设立，党员认领率 100%，全年未发生违章作业。')
  await tap(secretary, '提交结题申请')
  await confirmModal(secretary)
  await shown(secretary, '待验收').first().waitFor()
  await screenshot(secretary, 'life-06-acceptance-requested')

  // 5. The committee scores it against the rubric and accepts it.
  await openProject(committee)
  await tap(committee, '验收评分')
  const inputs = committee.locator('.rubric-row__input input').filter({ visible: true })
  await inputs.first().waitFor()
  const rows = await inputs.count()
  expect(rows).toBeGreaterThan(0)
  for (let i = 0; i < rows; i++) await inputs.nth(i).fill('18')
  // The committee says how it judged the project (听取汇报) before it may accept it.
  await fill(committee, '验收情况', '听取支部书记汇报：示范岗全部设立，全年零违章。')
  await tap(committee, '保存听取汇报记录')
  await shown(committee, '已记录 1 种').waitFor()
  await screenshot(committee, 'life-07-review')
  await tap(committee, '验收通过')
  await confirmModal(committee)
  await shown(committee, '已结题').first().waitFor()
  await screenshot(committee, 'life-08-accepted')

  // 6. A staff member with no Party role opens the 四公开 page from the share link and rates it.
  const staff = await journey.newPhone()
  await staff.goto(journey.cloud().url + '/dev/sign-in')
  await staff.getByRole('button', { name: new RegExp(TITLE) }).click()
  await shown(staff, '群众满意度').waitFor({ timeout: 30_000 })
  await shown(staff, '示范岗设立与认领').first().waitFor()
  await staff.locator('.rating-card__rate .nut-rate-item').nth(4).click()
  await shown(staff, '5 星 · 非常满意').waitFor()
  await tap(staff, '提交评分')
  await shown(staff, '你的评分：5 星（非常满意）').waitFor()
  await shown(staff, '1 人评价 · 满分 5 分').waitFor()
  await screenshot(staff, 'life-09-public-rated')

  // The timeline kept every step, with who did it.
  await openProject(committee)
  await shown(committee, '动态').click()
  for (const word of ['提交立项', '批准立项', '开始实施', '申请结题', '验收'])
    await shown(committee, word).first().waitFor()
  await screenshot(committee, 'life-10-timeline')
})
