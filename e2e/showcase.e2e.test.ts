import { screenshot } from './browser'
import { confirmModal, shown, tap } from './journey'
import { setUpJourney } from './journey'

const journey = setUpJourney('showcase')
const MEMBER = '曹泽宇' // p004, 运维部党支部
const SECRETARY = '周晓东' // p001, 运维部党支部

test('a member reads the 2025 十佳 from the home page; a secretary 借鉴s one into a draft that says where it came from', async () => {
  const member = await journey.signInAs(MEMBER)
  await shown(member, '十佳风采').first().click()
  await shown(member, '2025 年十佳精品项目').waitFor({ timeout: 30_000 })
  await shown(member, '第 1 名').waitFor()
  await screenshot(member, 'showcase-01-member-list')
  await tap(member, '看经验')
  await shown(member, '破解的难题').waitFor({ timeout: 30_000 })
  await screenshot(member, 'showcase-02-member-detail')

  const secretary = await journey.signInAs(SECRETARY)
  await shown(secretary, '十佳风采').first().click()
  await shown(secretary, '2025 年十佳精品项目').waitFor({ timeout: 30_000 })
  await tap(secretary, '看经验')
  await shown(secretary, '破解的难题').waitFor({ timeout: 30_000 })
  await tap(secretary, '借鉴这个项目，起草本支部立项表')
  await confirmModal(secretary)
  await shown(secretary, /^借鉴自 2025 年十佳第 1 名/).waitFor({ timeout: 30_000 })
  await screenshot(secretary, 'showcase-03-borrowed-draft')
})
