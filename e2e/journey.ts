import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { startLocalcloud } from '../localcloud/index'
import type { Localcloud } from '../localcloud/index'
import { INIT_TIMEOUT_MS } from '../localcloud/worker/pool'
import { readMiniCode } from '../localcloud/read-mini-code'
import { WAIT_MS, eventually, launchBrowser, phonePage, screenshot, settled } from './browser'

/** A fresh demo company on localcloud and a browser, for one test file's journeys through the H5 app. */
export interface Journey {
  cloud: () => Localcloud
  /** A phone signed in on the dev page as the person whose button shows `name`. */
  signInAs: (name: string) => Promise<Page>
  /** A phone of its own, not signed in (e.g. for a 职工群众 guest). */
  newPhone: () => Promise<Page>
  /** A phone of a WeChat user the company has not registered: on the app, ready to bind with an invite. */
  newcomer: () => Promise<Page>
  /**
   * What `npm run deploy -- --bootstrap 姓名,手机号` does in a fresh environment: the first committee member,
   * and the invite code (XXXX-XXXX) they bind with. Only in a journey set up `empty`.
   */
  bootstrapCommittee: (name: string, phone: string) => Promise<string>
}

export interface JourneyOptions {
  /** An empty company (a fresh deploy) instead of the demo one. */
  empty?: boolean
}

