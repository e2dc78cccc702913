import { useCallback, useEffect, useState } from 'react'
import type { PublicProjectView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { fetchPublicProject } from '../api/fetch-public-project'
import { rateProject } from '../api/rate-project'

/** The longest rating comment the function accepts (rate in the contract). */
export const RATING_COMMENT_LIMIT = 200

export interface PublicProject {
  view: RequestState<PublicProjectView>
  /** The stars being chosen (0 = none yet). */
  score: number
  setScore: (n: number) => void
  comment: string
  setComment: (text: string) => void
  sending: boolean
  send: () => Promise<void>
}

/** 四公开 and 群众满意度: the public view, and one final rating per WeChat user while the window is open. */
export function usePublicProject(id: string | undefined): PublicProject {
  const load = useCallback(
    () => (id ? fetchPublicProject(id) : Promise.reject(new CloudError('NOT_FOUND', '没有指定项目'))),
    [id],
  )
  const view = useRequest(load)
  const mine = view.data?.rating.mine ?? null
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)

  // A fresh view with the person's rating in it clears the form.
  useEffect(() => {
    if (mine) {
      setScore(0)
      setComment('')
    }
  }, [mine])

  const send = async () => {
    if (!view.data || sending) return
    if (score < 1) {
      showErrorToast(new CloudError('INVALID_INPUT', '请先选择 1–5 星'))
      return
    }
    setSending(true)
    try {
      await rateProject(view.data.id, score, comment.trim())
      showSuccessToast('评分已提交')
      await view.reload()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setSending(false)
    }
  }

  return {
    view,
    score,
    setScore,
    comment,
    setComment: (text) => setComment(text.slice(0, RATING_COMMENT_LIMIT)),
    sending,
    send,
  }
}
