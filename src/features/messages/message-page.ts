import Taro from '@tarojs/taro'
import { routes } from '@/routes'

const pathOf = (url: string) => url.split('?')[0]

/** The pages of app.config.ts tabBar: WeChat opens them only with switchTab, and without a query. */
const TAB_PAGES: ReadonlySet<string> = new Set([
  routes.home,
  routes.checkin,
  routes.approvals,
  routes.messages,
  routes.mine,
])

// `routes` is the app's one list of addresses; a message may open only a page that exists in this build.
const APP_PAGES: ReadonlySet<string> = new Set(
  Object.values(routes).map((route) =>
    pathOf(typeof route === 'string' ? route : (route as (...ids: string[]) => string)('id', 'id')),
  ),
)

/** Where a message leads, or null for an empty page or one this version of the app does not have. */
export function messageTarget(page: string): { url: string; tab: boolean } | null {
  const url = page.trim() === '' ? '' : page.startsWith('/') ? page : `/${page}`
  const path = pathOf(url)
  if (!APP_PAGES.has(path)) return null
  return TAB_PAGES.has(path) ? { url: path, tab: true } : { url, tab: false }
}

/** Opens a message's page: a tab with switchTab, any other page on top of 消息. False when there is none. */
export function openMessagePage(page: string): boolean {
  const target = messageTarget(page)
  if (!target) return false
  void (target.tab ? Taro.switchTab({ url: target.url }) : Taro.navigateTo({ url: target.url }))
  return true
}
