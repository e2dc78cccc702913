/**
 * A small stand-in for @tarojs/taro in jsdom: the APIs the app calls are jest mocks, and page hooks
 * register their callbacks so a test can fire pull-down-refresh or reach-bottom as a person would.
 */
import { useEffect, useRef } from 'react'

type PageEvent = 'pullDownRefresh' | 'reachBottom' | 'didShow' | 'load'

const listeners: Record<PageEvent, Set<() => unknown>> = {
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  didShow: new Set(),
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
  await Promise.all([...listeners[event]].map((fire) => fire()))
}

export const usePullDownRefresh = (cb: () => unknown) => usePageEvent('pullDownRefresh', cb)
export const useReachBottom = (cb: () => unknown) => usePageEvent('reachBottom', cb)
export const useDidShow = (cb: () => unknown) => usePageEvent('didShow', cb)
export const useLoad = (cb: () => unknown) => usePageEvent('load', cb)
export const useLaunch = (_cb: () => unknown): void => undefined

const Taro = {
  showToast: jest.fn(() => Promise.resolve()),
  showLoading: jest.fn(() => Promise.resolve()),
  hideLoading: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(),
  navigateTo: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
  },
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useLoad,
  useLaunch,
}

export default Taro
