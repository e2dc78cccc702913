import { useEffect, useState } from 'react'
import type { PostView } from '@contract/api'
import { type CloudError, toCloudError } from '@/services/cloud-error'
import { fetchPost } from '../api/groups'
import { useGroupPosts } from '../post-store'

export interface StoredPost {
  post: PostView | undefined
  withdrawn: boolean
  /** Asking the server for a post the feed has not loaded (a reload, a forwarded link, a reminder). */
  loading: boolean
  error: CloudError | undefined
}

/** A post as the feed loaded it (and as changed since), or fetched on its own when the feed has not. */
export function useStoredPost(postId: string | undefined): StoredPost {
  const post = useGroupPosts((s) => (postId ? s.byId[postId] : undefined))
  const withdrawn = useGroupPosts((s) => (postId ? Boolean(s.withdrawn[postId]) : false))
  const remember = useGroupPosts((s) => s.remember)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<CloudError>()
  const known = post !== undefined

  useEffect(() => {
    if (!postId || known || withdrawn) return
    let live = true
    setLoading(true)
    setError(undefined)
    fetchPost(postId).then(
      (res) => {
        if (!live) return
        remember([res.post])
        setLoading(false)
      },
      (e: unknown) => {
        if (!live) return
        setError(toCloudError(e))
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [postId, known, withdrawn, remember])

  return { post, withdrawn, loading, error }
}
