import { useState } from 'react'
import type { PostView } from '@contract/api'
import { POST_KIND_LABELS } from '@domain/labels'
import { toCloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { pinPost, unpinPost, withdrawPost } from '../api/groups'
import { useGroupPosts } from '../post-store'

export interface PostActions {
  busy: boolean
  /** 撤回, after saying what it does and a 确定. */
  withdraw: (post: PostView) => Promise<void>
  pin: (post: PostView) => Promise<void>
  unpin: (post: PostView) => Promise<void>
}

/** 撤回 / 置顶 / 取消置顶 on a post; the shared post store carries the result to every page showing it. */
export function usePostActions(onWithdrawn?: (post: PostView) => void): PostActions {
  const [busy, setBusy] = useState(false)

  const run = async (post: PostView, call: () => Promise<void>) => {
    setBusy(true)
    try {
      await call()
    } catch (e) {
      showErrorToast(e)
      // Withdrawn meanwhile (by its author or the secretary): take it off the screen too.
      if (toCloudError(e).code === 'NOT_FOUND') useGroupPosts.getState().withdraw(post.id)
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async (post: PostView) => {
    if (busy) return
    const kind = POST_KIND_LABELS[post.kind]
    const ok = await confirmAction({
      title: `撤回这条${kind}`,
      content: `撤回后，组员将看不到这条${kind}和它的评论，也不能恢复；撤回记录会保留。确定撤回吗？`,
      confirmText: '撤回',
    })
    if (!ok) return
    await run(post, async () => {
      await withdrawPost(post.id)
      useGroupPosts.getState().withdraw(post.id)
      showSuccessToast('已撤回')
      onWithdrawn?.(post)
    })
  }

  const pin = (post: PostView) =>
    busy
      ? Promise.resolve()
      : run(post, async () => {
          useGroupPosts.getState().repinned((await pinPost(post.id)).post)
          showSuccessToast('已置顶')
        })

  const unpin = (post: PostView) =>
    busy
      ? Promise.resolve()
      : run(post, async () => {
          useGroupPosts.getState().repinned((await unpinPost(post.id)).post)
          showSuccessToast('已取消置顶')
        })

  return { busy, withdraw, pin, unpin }
}
