import { screenshot } from './browser'
import { confirmModal, fill, openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('guide')
const COMMITTEE = '卢思琪' // p057
const SECRETARY = '李建国' // p043, 城区供电所党支部: in 2026 only a draft (prj-011), nothing proposed
// The demo's 选题 year: its guide is published and its window runs until 60 days after the demo was loaded.
const GUIDE = '/packages/admin/pages/guide/index?year=2026'
const PROBLEM = '城区故障报修响应慢，群众等不及修'
const FOCUS = '以问题为导向，围绕调研梳理的重点问题选题，每个项目破解一类难题。'

test('the committee publishes the guide, a secretary proposes against a key problem, the committee sees it taken up', async () => {
  const committee = await journey.signInAs(COMMITTEE)
  await openPage(committee, GUIDE)
  await shown(committee, '7/8 个支部已申报').waitFor({ timeout: 30_000 })
  await shown(committee, '尚无支部选题', { exact: true }).waitFor()
  await tap(committee, '修改指南')
  await fill(committee, '重点方向', FOCUS)
  await tap(committee, '发布修改')
  await confirmModal(committee)
  await shown(committee, '修改了重点方向').waitFor()
  await screenshot(committee, 'guide-01-committee-published')

  const secretary = await journey.signInAs(SECRETARY)
  await openPage(secretary, '/pages/proposal/index?id=prj-011')
  await shown(secretary, /2026 年选题指南：立项申报进行中/).waitFor({ timeout: 30_000 })
  // The draft already names this key problem (the demo links it); the secretary keeps it ticked.
  await secretary.getByRole('checkbox', { name: `${PROBLEM}（已关联）` }).waitFor()
  await fill(secretary, '谁来做', '城区供电所党支部书记负责，每个网格一名党员。')
  await fill(secretary, '怎么做', '划分服务网格，党员通过微信群受理报修，30 分钟内联系到户。')
  await fill(secretary, '何时做', '2026年全年。')
  await fill(secretary, '做到什么程度', '报修响应时间缩短一半，群众满意率 95% 以上。')
  await screenshot(secretary, 'guide-02-secretary-links-problem')
  await tap(secretary, '提交立项')
  await confirmModal(secretary)
  await shown(secretary, /立项表已提交|已提交立项|待立项审批/)
    .first()
    .waitFor({ timeout: 30_000 })

  await committee.reload()
  await shown(committee, '8/8 个支部已申报').waitFor({ timeout: 30_000 })
  await shown(committee, '已选题：城区供电所党支部').waitFor()
  await shown(committee, '每个重点问题都已有支部选题').waitFor()
  await screenshot(committee, 'guide-03-committee-taken-up')
})
