import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { startLocalcloud } from '../localcloud/index'
import type { Localcloud } from '../localcloud/index'
import { buildDemoOrg } from '../localcloud/seed/org'
import { launchBrowser, phonePage, screenshot } from './browser'

let cloud: Localcloud
let browser: Browser
const dir = mkdtempSync(join(tmpdir(), 'dj-e2e-'))
const member = buildDemoOrg().people.find((p) => p._id === 'p002')!

beforeAll(async () => {
  cloud = await startLocalcloud({
    port: 0,
    dbFile: join(dir, 'e2e.sqlite'),
    storageDir: join(dir, 'files'),
    seed: true,
  })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a member signs in on the dev page and sees their projects', async () => {
  const page = await phonePage(browser)
  await page.goto(cloud.url + '/')
  await page.waitForURL('**/dev/sign-in')
  await screenshot(page, '01-dev-sign-in')

  await page.getByRole('button', { name: new RegExp(member.name) }).click()
  await page.getByText(`你好，${member.name}`).waitFor({ timeout: 30_000 })
  await page.getByText('党员干部施工项目全程负责制').waitFor()
  await expectVisible(page, '运维部党支部')
  await expectVisible(page, '实施中')
  await screenshot(page, '02-home-member')
})

async function expectVisible(page: Awaited<ReturnType<typeof phonePage>>, text: string) {
  await expect(page.getByText(text).first().isVisible()).resolves.toBe(true)
}
