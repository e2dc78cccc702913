import { useCallback } from 'react'
import type { CommentView } from '@contract/api'
import { usePagedList, type Chunk, type PagedList } from '@/hooks/use-paged-list'
import { fetchComments } from '../api/groups'

export interface CommentsState extends PagedList<CommentView> {
  /** The caller's own new comment, shown at once (it is the newest, so it goes last). */
  add: (comment: CommentView) => void
}

const oldestFirst = (a: CommentView, b: CommentView) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const NONE: Chunk<CommentView, string> = { items: [], next: null }

/** A post's comments, oldest first, paged by the cursor the function hands back; none without a post. */
export function useComments(postId: string | undefined): CommentsState {
  // No post to show (not loaded, or withdrawn): nothing to ask for.
  const fetchChunk = useCallback(
    async (cursor: string | null): Promise<Chunk<CommentView, string>> => {
      if (!postId) return NONE
      const page = await fetchComments(postId, cursor ?? undefined)
      return { items: page.items, next: page.nextCursor }
    },
    [postId],
  )
  const list = usePagedList(fetchChunk, (c) => c.id)
  const { setItems } = list

  const add = useCallback(
    (comment: CommentView) =>
      setItems((prev) =>
        prev.some((c) => c.id === comment.id) ? prev : [...prev, comment].sort(oldestFirst),
      ),
    [setItems],
  )

  return { ...list, add }
}
