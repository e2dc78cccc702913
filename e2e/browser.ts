import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'

export const SHOTS = join(__dirname, '..', 'e2e-results')

/** Debian's Chromium, with the flags this closed network needs (ARCHITECTURE.md, Environment facts). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone-sized page, as members see the app. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    // The app honours reduced motion: pages appear in place instead of sliding, so nothing moves under a tap.
    reducedMotion: 'reduce',
  })
  return context.newPage()
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true })
  const file = join(SHOTS, `${name}.png`)
  await settled(page)
  await page.screenshot({ path: file })
  return file
}

/**
 * Taro H5's own signal that navigation is over: a page on its way in lacks `taro_page_stationed` until it has
 * landed, a page on its way out keeps its node until it is unloaded, and once done exactly one page is
 * displayed (Taro hides the others with display: none). Waits until no page is in between.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(`(() => {
    const pages = [...document.querySelectorAll('.taro_page')]
    if (pages.some((p) => !p.classList.contains('taro_page_shade') && !p.classList.contains('taro_page_stationed')))
      return false
    return pages.filter((p) => getComputedStyle(p).display !== 'none').length <= 1
  })()`)
}

/**
 * How long a journey waits for the app's own signal (a text, a count, a ready mark) before calling it missing. A
 * ceiling, not a speed goal: on a 2-core machine with two CPU-bound processes beside CI, one function call under
 * the `cloud` profile can take several seconds, and a page makes a few.
 */
export const WAIT_MS = 30_000

/** Waits until `read()` gives a value that `ok` accepts, and returns it: for figures that load after the page. */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 100))
  }
}