/** Sets up beforeAll/afterAll/afterEach; on failure each phone's last screen is saved as `<name>-last-N`. */
export function setUpJourney(name: string, options: JourneyOptions = {}): Journey {
  let cloud: Localcloud
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), `dj-e2e-${name}-`))
  const opened: Page[] = []

  beforeAll(async () => {
    cloud = await startLocalcloud({
      port: 0,
      dbFile: join(dir, 'e2e.sqlite'),
      storageDir: join(dir, 'files'),
      seed: !options.empty,
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
    page.setDefaultTimeout(WAIT_MS)
    // Loading the H5 app itself (a link, a reload) waits for its bundles, slow on a loaded machine; what the
    // app shows afterwards is still waited for with the 15 s above and the app's own signals.
    page.setDefaultNavigationTimeout(INIT_TIMEOUT_MS)
    opened.push(page)
    return page
  }
  return {
    cloud: () => cloud,
    newPhone,
    async newcomer() {
      const page = await newPhone()
      await page.goto(cloud.url + '/dev/sign-in')
      await page.locator('button[data-role="newcomer"]').click()
      await page.waitForURL(/#\//)
      return page
    },
    async bootstrapCommittee(person: string, phone: string) {
      // The deploy's own call: signed with the environment's keys, no WeChat user (SOURCE scf).
      const res = (await cloud.invoke(
        'org',
        { action: 'bootstrapCommittee', payload: { name: person, phone } },
        { openid: '', source: 'scf' },
      )) as { ok: boolean; data?: { code: string }; message?: string }
      if (!res.ok || !res.data) throw new Error(`bootstrap refused: ${res.message}`)
      return res.data.code
    },
    async signInAs(person: string) {
      const page = await newPhone()
      await page.goto(cloud.url + '/dev/sign-in')
      await page.getByRole('button', { name: new RegExp(person) }).click()
      await shown(page, `你好，${person}`).waitFor({ timeout: 30_000 })
      return page
    },
  }
}

/** A call to a cloud function as the person signed in on this phone, as the app makes it. */
export async function call(page: Page, fn: string, action: string, payload: unknown) {
  const res = await page.evaluate(
    async ([f, a, p]) => {
      const r = await fetch(`/fn/${f}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: a, payload: p }),
      })
      return (await r.json()) as { ok: boolean; data?: unknown; message?: string }
    },
    [fn, action, payload] as const,
  )
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.message}`)
  return res.data as Record<string, unknown>
}

/** A real JPEG from the browser itself: the gateway checks the bytes, not only the name. */
export function jpeg(page: Page): Promise<Buffer> {
  return page.screenshot({ type: 'jpeg', quality: 60, clip: { x: 0, y: 0, width: 200, height: 200 } })
}

/** Adds a photo through the form's 添加照片, as the phone's album would, and waits until the form shows it. */
export async function attachPhoto(page: Page, name: string) {
  const photo = await jpeg(page)
  const chooser = page.waitForEvent('filechooser')
  await page.getByLabel('添加照片').filter({ visible: true }).first().click()
  await (await chooser).setFiles({ name, mimeType: 'image/jpeg', buffer: photo })
  await page.getByLabel('照片 1', { exact: true }).filter({ visible: true }).waitFor()
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

/**
 * Taro H5's one-column picker: open it from its row, tap `choice` in the column, wait until the column has moved
 * it under the indicator (the picker's own transform: 102px less 34px a row), and accept it.
 */
export async function pickOption(page: Page, row: Locator, choice: string) {
  await settled(page)
  await row.click()
  const picker = page.locator('.weui-picker').filter({ visible: true })
  await picker.waitFor()
  const items = picker.locator('.weui-picker__item')
  const index = (await items.allInnerTexts()).map((t) => t.trim()).indexOf(choice)
  if (index < 0) throw new Error(`picker has no choice ${choice}`)
  const box = await items.nth(index).boundingBox()
  if (!box) throw new Error(`picker choice ${choice} is not laid out`)
  // The column's mask lies over its items and takes the tap, as a finger's would.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  const content = picker.locator('.weui-picker__content').first()
  const moved = await eventually(
    () => content.evaluate((el) => (el as HTMLElement).style.transform),
    (t) => t.includes(`${102 - 34 * index}px`),
  )
  if (!moved.includes(`${102 - 34 * index}px`)) throw new Error(`picker did not take ${choice}: ${moved}`)
  await picker.getByText('确定').click()
  await picker.waitFor({ state: 'hidden' })
}

/** Where a column of Taro H5's picker stands: the row under the indicator, read from the column's own transform. */
async function pickerRow(content: Locator): Promise<number> {
  const transform = await content.evaluate((el) => (el as HTMLElement).style.transform)
  const y = Number(/translate3d\(0(?:px)?, (-?[\d.]+)px/.exec(transform)?.[1])
  return Math.round((102 - y) / 34)
}

/**
 * Taro H5's date picker (年, 月, 日 columns): open it from its row and turn each column to `day` (YYYY-MM-DD) as a
 * finger taps the rows above or below the indicator. The picker reads a tap by its distance from the middle of its
 * body (238 px high at the bottom of the screen, 34 px a row), so a tap moves at most three rows; each move is
 * waited for in the column's own transform before the next.
 */
export async function pickDate(page: Page, row: Locator, day: string) {
  await settled(page)
  await row.click()
  const picker = page.locator('.weui-picker').filter({ visible: true })
  await picker.waitFor()
  const [y, m, d] = day.split('-')
  const middle = (page.viewportSize()?.height ?? 844) - 238 / 2
  for (const [column, text] of [`${y}年`, `${m}月`, `${d}日`].entries()) {
    const group = picker.locator('.weui-picker__group').nth(column)
    const content = group.locator('.weui-picker__content')
    const index = (await group.locator('.weui-picker__item').allInnerTexts())
      .map((t) => t.trim())
      .indexOf(text)
    if (index < 0) throw new Error(`date picker has no ${text}`)
    const box = await group.boundingBox()
    if (!box) throw new Error('date picker column is not laid out')
    for (let taps = 0; ; taps++) {
      const at = await pickerRow(content)
      if (at === index) break
      if (taps > 60) throw new Error(`date picker did not reach ${text} (at row ${at})`)
      const step = Math.max(-3, Math.min(3, index - at))
      await page.mouse.click(box.x + box.width / 2, middle + step * 34)
      const moved = await eventually(
        () => pickerRow(content),
        (r) => r === at + step,
      )
      if (moved !== at + step)
        throw new Error(`date picker column ${column} did not move to row ${at + step}`)
    }
  }
  await picker.getByText('确定').click()
  await picker.waitFor({ state: 'hidden' })
}

/** Brings what a person would scroll to into the middle of the screen, for the picture. */
export async function scrollTo(target: Locator) {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }))
}

/**
 * Waits until the page shows no loading state (the app's own signal that its first reads answered). A first call
 * to a function may start an instance, which under the cloud profile on a loaded machine can take most of the
 * platform's initialisation timeout (localcloud's INIT_TIMEOUT_MS), so this waits that long.
 */
export async function loaded(page: Page) {
  await settled(page)
  await page.waitForFunction(
    `![...document.querySelectorAll('.loading-state')].some((el) => el.checkVisibility())`,
    undefined,
    { timeout: INIT_TIMEOUT_MS },
  )
}

/** A segment tab (分片设置, 督导记录…) tapped once the page has landed; waits until it is the one selected. */
export async function segmentTab(page: Page, label: string) {
  await settled(page)
  const tab = page.getByRole('tab', { name: label, exact: true }).filter({ visible: true }).first()
  // The tabs head the page: a person scrolled down swipes back up to them first.
  await scrollTo(tab)
  await tab.click()
  await page
    .locator('.segment-tabs__tab--active', { hasText: label })
    .filter({ visible: true })
    .first()
    .waitFor()
  await loaded(page)
}

/**
 * The phone's dialer, for a page that dials (电话调度). Taro H5 dials by sending the page to a `tel:` link, which
 * headless Chromium answers with an external-protocol prompt that, a few seconds later, swallows every tap on the
 * page. A phone would open its dialer and come back to the app; here the app's `tel:` link is noted instead (read
 * it with `dialed`). Set before the page loads the app (`openPage` reloads it).
 */
export async function withDialer(page: Page) {
  await page.route(/\/js\/[^/]+\.js$/, async (route) => {
    const response = await route.fetch()
    const body = (await response.text()).replace(
      /window\.location\.href=(`tel:\$\{\w+\}`)/g,
      '(window.__dialed=window.__dialed||[]).push($1)',
    )
    await route.fulfill({ response, body })
  })
}

/** The numbers the page has dialed, as `tel:` links. */
export async function dialed(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __dialed?: string[] }).__dialed ?? [])
}

/** A 立项表 as the secretary writes it: its name, slogan and the 问题导向 with the 六个要素 in order. */
export interface ProposalText {
  title: string
  slogan: string
  problem: string
  /** 做什么, 为什么做, 谁来做, 怎么做, 何时做, 做到什么程度. */
  elements: [string, string, string, string, string, string]
}

const ELEMENTS = ['做什么', '为什么做', '谁来做', '怎么做', '何时做', '做到什么程度'] as const

/** From the home page: 新建立项, a 基础规范项目 written out, and the draft saved (not yet submitted). */
export async function draftProposal(page: Page, p: ProposalText) {
  await shown(page, '新建立项').click()
  await fill(page, '项目名称', p.title)
  await page.getByRole('radio', { name: '基础规范项目' }).click()
  await fill(page, '口号', p.slogan)
  await fill(page, '问题导向（要解决的问题）', p.problem)
  for (const [k, label] of ELEMENTS.entries()) await fill(page, label, p.elements[k])
  await shown(page, '已保存').waitFor()
}

/**
 * On a branch's roster (支部党员名册): makes `name`'s one-time invite, and answers the code as typed and what a
 * phone camera reads from its 小程序码 (the page it opens and the scene it carries).
 */
export async function makeInvite(page: Page, name: string) {
  const row = page.locator('.member-invite-row', { hasText: name }).filter({ visible: true })
  await row.locator('.nut-button', { hasText: '生成邀请码' }).click()
  await shown(page, `${name}的邀请`).waitFor()
  const qr = page.locator(`[aria-label="${name}的邀请小程序码"]`).filter({ visible: true })
  await qr.waitFor()
  const typed = (await page.locator('.invite-card__code').filter({ visible: true }).innerText()).trim()
  const src = await qr.evaluate((el) =>
    (el.tagName === 'IMG' ? el : el.querySelector('img'))?.getAttribute('src'),
  )
  return { typed, scanned: readMiniCode(src ?? '') }
}

/** A one-task plan: its task given to `assignee`, one milestone with all 五个明确 (its owner and date the first offered). */
export interface PlanText {
  task: string
  assignee: string
  milestone: string
  standard: string
  goal: string
}

/** On a project just approved: 编写计划书 with one task and one milestone, saved; the project page is back. */
export async function writePlan(page: Page, p: PlanText) {
  await tap(page, '编写计划书')
  // A new plan opens with one empty task holding one empty milestone.
  await fill(page, '任务名称', p.task)
  await page.getByRole('checkbox', { name: p.assignee }).filter({ visible: true }).first().click()
  await fill(page, '里程碑名称', p.milestone)
  await fill(page, '进度（权重）', '100')
  await pickFirst(page, '请选择责任人')
  await pickFirst(page, '请选择日期')
  await fill(page, '质量标准', p.standard)
  await fill(page, '预期目标', p.goal)
  await shown(page, '✓ 五个明确已齐全').waitFor()
}

/** 保存计划书, then 开始实施 once asked: the project is 实施中. */
export async function startPlan(page: Page, title: string) {
  await tap(page, '保存计划书')
  await page.locator('.project-header').getByText(title).waitFor()
  await tap(page, '开始实施')
  await confirmModal(page)
  await shown(page, '实施中').first().waitFor()
}
