import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startLocalcloud } from '../localcloud/index'
import type { Localcloud } from '../localcloud/index'
import { launchBrowser, phonePage, screenshot, settled } from './browser'

/** A fresh demo company on localcloud and a browser, for one test file's journeys through the H5 app. */
export interface Journey {
  cloud: () => Localcloud
  /** A phone signed in on the dev page as the person whose button shows `name`. */
  signInAs: (name: string) => Promise<Page>
  /** A phone of its own, not signed in (e.g. for a 职工群众 guest). */
  newPhone: () => Promise<Page>
}

/** Sets up beforeAll/afterAll/afterEach; on failure each phone's last screen is saved as `<name>-last-N`. */
export function setUpJourney(name: string): Journey {
  let cloud: Localcloud
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), `dj-e2e-${name}-`))
  const opened: Page[] = []
  jest.setTimeout(180_000)

  beforeAll(async () => {
    cloud = await startLocalcloud({
      port: 0,
      dbFile: join(dir, 'e2e.sqlite'),
      storageDir: join(dir, 'files'),
      seed: true,
    })
    browser = await launchBrowser()
  })
  afterEach(async () => {
    // What each phone showed when the journey stopped: the first thing to look at when it fails.
    for (const [i, page] of opened.entries())
      await screenshot(page, `${name}-last-${i}`).catch(() => undefined)
  })
  afterAll(async () => {
    await browser?.close()
    await cloud?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const newPhone = async () => {
    const page = await phonePage(browser)
    page.setDefaultTimeout(15_000)
    opened.push(page)
    return page
  }
  return {
    cloud: () => cloud,
    newPhone,
    async signInAs(person: string) {
      const page = await newPhone()
      await page.goto(cloud.url + '/dev/sign-in')
      await page.getByRole('button', { name: new RegExp(person) }).click()
      await shown(page, `你好，${person}`).waitFor({ timeout: 30_000 })
      return page
    },
  }
}

/** Taro's H5 showModal: the confirmation a person taps before an irreversible step. */
export async function confirmModal(page: Page) {
  await page.locator('.taro__modal .taro-model__confirm').filter({ visible: true }).click()
}

/** Taro H5 wraps each input in a custom element that carries the label; type into the real field inside. */
export async function fill(page: Page, label: string, value: string) {
  await page.locator(`[aria-label="${label}"]`).locator('input, textarea').first().fill(value)
}

/** Taro H5 keeps the pages behind the current one in the DOM, hidden: look only at what a person sees. */
export function shown(page: Page, text: string | RegExp, options?: { exact?: boolean }) {
  return page.getByText(text, options).filter({ visible: true })
}

/** NutUI buttons: the button element takes the tap, not the text inside it. */
export async function tap(page: Page, text: string) {
  await settled(page)
  await page.locator('.nut-button', { hasText: text }).filter({ visible: true }).first().click()
}

/** Opens an app page by its address, as a link or a share card would: a fresh load of the H5 app. */
export async function openPage(page: Page, path: string) {
  const origin = new URL(page.url()).origin
  await page.goto(`${origin}/#${path}`)
  await page.reload()
}

/**
 * Switches tab as a person taps it, and waits until the tab's page is the one displayed: text the two pages
 * share (a status word, a title) would otherwise still be found on the page being left.
 */
export async function tabBar(page: Page, label: string) {
  await settled(page)
  const item = page.locator('.weui-tabbar__item', { hasText: label })
  if (await item.evaluate((el) => el.classList.contains('weui-bar__item_on'))) return
  await page.evaluate(`(() => {
    const shown = [...document.querySelectorAll('.taro_page')].find((p) => getComputedStyle(p).display !== 'none')
    if (shown) shown.dataset.e2eLeaving = '1'
  })()`)
  await item.click()
  await page.waitForFunction(`(() => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    return shown.length === 1 && !shown[0].dataset.e2eLeaving
  })()`)
  await page.evaluate(
    `document.querySelectorAll('[data-e2e-leaving]').forEach((p) => delete p.dataset.e2eLeaving)`,
  )
  await settled(page)
}

/** Taro H5's picker: open it from its row and accept the choice shown (the first member, or today). */
export async function pickFirst(page: Page, rowText: string) {
  await shown(page, rowText).first().click()
  const picker = page.locator('.weui-picker').filter({ visible: true })
  await picker.getByText('确定').click()
  await picker.waitFor({ state: 'hidden' })
}
