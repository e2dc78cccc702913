import type { Page } from 'playwright-core'
import { screenshot, settled } from './browser'
import { openPage, setUpJourney, shown } from './journey'

const journey = setUpJourney('navigation')
const MEMBER = '曹泽宇' // p004, 运维部党支部: prj-001 is on the home page
const PROJECT = '党员干部施工项目全程负责制'

/** The pages Taro H5 displays (it hides the others with display: none). */
const displayedPages = (page: Page): Promise<string[]> =>
  page.evaluate(
    `[...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.id.split('?')[0])`,
  )

test('a page opened from a link has 返回首页; a tab page and a page opened from another do not', async () => {
  const page = await journey.signInAs(MEMBER)
  expect(await page.locator('.way-home').count()).toBe(0)

  // A shared link to the 四公开 page: nothing behind it, so the way home is offered.
  await openPage(page, '/pages/public/index?id=prj-013')
  await shown(page, '返回首页').waitFor({ timeout: 30_000 })
  await screenshot(page, 'navigation-01-shared-link')
  await shown(page, '返回首页').click()
  await shown(page, `你好，${MEMBER}`).waitFor({ timeout: 30_000 })
  await settled(page)
  expect(await page.locator('.way-home').count()).toBe(0)

  // Opened from home, the project page has Back: no bar.
  await shown(page, PROJECT).first().click()
  await shown(page, '概况').first().waitFor({ timeout: 30_000 })
  await settled(page)
  expect(await page.locator('.way-home').count()).toBe(0)
})

test('a fast Back returns to a page that is shown, not a blank screen', async () => {
  const page = await journey.signInAs(MEMBER)
  // Back at once, and a little later: each time 首页 is the page displayed, with its content.
  for (const after of [0, 30, 120, 400]) {
    await settled(page)
    await shown(page, PROJECT).first().click()
    // The earliest a person can press Back: the project page is shown (its header). Back before that races the
    // app's own navigation, which a person cannot do; the router's 350 ms hide timer is still running then.
    await page.locator('.project-header').filter({ visible: true }).waitFor()
    if (after > 0) await page.waitForTimeout(after)
    await page.goBack()
    await shown(page, `你好，${MEMBER}`).waitFor()
    await settled(page)
    // The blank came from a router timer firing 350 ms after the page was opened. Wait past it: this wait can only
    // hide the fault on a very slow machine (a late timer), never fail a working app.
    await page.waitForTimeout(1_000)
    expect({ after, pages: await displayedPages(page) }).toEqual({ after, pages: ['/pages/index/index'] })
    await expect(shown(page, `你好，${MEMBER}`).isVisible()).resolves.toBe(true)
  }
  await screenshot(page, 'navigation-02-after-fast-back')
})
