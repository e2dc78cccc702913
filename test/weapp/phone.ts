/**
 * A phone running the built mini-program (dist/) against localcloud, in this process.
 *
 * Each Phone is one person's WeChat: its own `wx` object, its own copy of the app's modules (the webpack chunks
 * register into `wx.webpackJsonp`, so two phones never share a store), its own page stack and its own storage
 * (kept per person, so a phone opened again by the same person finds what the app left there). Every
 * `wx.cloud.callFunction` runs the real function bundle with the real wx-server-sdk on localcloud's seeded database,
 * as that person's openid (SOURCE wx_client), under the cloud's profile. `wx.cloud.uploadFile` writes into
 * localcloud storage. Navigation APIs load the target page's built JS (subpackages too) and run its lifecycle
 * with the query, as WeChat does (values not decoded). Dialogs (`showModal`, `requestSubscribeMessage`) wait
 * for the test to answer them, like a person would; toasts are recorded.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Localcloud } from '../../localcloud/index'
import { runAs } from '../../localcloud/identity'
import { grantSubscription } from '../../localcloud/openapi'
import { uploadPath } from '../../domain/files'
import { createHost, instantiatePage, textsOf, type PageLike, type WxCall } from './fake-wx'

type Json = Record<string, unknown>
type Callbacks = { success?: (r: Json) => void; fail?: (r: Json) => void; complete?: (r: Json) => void }

export const DIST = path.resolve(__dirname, '..', '..', 'dist')

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

export function readAppJson(): AppJson {
  const file = path.join(DIST, 'app.json')
  if (!fs.existsSync(file)) throw new Error(`No weapp build in ${DIST}: run npm run build:weapp.`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson
}

/** Every page of the build, main package first, then each subpackage's, as app.json lists them. */
export function allRoutes(app: AppJson = readAppJson()): string[] {
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

// ---- loading the built JS: compiled once per file, evaluated once per phone -----------------------------------

const GLOBALS = [
  'require',
  'module',
  'exports',
  'wx',
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'requirePlugin',
  'setTimeout',
  'clearTimeout',
  'setImmediate',
  'clearImmediate',
] as const
type ModuleFn = (...args: unknown[]) => void
const compiled = new Map<string, ModuleFn>()

function compile(file: string): ModuleFn {
  let fn = compiled.get(file)
  if (!fn) {
    const code = fs.readFileSync(file, 'utf8')
    // A function of the host's globals: each phone passes its own, so phones never share a module.
    fn = new Function(...GLOBALS, `${code}\n//# sourceURL=${file}`) as ModuleFn
    compiled.set(file, fn)
  }
  return fn
}

// ---- what a person's phone keeps between launches ---------------------------------------------------------

/** wx.setStorageSync per person (by openid): survives closing the app, as a phone's storage does. */
const storages = new Map<string, Map<string, string>>()
/** Files on the phone: temp paths of chosen photos and the saved copies, to their bytes. */
const files = new Map<string, Buffer>()

/** The smallest valid JPEG: what the camera hands back. */
export const PHOTO_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
)

/** A photo on the phone, as chooseImage / chooseMedia answer it. */
export function takePhoto(bytes: Buffer = PHOTO_JPEG, ext = 'jpg'): string {
  const p = `http://tmp/${randomBytes(8).toString('hex')}.${ext}`
  files.set(p, bytes)
  return p
}

// ---- the phone ---------------------------------------------------------------------------------------------

export interface Person {
  /** The seeded person's id; null for a WeChat user who is no Party member (职工群众). */
  personId: string | null
  openid: string
}

export interface Dialog {
  api: 'showModal' | 'requestSubscribeMessage' | 'showActionSheet' | 'chooseLocation'
  options: Json
  answer(res: Json): void
  /** Answers it as a failure (e.g. the person dismissed it). */
  refuse(errMsg?: string): void
}

export interface Toast {
  title: string
  icon?: string
}

