import { useState } from 'react'
import type { ReadersView } from '@contract/api'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { remindUnread } from '../api/groups'

export interface RemindUnread {
  busy: boolean
  /** 提醒未读, after saying who will be told and a 确定; then the readers are loaded again. */
  remind: () => Promise<void>
}

/** 提醒未读 on an announcement's 阅读情况: once a day, to the members who have not read it. */
export function useRemindUnread(readers: ReadersView | null, reload: () => Promise<unknown>): RemindUnread {
  const [busy, setBusy] = useState(false)
  const remind = async () => {
    if (busy || !readers || readers.unread.length === 0) return
    const ok = await confirmAction({
      title: '提醒未读',
      content: `将给未读的 ${readers.unread.length} 名组员发送提醒消息，每条通知每天只能提醒一次。确定提醒吗？`,
      confirmText: '提醒',
    })
    if (!ok) return
    setBusy(true)
    try {
      const res = await remindUnread(readers.postId)
      showSuccessToast(res.reminded > 0 ? `已提醒 ${res.reminded} 人` : '未读组员都关闭了这类提醒')
      await reload()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }
  return { busy, remind }
}
