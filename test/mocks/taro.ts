/**
 * A small stand-in for @tarojs/taro in jsdom: the APIs the app calls are jest mocks, and page hooks
 * register their callbacks so a test can fire pull-down-refresh or reach-bottom as a person would.
 */
import { useEffect, useRef } from 'react'
import { act } from '@testing-library/react'

type PageEvent = 'pullDownRefresh' | 'reachBottom' | 'didShow' | 'didHide' | 'load'

const listeners: Record<PageEvent, Set<() => unknown>> = {
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  didShow: new Set(),
  didHide: new Set(),
  load: new Set(),
}

function usePageEvent(event: PageEvent, callback: () => unknown): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const fire = () => latest.current()
    listeners[event].add(fire)
    return () => {
      listeners[event].delete(fire)
    }
  }, [event])
}

/** Fires a page event on every mounted page, the way the mini-program host would. */
export async function firePageEvent(event: PageEvent): Promise<void> {
  // Inside act: what the handlers set (a reload, the next page) reaches the screen before the test looks.
  await act(async () => {
    await Promise.all([...listeners[event]].map((fire) => fire()))
  })
}

/** What Taro.setStorageSync wrote, as the phone would keep it. */
export const storage = new Map<string, unknown>()

let routerParams: Record<string, string> = {}

type AudioEvent = 'play' | 'pause' | 'stop' | 'ended' | 'timeUpdate' | 'canplay' | 'waiting' | 'error'

/** A stand-in for InnerAudioContext: its methods are mocks, and a test plays its events with `emit`. */
export function fakeAudioContext() {
  const handlers: Partial<Record<AudioEvent, ((arg?: unknown) => void)[]>> = {}
  const on = (event: AudioEvent) =>
    jest.fn((cb: (arg?: unknown) => void) => {
      handlers[event] = [...(handlers[event] ?? []), cb]
    })
  const ctx = {
    src: '',
    startTime: 0,
    currentTime: 0,
    duration: 0,
    paused: true,
    play: jest.fn(() => {
      ctx.paused = false
      ctx.emit('play')
    }),
    pause: jest.fn(() => {
      ctx.paused = true
      ctx.emit('pause')
    }),
    stop: jest.fn(),
    seek: jest.fn((position: number) => {
      ctx.currentTime = position
    }),
    destroy: jest.fn(),
    onPlay: on('play'),
    onPause: on('pause'),
    onStop: on('stop'),
    onEnded: on('ended'),
    onTimeUpdate: on('timeUpdate'),
    onCanplay: on('canplay'),
    onWaiting: on('waiting'),
    onError: on('error'),
    /** Fires an event as the player would; set currentTime and duration first for timeUpdate. */
    emit(event: AudioEvent, arg?: unknown) {
      for (const cb of handlers[event] ?? []) cb(arg)
    },
  }
  return ctx
}

/** A selector query that finds nothing: layout is not simulated in jsdom. */
function emptySelectorQuery() {
  const query = {
    select: () => query,
    selectViewport: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    exec: (cb?: (res: unknown[]) => void) => cb?.([null]),
  }
  return query
}

/** The query the page was opened with (what `useRouter().params` answers). */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export const usePullDownRefresh = (cb: () => unknown) => usePageEvent('pullDownRefresh', cb)
export const useReachBottom = (cb: () => unknown) => usePageEvent('reachBottom', cb)
export const useDidShow = (cb: () => unknown) => usePageEvent('didShow', cb)
export const useDidHide = (cb: () => unknown) => usePageEvent('didHide', cb)
export const useLoad = (cb: () => unknown) => usePageEvent('load', cb)
export const useLaunch = (_cb: () => unknown): void => undefined
export const useShareAppMessage = (_cb: () => unknown): void => undefined
// Scrolling is not simulated in jsdom; pages that measure on scroll measure on mount too.
export const usePageScroll = (_cb: (e: { scrollTop: number }) => unknown): void => undefined
export const useRouter = () => ({ params: routerParams, path: '' })

