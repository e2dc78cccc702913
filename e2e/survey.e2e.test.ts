import { screenshot } from './browser'
import { confirmModal, fill, openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('survey')
const COMMITTEE = '卢思琪'
const MEMBER = '曹泽宇' // p004, 运维部党支部
const SECRETARY = '周晓东' // p001, 运维部党支部
const PROBLEM = '党建与业务“两张皮”，活动多、实效少'
// A year the demo holds no 调研 for (it seeds 2026's, closed, with its 选题指南).
const YEAR = new Date().getFullYear() + 5
const SURVEY = `/packages/admin/pages/survey/index?year=${YEAR}`

test('the committee opens the 大调研, a member submits a problem, the secretary +1s it, the committee marks it key', async () => {
  const committee = await journey.signInAs(COMMITTEE)
  await openPage(committee, SURVEY)
  await shown(committee, '尚未开启').waitFor({ timeout: 30_000 })
  await tap(committee, '开启调研')
  await shown(committee, '进行中').waitFor()

  const member = await journey.signInAs(MEMBER)
  await openPage(member, SURVEY)
  await shown(member, '提交问题').first().waitFor({ timeout: 30_000 })
  await member.getByRole('radio', { name: '经营提效' }).click()
  await fill(member, '问题或短板', PROBLEM)
  await screenshot(member, 'survey-01-member-writes')
  await tap(member, '提交问题')
  await shown(member, PROBLEM).waitFor()
  await shown(member, '我提的 · 0 人 +1').waitFor()

  const secretary = await journey.signInAs(SECRETARY)
  await openPage(secretary, SURVEY)
  await shown(secretary, PROBLEM).waitFor({ timeout: 30_000 })
  await tap(secretary, '+1（0）')
  await shown(secretary, '已 +1（1）').waitFor()

  await committee.reload()
  await shown(committee, PROBLEM).waitFor({ timeout: 30_000 })
  await tap(committee, '标为重点')
  await shown(committee, '重点问题', { exact: true }).waitFor()
  await shown(committee, '取消重点').waitFor()
  await screenshot(committee, 'survey-02-committee-key')
  await tap(committee, '结束调研')
  await confirmModal(committee)
  await shown(committee, '已结束', { exact: true }).waitFor()
  await screenshot(committee, 'survey-03-closed')
})
