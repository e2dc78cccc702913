import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'
import { readFraction } from '../study-progress'

/** Scroll events come in bursts; measuring (a round trip to the view layer on WeChat) waits this long. */
const MEASURE_DELAY_MS = 300
/** After the body first shows, and again once its images have likely loaded and grown it. */
const FIRST_MEASURES_MS = [300, 1500]

const windowHeight = (): number => Taro.getWindowInfo?.()?.windowHeight ?? 0

/**
 * How much of the element at `selector` (the lecture body) has been on screen, 0–1, only ever growing:
 * measured when it first shows and after each burst of scrolling.
 */
export function useReadProgress(selector: string, ready: boolean): number {
  const [read, setRead] = useState(0)
  const pending = useRef<ReturnType<typeof setTimeout>>()

  const measure = useCallback(() => {
    Taro.createSelectorQuery()
      .select(selector)
      .boundingClientRect()
      .exec((res: unknown[] | null) => {
        const rect = (res?.[0] ?? null) as { top: number; height: number } | null
        const fraction = readFraction(rect, windowHeight())
        setRead((prev) => (fraction > prev ? fraction : prev))
      })
  }, [selector])

  usePageScroll(() => {
    if (!ready || pending.current) return
    pending.current = setTimeout(() => {
      pending.current = undefined
      measure()
    }, MEASURE_DELAY_MS)
  })

  useEffect(() => {
    if (!ready) return
    const timers = FIRST_MEASURES_MS.map((ms) => setTimeout(measure, ms))
    return () => {
      timers.forEach(clearTimeout)
      clearTimeout(pending.current)
      pending.current = undefined
    }
  }, [ready, measure])

  return read
}