/** The canvas context the poster draws on: each call recorded, `draw` calls back at once. */
export function fakeCanvasContext() {
  const calls: [string, unknown[]][] = []
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, args])
  return {
    calls,
    setFillStyle: record('setFillStyle'),
    fillRect: record('fillRect'),
    setFontSize: record('setFontSize'),
    setTextAlign: record('setTextAlign'),
    fillText: record('fillText'),
    drawImage: record('drawImage'),
    measureText: (text: string) => ({ width: [...text].length * 30 }),
    draw: (_reserve?: boolean, done?: () => void) => {
      calls.push(['draw', []])
      done?.()
    },
  }
}

/** Taro's global event bus (the H5 router announces page changes on it); `trigger` runs the handlers at once. */
const eventHandlers = new Map<string, Set<(...args: unknown[]) => unknown>>()
const eventCenter = {
  on: jest.fn((name: string, handler: (...args: unknown[]) => unknown) => {
    eventHandlers.set(name, (eventHandlers.get(name) ?? new Set()).add(handler))
  }),
  off: jest.fn((name: string, handler: (...args: unknown[]) => unknown) => {
    eventHandlers.get(name)?.delete(handler)
  }),
  trigger: (name: string, ...args: unknown[]) => {
    for (const handler of [...(eventHandlers.get(name) ?? [])]) handler(...args)
  },
}

const Taro = {
  showToast: jest.fn(() => Promise.resolve()),
  showLoading: jest.fn(() => Promise.resolve()),
  hideLoading: jest.fn(() => Promise.resolve()),
  /** Answers 确定 unless a test says otherwise (mockResolvedValueOnce({ confirm: false })). */
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  /** Taps the first item unless a test says which (mockResolvedValueOnce({ tapIndex: n })). */
  showActionSheet: jest.fn((_option: { itemList: string[] }) => Promise.resolve({ tapIndex: 0 })),
  stopPullDownRefresh: jest.fn(),
  navigateTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  /** The page stack; none unless a test says which (mockReturnValue([{ route: 'pages/…' }])). */
  getCurrentPages: jest.fn((): { route: string }[] => []),
  eventCenter,
  pageScrollTo: jest.fn(() => Promise.resolve()),
  setTabBarBadge: jest.fn(() => Promise.resolve()),
  removeTabBarBadge: jest.fn(() => Promise.resolve()),
  /** WeChat's consent dialog; answers nothing accepted unless a test says which ids were ('accept'). */
  requestSubscribeMessage: jest.fn((_option: { tmplIds: string[] }) =>
    Promise.resolve<Record<string, string>>({ errMsg: 'requestSubscribeMessage:ok' }),
  ),
  chooseImage: jest.fn(() => Promise.resolve({ tempFilePaths: [], tempFiles: [] })),
  previewImage: jest.fn(() => Promise.resolve()),
  chooseLocation: jest.fn(() => Promise.reject(new Error('cancel'))),
  chooseMedia: jest.fn(() => Promise.resolve({ tempFiles: [], type: 'video' })),
  chooseMessageFile: jest.fn(() => Promise.resolve({ tempFiles: [] })),
  createInnerAudioContext: jest.fn(() => fakeAudioContext()),
  createSelectorQuery: jest.fn(() => emptySelectorQuery()),
  /** A canvas that records what is drawn (`calls`) and finishes drawing at once. */
  createCanvasContext: jest.fn(() => fakeCanvasContext()),
  canvasToTempFilePath: jest.fn(() => Promise.resolve({ tempFilePath: 'tmp://poster.png' })),
  saveImageToPhotosAlbum: jest.fn(() => Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' })),
  openSetting: jest.fn(() => Promise.resolve({ authSetting: {} })),
  getWindowInfo: jest.fn(() => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 })),
  /** A Map-backed store, like wx storage: tests read and clear it through `storage`. */
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
  },
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useDidHide,
  useLoad,
  useLaunch,
  useShareAppMessage,
  usePageScroll,
  useRouter,
}

export default Taro
