import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { isTabPage } from '@contract/routes'

/** Taro H5's router says a page has come or gone (pushed on or taken off the stack) with this event. */
export const ROUTER_CHANGED = '__afterTaroRouterChange'

/**
 * Whether the page on screen has no way back: it is the only page in the stack (opened from a shared link or a
 * 四公开 QR) and it is not a tab page (a tab page has the tab bar).
 */
export function isStranded(pages: readonly { route?: string }[]): boolean {
  if (pages.length !== 1) return false
  const route = pages[0].route ?? ''
  return route !== '' && !isTabPage(route)
}

/** Follows the page stack: true while the page on screen is stranded (see isStranded). */
export function useStranded(): boolean {
  const [stranded, setStranded] = useState(false)
  useEffect(() => {
    const update = () => setStranded(isStranded(Taro.getCurrentPages()))
    update()
    Taro.eventCenter.on(ROUTER_CHANGED, update)
    return () => {
      Taro.eventCenter.off(ROUTER_CHANGED, update)
    }
  }, [])
  return stranded
}
