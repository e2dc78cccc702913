/**
 * Just enough of the WeChat mini-program host to run the built dist/ in node: the wx API object,
 * App/Page/Component registration and page instances whose setData applies Taro's path updates.
 */

type Json = Record<string, unknown>
type Handler = (data: Json) => Json | Promise<Json>

/** A recorded call to wx.* */
export interface WxCall {
  api: string
  options: unknown
}

/** What wx.cloud.callFunction answers, keyed by "fn.action". */
export type CloudRoutes = Record<string, Handler>

export interface FakeHost {
  wx: Json
  calls: WxCall[]
  cloudCalls: { name: string; data: Json }[]
  apps: Json[]
  pages: Json[]
  components: Json[]
  install(target: Record<string, unknown>): void
  createApp(): PageLike
  createPage(route: string): PageLike
  currentPages: PageLike[]
}

export interface PageLike extends Json {
  data: Json
  route: string
  setData(update: Json, callback?: () => void): void
  setDataCount: number
  /** A copy of `data` as the first setData left it: what the view layer renders first. */
  firstData?: Json
}

/** Splits Taro's data paths ("root.cn.[0].cn[2].v") into keys and indices. */
export function parsePath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** Applies one setData key the way the mini-program host does: creating containers on the way. */
export function applyPath(target: Json, path: string, value: unknown): void {
  const keys = parsePath(path)
  let node: Record<string | number, unknown> = target
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value
      return
    }
    const next = node[key]
    if (typeof next !== 'object' || next === null) {
      node[key] = typeof keys[i + 1] === 'number' ? [] : {}
    }
    node = node[key] as Record<string | number, unknown>
  })
}

export function createHost(routes: CloudRoutes): FakeHost {
  const calls: WxCall[] = []
  const cloudCalls: { name: string; data: Json }[] = []
  const apps: Json[] = []
  const pages: Json[] = []
  const components: Json[] = []
  const currentPages: PageLike[] = []
  let appInstance: PageLike | undefined

  const asyncApi =
    (api: string, result: Json = {}) =>
    (options: Json = {}) => {
      calls.push({ api, options })
      const res = { errMsg: `${api}:ok`, ...result }
      const success = options.success as ((r: Json) => void) | undefined
      const complete = options.complete as ((r: Json) => void) | undefined
      success?.(res)
      complete?.(res)
    }
  const syncApi = (api: string, result: unknown) => (options?: unknown) => {
    calls.push({ api, options })
    return result
  }

  const windowInfo = {
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 47,
    safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 },
  }
  const systemInfo = {
    ...windowInfo,
    brand: 'devtools',
    model: 'iPhone 12',
    system: 'iOS 16',
    platform: 'devtools',
    version: '8.0.50',
    SDKVersion: '3.7.0',
    language: 'zh_CN',
  }

  const wx: Json = {
    getSystemInfoSync: syncApi('getSystemInfoSync', systemInfo),
    getWindowInfo: syncApi('getWindowInfo', windowInfo),
    getDeviceInfo: syncApi('getDeviceInfo', { platform: 'devtools', system: 'iOS 16', model: 'iPhone 12' }),
    getAppBaseInfo: syncApi('getAppBaseInfo', { SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50' }),
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getStorageSync: syncApi('getStorageSync', ''),
    setStorageSync: syncApi('setStorageSync', undefined),
    showToast: asyncApi('showToast'),
    hideToast: asyncApi('hideToast'),
    showLoading: asyncApi('showLoading'),
    hideLoading: asyncApi('hideLoading'),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh'),
    showModal: asyncApi('showModal', { confirm: true, cancel: false }),
    navigateTo: asyncApi('navigateTo'),
    navigateBack: asyncApi('navigateBack'),
    redirectTo: asyncApi('redirectTo'),
    switchTab: asyncApi('switchTab'),
    pageScrollTo: asyncApi('pageScrollTo'),
    setTabBarBadge: asyncApi('setTabBarBadge'),
    removeTabBarBadge: asyncApi('removeTabBarBadge'),
    createSelectorQuery: syncApi('createSelectorQuery', {
      select: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }),
      selectAll: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }),
      in: () => undefined,
      exec: () => undefined,
    }),
    cloud: {
      init: (options: unknown) => {
        calls.push({ api: 'cloud.init', options })
      },
      callFunction: async (options: { name: string; data: Json }) => {
        calls.push({ api: 'cloud.callFunction', options })
        cloudCalls.push({ name: options.name, data: options.data })
        const key = `${options.name}.${String(options.data.action)}`
        const handler = routes[key]
        // An unknown function fails the way WeChat does, by rejecting.
        if (!handler) throw { errMsg: `cloud.callFunction:fail no canned answer for ${key}` }
        const result = await handler(options.data)
        return { errMsg: 'cloud.callFunction:ok', result, requestID: 'fake' }
      },
    },
  }

  const instantiate = (config: Json, route: string) => instantiatePage(config, route, wx)

  return {
    wx,
    calls,
    cloudCalls,
    apps,
    pages,
    components,
    currentPages,
    install(target) {
      target.wx = wx
      target.App = (config: Json) => {
        apps.push(config)
      }
      target.Page = (config: Json) => {
        pages.push(config)
      }
      target.Component = (config: Json) => {
        components.push(config)
      }
      target.Behavior = (config: Json) => config
      target.getApp = () => appInstance ?? apps.at(-1) ?? {}
      target.getCurrentPages = () => currentPages
      target.requirePlugin = () => ({})
    },
    createApp() {
      if (apps.length === 0) throw new Error('App() was never called')
      appInstance = instantiate(apps[0], '')
      return appInstance
    },
    createPage(route) {
      const config = pages.at(-1)
      if (!config) throw new Error(`Page() was never called for ${route}`)
      const page = instantiate(config, route)
      currentPages.push(page)
      return page
    },
  }
}

/**
 * A page (or App) instance as the host makes one from its registered config: `data` copied, `setData` applying
 * Taro's path updates and calling back later, as the view layer does after rendering.
 */
export function instantiatePage(config: Json, route: string, wx: Json): PageLike {
  const instance = Object.create(config) as PageLike
  instance.data = JSON.parse(JSON.stringify(config.data ?? {})) as Json
  instance.route = route
  instance.__route__ = route
  instance.setDataCount = 0
  instance.setData = function setData(update: Json, callback?: () => void) {
    this.setDataCount++
    for (const [path, value] of Object.entries(update)) applyPath(this.data, path, value)
    if (this.setDataCount === 1) this.firstData = JSON.parse(JSON.stringify(this.data)) as Json
    // The host calls back after the view layer has rendered: later, never synchronously.
    if (callback) setTimeout(callback, 0)
  }
  instance.selectComponent = () => null
  instance.selectAllComponents = () => []
  instance.createSelectorQuery = wx.createSelectorQuery
  instance.getOpenerEventChannel = () => ({ on: () => undefined, emit: () => undefined })
  return instance
}

/** Every text value in a Taro data tree, in document order. */
export function textsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((child) => textsOf(child, out))
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'v' && typeof value === 'string') out.push(value)
      else textsOf(value, out)
    }
  }
  return out
}
