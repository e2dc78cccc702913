import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ShowcaseProjectView, ShowcaseView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { routes } from '@/routes'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { borrowProject, fetchShowcase } from '../api/showcase'

export interface Showcase {
  view: RequestState<ShowcaseView>
  /** The year shown; undefined: the newest confirmed. */
  year: number | undefined
  setYear: (year: number) => void
  busy: boolean
  /** 借鉴: after confirming, a new draft of the secretary's branch opens in the 立项表. */
  borrow: (item: ShowcaseProjectView) => Promise<void>
}

/** 经验交流: a year's 十佳 (the newest when no year is given), and a secretary's 借鉴. */
export function useShowcase(initialYear?: number): Showcase {
  const [year, setYear] = useState(initialYear)
  const load = useCallback(() => fetchShowcase(year), [year])
  const view = useRequest(load)
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => {
    void view.reload().finally(() => Taro.stopPullDownRefresh())
  })
  return {
    view,
    year,
    setYear,
    busy,
    borrow: async (item) => {
      if (busy) return
      const ok = await confirmAction({
        title: '借鉴这个项目',
        content: `将以《${item.title}》的题目、口号、问题、目标和计划思路为本支部起草一份新的立项表，请再按本支部实际修改，并补写谁来做、何时做。`,
        confirmText: '借鉴',
      })
      if (!ok) return
      setBusy(true)
      try {
        const made = await borrowProject(item.id)
        showSuccessToast('已生成立项表草稿')
        await Taro.navigateTo({ url: routes.proposal(made.id) })
      } catch (e) {
        showErrorToast(e)
      } finally {
        setBusy(false)
      }
    },
  }
}
