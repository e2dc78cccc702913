import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/** Reloads when the page shows again after another page covered it (e.g. back from an editor). */
export function useReloadOnReturn(reload: () => unknown): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void reload()
  })
}