export interface LaunchOptions {
  /** e.g. 'pages/public/index?id=prj-009'; default the home page. */
  path?: string
  /** WeChat's scene: 1001 the mini-program list, 1007 a shared card. */
  scene?: number
  /** Opens the app with no network (default: online). */
  offline?: boolean
}

/** A measured element, as SelectorQuery's boundingClientRect answers it. */
export interface Rect {
  top: number
  height: number
  left?: number
  width?: number
}

/** WeChat refuses navigateTo past ten pages. */
const MAX_STACK = 10

export class Phone {
  readonly calls: WxCall[] = []
  readonly toasts: Toast[] = []
  readonly dialogs: Dialog[] = []
  /** Errors the app logged (console.error inside page code) or threw into the host. */
  readonly errors: string[] = []
  /** Cloud calls made, in order: "fn.action". */
  readonly cloudCalls: string[] = []
  stack: PageLike[] = []
  online = true
  /** What chooseImage / chooseMedia hand back next: local paths from takePhoto(). */
  nextPhotos: string[] = []
  /**
   * The layout the view layer would measure: the rect of the element `selector` names, scrolled as it is now.
   * Without one of its own a page fits on the screen (what a short page does on a phone).
   */
  layout: (selector: string) => Rect | null = () => ({ top: 0, height: 600 })
  /** wx.* names the app called that this host does not provide. */
  readonly unsupported = new Set<string>()

  /** The phone's wx: what the app calls (tests may call it as the app would). */
  readonly wx: Json
  private modules = new Map<string, { exports: unknown }>()
  private registered = new Map<string, Json>()
  private loadingRoute: string | null = null
  private appConfig: Json | null = null
  private app: PageLike | null = null
  private tabs = new Map<string, PageLike>()
  private tabRoutes: Set<string>
  private routes: Set<string>
  private networkListeners: ((r: Json) => void)[] = []
  private inFlight = 0
  /** Timers the app set that are due soon (≤ 1 s): work it has scheduled and not yet done. */
  private timers = new Set<unknown>()
  /** When the app last did something: a cloud call began or ended, a page's data changed. */
  private lastActivity = Date.now()

  constructor(
    readonly cloud: Localcloud,
    readonly person: Person,
  ) {
    const appJson = readAppJson()
    this.routes = new Set(allRoutes(appJson))
    this.tabRoutes = new Set((appJson.tabBar?.list ?? []).map((t) => t.pagePath))
    this.wx = this.buildWx()
  }

  get storage(): Map<string, string> {
    let s = storages.get(this.person.openid)
    if (!s) storages.set(this.person.openid, (s = new Map()))
    return s
  }

  /** The page on screen. */
  get top(): PageLike {
    const page = this.stack.at(-1)
    if (!page) throw new Error('no page is open: call launch() first')
    return page
  }

  /** What the page on screen shows, as text (Taro's data tree, in document order). */
  text(page: PageLike = this.top): string {
    return textsOf(page.data).join('')
  }

  /** Opens the mini-program as WeChat does: App onLaunch and onShow, then the entry page's onLoad, onShow, onReady. */
  async launch(options: LaunchOptions = {}): Promise<PageLike> {
    const { route, query } = splitUrl(options.path ?? 'pages/index/index')
    if (options.offline) this.online = false
    this.require(path.join(DIST, 'app.js'))
    if (!this.appConfig) throw new Error('app.js never called App()')
    this.app = instantiatePage(this.appConfig, '', this.wx)
    const launch = { path: route, query, scene: options.scene ?? 1001 }
    ;(this.app.onLaunch as ((o: unknown) => void) | undefined)?.call(this.app, launch)
    ;(this.app.onShow as ((o: unknown) => void) | undefined)?.call(this.app, launch)
    const page = this.openPage(route, query)
    await this.settled()
    return page
  }

  /** Closes the app: every page unloads (tab pages too), the App hides. Storage stays on the phone. */
  close(): void {
    for (const page of [...this.stack].reverse()) this.unload(page)
    for (const page of this.tabs.values()) if (!this.stack.includes(page)) this.unload(page)
    this.stack = []
    this.tabs.clear()
    ;(this.app?.onHide as (() => void) | undefined)?.call(this.app)
  }

