import type { Page } from 'playwright-core'
import { buildDemoOrg } from '../localcloud/seed/org'
import { screenshot } from './browser'
import { setUpJourney } from './journey'

const journey = setUpJourney('sign-in')
const member = buildDemoOrg().people.find((p) => p._id === 'p002')!

test('a member signs in on the dev page and sees their projects', async () => {
  const page = await journey.newPhone()
  await page.goto(journey.cloud().url + '/')
  await page.waitForURL('**/dev/sign-in')
  await screenshot(page, '01-dev-sign-in')

  await page.getByRole('button', { name: new RegExp(member.name) }).click()
  await page.getByText(`你好，${member.name}`).waitFor({ timeout: 30_000 })
  await page.getByText('党员干部施工项目全程负责制').waitFor()
  await expectVisible(page, '运维部党支部')
  await expectVisible(page, '实施中')
  await screenshot(page, '02-home-member')
})

async function expectVisible(page: Page, text: string) {
  await expect(page.getByText(text).first().isVisible()).resolves.toBe(true)
}
