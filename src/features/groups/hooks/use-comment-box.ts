import type { CommentView } from '@contract/api'
import { toCloudError } from '@/services/cloud-error'
import { newRequestId } from '@/services/request-id'
import { useTextBox } from '@/hooks/use-text-box'
import { showSuccessToast } from '@/services/show-success-toast'
import { createComment } from '../api/groups'
import { useGroupPosts } from '../post-store'

export interface CommentBox {
  text: string
  setText: (value: string) => void
  error: string | undefined
  sending: boolean
  send: () => Promise<void>
}

/**
 * The comment field under a post. Each comment has its own request id, kept across retries (a dropped
 * network never makes two) and renewed once the comment is in.
 */
export function useCommentBox(
  postId: string | undefined,
  onSent: (comment: CommentView) => void,
): CommentBox {
  const { text, setText, replaceText, error, setError, sending, setSending, requestId } = useTextBox('')

  const send = async () => {
    if (sending || !postId) return
    const body = text.trim()
    if (!body) return setError('请填写评论')
    setSending(true)
    setError(undefined)
    try {
      const res = await createComment({ postId, requestId: requestId.current, text: body })
      requestId.current = newRequestId()
      replaceText('')
      useGroupPosts.getState().commented(postId, res.commentCount)
      onSent(res.comment)
      showSuccessToast('评论成功')
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setSending(false)
    }
  }

  return { text, setText, error, sending, send }
}