  /** Loses or regains the network: WeChat tells the app through onNetworkStatusChange. */
  setOnline(online: boolean): void {
    this.online = online
    const res = { isConnected: online, networkType: online ? 'wifi' : 'none' }
    for (const listener of this.networkListeners) listener(res)
  }

  /** Navigates as a tap on a link would (wx.navigateTo), and waits for the page to settle. */
  async navigate(url: string): Promise<PageLike> {
    await new Promise<void>((resolve, reject) =>
      (this.wx.navigateTo as (o: Json) => void)({
        url,
        success: () => resolve(),
        fail: (r: Json) => reject(new Error(String(r.errMsg))),
      }),
    )
    await this.settled()
    return this.top
  }

  /**
   * Waits until the app is quiet: no cloud call or upload in flight, and for `quietMs` neither a call nor a change
   * of any page's data. What the page on screen shows then is its settled state.
   */
  async settled(timeoutMs = 20_000, quietMs = 15): Promise<void> {
    const start = Date.now()
    this.touch()
    while (this.inFlight > 0 || this.timers.size > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() - start > timeoutMs)
        throw new Error(
          `the app never settled (${this.inFlight} calls in flight, ${this.timers.size} timers due)`,
        )
      await new Promise((r) => setTimeout(r, 5))
    }
  }

  private touch(): void {
    this.lastActivity = Date.now()
  }

  /** Waits until the page on screen shows `text` (or matches it). */
  async shows(text: string | RegExp, timeoutMs = 20_000): Promise<void> {
    const start = Date.now()
    const hit = () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text()))
    while (!hit()) {
      if (Date.now() - start > timeoutMs)
        throw new Error(`${this.top.route} never showed ${String(text)}; it shows:\n${this.text()}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  /** Waits for a dialog of `api` the app opened and has not had answered. */
  async dialog(api: Dialog['api'], timeoutMs = 20_000): Promise<Dialog> {
    const start = Date.now()
    for (;;) {
      const open = this.dialogs.find((d) => d.api === api && !(d as { done?: boolean }).done)
      if (open) return open
      if (Date.now() - start > timeoutMs) throw new Error(`no ${api} was opened on ${this.top.route}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  /** Waits for a toast whose title matches. */
  async toast(title: string | RegExp, timeoutMs = 20_000): Promise<Toast> {
    const start = Date.now()
    for (;;) {
      const t = this.toasts.find((x) =>
        typeof title === 'string' ? x.title.includes(title) : title.test(x.title),
      )
      if (t) return t
      if (Date.now() - start > timeoutMs)
        throw new Error(`no toast ${String(title)}; toasts: ${this.toasts.map((x) => x.title).join(' | ')}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  /** The eh (event handler) of the page on screen: where the rendered view's events go. */
  dispatch(event: unknown): void {
    const page = this.top
    ;(page.eh as (e: unknown) => void).call(page, event)
  }

  // ---- the page stack ------------------------------------------------------------------------------------

  private pageConfig(route: string): Json {
    if (!this.registered.has(route)) {
      this.loadingRoute = route
      try {
        this.require(path.join(DIST, `${route}.js`))
      } finally {
        this.loadingRoute = null
      }
    }
    const config = this.registered.get(route)
    if (!config) throw new Error(`${route}.js never called Page()`)
    return config
  }

  private openPage(route: string, query: Record<string, string>): PageLike {
    const page = instantiatePage(this.pageConfig(route), route, this.wx)
    const setData = page.setData.bind(page)
    page.setData = (update, callback) => {
      this.touch()
      setData(update, callback)
    }
    page.options = query
    this.stack.push(page)
    if (this.tabRoutes.has(route)) this.tabs.set(route, page)
    this.guard(page, 'onLoad', query)
    this.guard(page, 'onShow')
    // onReady follows the first render: after the view layer had the first setData.
    setTimeout(() => this.stack.includes(page) && this.guard(page, 'onReady'), 0)
    return page
  }

  private guard(page: PageLike, hook: string, arg?: unknown): void {
    const fn = page[hook] as ((a?: unknown) => void) | undefined
    try {
      fn?.call(page, arg)
    } catch (e) {
      this.errors.push(`${page.route}.${hook}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    }
  }

  private unload(page: PageLike): void {
    this.guard(page, 'onUnload')
    for (const [route, tab] of this.tabs) if (tab === page) this.tabs.delete(route)
  }

  private hideTop(): void {
    const page = this.stack.at(-1)
    if (page) this.guard(page, 'onHide')
  }

  private navigation(api: string, options: Json & Callbacks): void {
    this.calls.push({ api, options })
    const fail = (why: string) => {
      const res = { errMsg: `${api}:fail ${why}` }
      options.fail?.(res)
      options.complete?.(res)
    }
    const ok = () => {
      const res = { errMsg: `${api}:ok` }
      options.success?.(res)
      options.complete?.(res)
    }
    if (api === 'navigateBack') {
      const delta = Math.max(1, Number(options.delta ?? 1))
      if (this.stack.length <= 1) return fail('cannot navigate back at first page.')
      const gone = this.stack.splice(Math.max(1, this.stack.length - delta))
      for (const page of gone.reverse()) this.unload(page)
      this.guard(this.top, 'onShow')
      return ok()
    }
    const { route, query } = splitUrl(String(options.url ?? ''), this.stack.at(-1)?.route)
    if (!this.routes.has(route)) return fail(`page "${route}" is not found`)
    const isTab = this.tabRoutes.has(route)
    switch (api) {
      case 'navigateTo':
        if (isTab) return fail('can not navigateTo a tabbar page')
        if (this.stack.length >= MAX_STACK) return fail('webview count limit exceed')
        this.hideTop()
        this.openPage(route, query)
        return ok()
      case 'redirectTo': {
        if (isTab) return fail('can not redirectTo a tabbar page')
        const gone = this.stack.pop()
        if (gone) this.unload(gone)
        this.openPage(route, query)
        return ok()
      }
      case 'switchTab': {
        if (!isTab) return fail('can not switchTab to a non-tabbar page')
        const kept = this.tabs.get(route)
        for (const page of [...this.stack].reverse()) {
          if ([...this.tabs.values()].includes(page)) this.guard(page, page === kept ? 'onHide' : 'onHide')
          else this.unload(page)
        }
        this.stack = []
        if (kept) {
          this.stack.push(kept)
          this.guard(kept, 'onShow')
        } else this.openPage(route, {})
        return ok()
      }
      case 'reLaunch': {
        for (const page of [...this.stack].reverse()) this.unload(page)
        for (const page of this.tabs.values()) this.unload(page)
        this.stack = []
        this.tabs.clear()
        this.openPage(route, query)
        return ok()
      }
    }
  }

  // ---- the module loader ---------------------------------------------------------------------------------

  private require(file: string): unknown {
    const resolved = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(resolved)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(resolved, module)
    const req = (spec: string) => this.require(path.resolve(path.dirname(resolved), spec))
    compile(resolved)(
      req,
      module,
      module.exports,
      this.wx,
      (config: Json) => {
        this.appConfig = config
      },
      (config: Json) => {
        if (!this.loadingRoute) throw new Error(`Page() called outside a page load (${resolved})`)
        this.registered.set(this.loadingRoute, config)
      },
      () => undefined,
      (config: Json) => config,
      () => this.app ?? this.appConfig ?? {},
      () => this.stack,
      () => ({}),
      ...this.scheduler,
    )
    return module.exports
  }

  /** setTimeout and setImmediate as the app sees them: each one due soon counts as work still to do. */
  private readonly scheduler = (() => {
    const track = <H>(due: boolean, schedule: (run: () => void) => H): H => {
      const handle: H = schedule(() => {
        this.timers.delete(handle)
        this.touch()
      })
      if (due) this.timers.add(handle)
      return handle
    }
    const untrack =
      <H>(clear: (h: H) => void) =>
      (h: H) => {
        this.timers.delete(h)
        clear(h)
      }
    return [
      (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) =>
        track(Number(ms) <= 1000, (done) =>
          setTimeout(() => {
            done()
            fn(...args)
          }, ms),
        ),
      untrack(clearTimeout),
      (fn: (...a: unknown[]) => void, ...args: unknown[]) =>
        track(true, (done) =>
          setImmediate(() => {
            done()
            fn(...args)
          }),
        ),
      untrack(clearImmediate),
    ]
  })()

  // ---- the wx object -------------------------------------------------------------------------------------

  private buildWx(): Json {
    // The device, selector queries and the plain recorded APIs of the canned host.
    const base = createHost({})
    const wx = base.wx
    const record = (api: string, options: unknown) => this.calls.push({ api, options })
    const answer = (api: string, options: Callbacks, res: Json = {}) => {
      const full = { errMsg: `${api}:ok`, ...res }
      options.success?.(full)
      options.complete?.(full)
      return Promise.resolve(full)
    }
    const failWith = (api: string, options: Callbacks, errMsg: string, extra: Json = {}) => {
      const res = { errMsg: `${api}:fail ${errMsg}`, ...extra }
      options.fail?.(res)
      options.complete?.(res)
      return Promise.reject(res)
    }
    const async =
      (api: string, result: (o: Json) => Json = () => ({})) =>
      (options: Json & Callbacks = {}) => {
        record(api, options)
        return answer(api, options, result(options))
      }
    const dialog =
      (api: Dialog['api']) =>
      (options: Json & Callbacks = {}) => {
        record(api, options)
        return new Promise((resolve, reject) => {
          const d: Dialog & { done?: boolean } = {
            api,
            options,
            answer: (res) => {
              d.done = true
              const full = { errMsg: `${api}:ok`, ...res }
              options.success?.(full)
              options.complete?.(full)
              resolve(full)
            },
            refuse: (errMsg = 'cancel') => {
              d.done = true
              const res = { errMsg: `${api}:fail ${errMsg}` }
              options.fail?.(res)
              options.complete?.(res)
              reject(res)
            },
          }
          this.dialogs.push(d)
        })
      }
    const nav = (api: string) => (options: Json & Callbacks) => this.navigation(api, options)

    Object.assign(wx, {
      // Storage: JSON on the phone, per person.
      getStorageSync: (key: string) => {
        const raw = this.storage.get(key)
        return raw === undefined ? '' : JSON.parse(raw)
      },
      setStorageSync: (key: string, value: unknown) => {
        record('setStorageSync', { key })
        this.storage.set(key, JSON.stringify(value ?? null))
      },
      removeStorageSync: (key: string) => {
        this.storage.delete(key)
      },
      clearStorageSync: () => this.storage.clear(),
      getStorageInfoSync: () => ({ keys: [...this.storage.keys()], currentSize: 0, limitSize: 10240 }),
      getStorage: (o: Json & Callbacks) => {
        const raw = this.storage.get(String(o.key))
        return raw === undefined
          ? failWith('getStorage', o, 'data not found')
          : answer('getStorage', o, { data: JSON.parse(raw) })
      },
      setStorage: (o: Json & Callbacks) => {
        this.storage.set(String(o.key), JSON.stringify(o.data ?? null))
        return answer('setStorage', o)
      },
      removeStorage: (o: Json & Callbacks) => {
        this.storage.delete(String(o.key))
        return answer('removeStorage', o)
      },
      // Navigation: the target page loads from dist/ with its query.
      navigateTo: nav('navigateTo'),
      redirectTo: nav('redirectTo'),
      switchTab: nav('switchTab'),
      reLaunch: nav('reLaunch'),
      navigateBack: nav('navigateBack'),
      // What a person answers.
      showModal: dialog('showModal'),
      showActionSheet: dialog('showActionSheet'),
      requestSubscribeMessage: (options: Json & Callbacks) =>
        dialog('requestSubscribeMessage')({
          ...options,
          success: (res: Json) => {
            // Each 接受 is one message credit for this person and template, as WeChat keeps it.
            const accepted = Object.entries(res).filter(([, v]) => v === 'accept')
            void Promise.all(
              accepted.map(([t]) =>
                runAs({ openid: this.person.openid }, () => grantSubscription(this.person.openid, t)),
              ),
            ).then(() => options.success?.(res))
          },
        }),
      showToast: (o: Json & Callbacks) => {
        record('showToast', o)
        this.toasts.push({ title: String(o.title ?? ''), icon: o.icon as string | undefined })
        return answer('showToast', o)
      },
      // Network.
      onNetworkStatusChange: (listener: (r: Json) => void) => {
        this.networkListeners.push(listener)
      },
      offNetworkStatusChange: (listener: (r: Json) => void) => {
        this.networkListeners = this.networkListeners.filter((l) => l !== listener)
      },
      getNetworkType: (o: Json & Callbacks = {}) =>
        answer('getNetworkType', o, { networkType: this.online ? 'wifi' : 'none' }),
      // Photos and files on the phone.
      chooseImage: (o: Json & Callbacks = {}) => {
        record('chooseImage', o)
        const paths = this.takeChosen(Number(o.count ?? 9))
        if (paths.length === 0) return failWith('chooseImage', o, 'cancel')
        return answer('chooseImage', o, {
          tempFilePaths: paths,
          tempFiles: paths.map((p) => ({ path: p, size: files.get(p)?.length ?? 0 })),
        })
      },
      chooseMedia: (o: Json & Callbacks = {}) => {
        record('chooseMedia', o)
        const paths = this.takeChosen(Number(o.count ?? 9))
        if (paths.length === 0) return failWith('chooseMedia', o, 'cancel')
        return answer('chooseMedia', o, {
          type: 'image',
          tempFiles: paths.map((p) => ({
            tempFilePath: p,
            size: files.get(p)?.length ?? 0,
            fileType: 'image',
          })),
        })
      },
      getFileSystemManager: () => ({
        saveFileSync: (temp: string) => {
          const bytes = files.get(temp)
          if (!bytes) throw new Error(`saveFileSync:fail no such file ${temp}`)
          const saved = `http://usr/${path.basename(temp)}`
          files.set(saved, bytes)
          return saved
        },
        readFileSync: (p: string) => {
          const bytes = files.get(p)
          if (!bytes) throw new Error(`readFileSync:fail no such file ${p}`)
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
        },
        removeSavedFile: (o: Json & Callbacks) => {
          files.delete(String(o.filePath))
          return answer('removeSavedFile', o)
        },
        getFileInfo: (o: Json & Callbacks) =>
          answer('getFileInfo', o, { size: files.get(String(o.filePath))?.length ?? 0 }),
      }),
      chooseLocation: dialog('chooseLocation'),
      createSelectorQuery: () => this.selectorQuery(),
      getLocation: (o: Json & Callbacks = {}) => failWith('getLocation', o, 'auth deny'),
      previewImage: async('previewImage'),
      makePhoneCall: async('makePhoneCall'),
      openDocument: async('openDocument'),
      setClipboardData: async('setClipboardData'),
      setNavigationBarTitle: async('setNavigationBarTitle'),
      showShareMenu: async('showShareMenu'),
      hideShareMenu: async('hideShareMenu'),
      vibrateShort: async('vibrateShort'),
      nextTick: (fn: () => void) => setTimeout(fn, 0),
      canIUse: () => true,
      onNeedPrivacyAuthorization: (listener: unknown) => record('onNeedPrivacyAuthorization', listener),
      getPrivacySetting: (o: Json & Callbacks = {}) =>
        answer('getPrivacySetting', o, {
          needAuthorization: false,
          privacyContractName: '《党建项目通隐私保护指引》',
        }),
      requirePrivacyAuthorize: async('requirePrivacyAuthorize'),
      createInnerAudioContext: () => {
        record('createInnerAudioContext', {})
        const noop = () => undefined
        return new Proxy({ src: '', paused: true, duration: 0, currentTime: 0 } as Json, {
          get: (target, key) => (key in target ? target[key as string] : noop),
        })
      },
      createVideoContext: () => new Proxy({}, { get: () => () => undefined }),
      downloadFile: (o: Json & Callbacks) => {
        record('downloadFile', o)
        const local = takePhoto(Buffer.from('file'), 'bin')
        return answer('downloadFile', o, { statusCode: 200, tempFilePath: local })
      },
      // wx.uploadFile: an HTTP upload; the gateway's /files/upload stores it in the person's folder.
      uploadFile: (o: Json & Callbacks) => {
        record('uploadFile', o)
        if (!this.online) return failWith('uploadFile', o, 'request:fail network error')
        const bytes = files.get(String(o.filePath))
        if (!bytes) return failWith('uploadFile', o, 'file not found')
        if (!this.person.personId)
          return answer('uploadFile', o, {
            statusCode: 403,
            data: JSON.stringify({ ok: false, code: 'NOT_REGISTERED', message: '你的微信还未登记为党员' }),
          })
        const ext = path.extname(String(o.filePath)).slice(1) || 'jpg'
        const stored = this.cloud.storage.upload(
          uploadPath(this.person.personId, randomBytes(12).toString('hex'), ext),
          bytes,
        )
        if ('code' in stored) return failWith('uploadFile', o, stored.message)
        return answer('uploadFile', o, {
          statusCode: 200,
          data: JSON.stringify({ ok: true, data: { fileID: stored.fileID } }),
        })
      },
      cloud: {
        init: (options: unknown) => record('cloud.init', options),
        callFunction: (o: Json & Callbacks) => this.callFunction(o),
        uploadFile: (o: Json & Callbacks) => this.cloudUpload(o),
        getTempFileURL: (o: Json & Callbacks) => {
          const list = (o.fileList as unknown[] | undefined) ?? []
          return answer('cloud.getTempFileURL', o, {
            fileList: list.map((f) => this.cloud.storage.tempUrl(f)),
          })
        },
      },
    })

    // Anything else the app reaches for is recorded and fails, so a test sees which API it needs.
    return new Proxy(wx, {
      get: (target, key) => {
        if (typeof key !== 'string' || key in target) return target[key as string]
        if (key === 'webpackJsonp' || key.startsWith('__') || key === 'then') return undefined
        return (o: Json & Callbacks = {}) => {
          this.unsupported.add(key)
          record(key, o)
          const res = { errMsg: `${key}:fail not provided by the test host` }
          o?.fail?.(res)
          o?.complete?.(res)
          return undefined
        }
      },
    }) as Json
  }

  /** wx.createSelectorQuery: rects from `layout`, answered after a round trip to the view layer. */
  private selectorQuery(): Json {
    const results: unknown[] = []
    const rectOf = (selector: string) => {
      const r = this.layout(selector)
      return r
        ? { left: 0, width: 390, ...r, bottom: r.top + r.height, right: (r.left ?? 0) + (r.width ?? 390) }
        : null
    }
    const query: Json = {
      in: () => query,
      select: (selector: string) => nodes(selector, false),
      selectAll: (selector: string) => nodes(selector, true),
      selectViewport: () => nodes('viewport', false),
      exec: (callback?: (res: unknown[]) => void) => {
        this.inFlight++
        setTimeout(() => {
          this.inFlight--
          this.touch()
          callback?.(results)
        }, 0)
        return query
      },
    }
    const nodes = (selector: string, all: boolean) => {
      const answer = () => {
        const r = rectOf(selector)
        results.push(all ? (r ? [r] : []) : r)
        return query
      }
      return { boundingClientRect: answer, fields: answer, scrollOffset: answer, node: answer }
    }
    return query
  }

  private takeChosen(count: number): string[] {
    const chosen = this.nextPhotos.splice(0, count)
    return chosen
  }

  /** A request leaving the phone: counted while in flight, answered through the callbacks and the promise. */
  private async request(o: Callbacks, work: () => Promise<Json>): Promise<Json> {
    this.inFlight++
    this.touch()
    try {
      const res = await work()
      o.success?.(res)
      o.complete?.(res)
      return res
    } catch (failure) {
      o.fail?.(failure as Json)
      o.complete?.(failure as Json)
      throw failure
    } finally {
      this.inFlight--
      this.touch()
    }
  }

  private callFunction(o: Json & Callbacks): Promise<Json> {
    const name = String(o.name)
    const data = (o.data ?? {}) as Json
    this.calls.push({ api: 'cloud.callFunction', options: { name, data } })
    this.cloudCalls.push(`${name}.${String(data.action)}`)
    return this.request(o, async () => {
      if (!this.online) throw { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail network error' }
      let result: unknown
      try {
        // Over the wire: the function sees JSON, the app gets JSON back.
        result = await this.cloud.invoke(name, JSON.parse(JSON.stringify(data)) as Json, this.person.openid)
      } catch (e) {
        throw weChatFailure(e instanceof Error ? e.message : String(e))
      }
      return {
        errMsg: 'cloud.callFunction:ok',
        result: result === undefined ? null : JSON.parse(JSON.stringify(result)),
        requestID: randomBytes(8).toString('hex'),
      }
    })
  }

  /** wx.cloud.uploadFile: straight into cloud storage under the app's cloudPath, as its owner. */
  private cloudUpload(o: Json & Callbacks): Promise<Json> {
    this.calls.push({ api: 'cloud.uploadFile', options: { cloudPath: o.cloudPath, filePath: o.filePath } })
    return this.request(o, async () => {
      await new Promise((r) => setTimeout(r, 0))
      if (!this.online) throw { errCode: -1, errMsg: 'cloud.uploadFile:fail request:fail network error' }
      const bytes = files.get(String(o.filePath))
      if (!bytes) throw { errCode: -1, errMsg: `cloud.uploadFile:fail file not found ${String(o.filePath)}` }
      // deploy/storage.json: a person writes only their own files. The app puts them under uploads/<personId>/.
      const own = this.person.personId ? `uploads/${this.person.personId}/` : null
      if (!own || !String(o.cloudPath).startsWith(own))
        throw { errCode: -503002, errMsg: 'cloud.uploadFile:fail -503002 permission denied' }
      const stored = this.cloud.storage.upload(o.cloudPath, bytes)
      if ('code' in stored) throw { errCode: -403001, errMsg: `cloud.uploadFile:fail ${stored.message}` }
      return { errMsg: 'cloud.uploadFile:ok', fileID: stored.fileID, statusCode: 204 }
    })
  }
}

/** How WeChat fails a callFunction whose run failed in the cloud: its errCode and errMsg. */
function weChatFailure(message: string): Json {
  if (message.startsWith('FUNCTION_NOT_FOUND'))
    return {
      errCode: -501000,
      errMsg: 'cloud.callFunction:fail -501000 FunctionName parameter could not be found',
    }
  if (message === 'FUNCTION_TIMEOUT')
    return {
      errCode: -504003,
      errMsg: 'cloud.callFunction:fail -504003 Invoking task timed out after 3 seconds',
    }
  return { errCode: -504002, errMsg: `cloud.callFunction:fail -504002 functions execute fail: ${message}` }
}

/** "/pages/x/index?id=1&a=b" → route and query, values as WeChat passes them to onLoad (not decoded). */
export function splitUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [rawPath, search = ''] = url.split('?')
  let route = rawPath.replace(/^\//, '')
  if (!rawPath.startsWith('/') && from) route = path.posix.join(path.posix.dirname(from), rawPath)
  const query: Record<string, string> = {}
  for (const pair of search.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    query[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1)
  }
  return { route, query }
}
