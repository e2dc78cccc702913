import { useCallback, useEffect, useRef, useState } from 'react'
import { type CloudError, toCloudError } from '@/services/cloud-error'

export interface RequestState<T> {
  data: T | undefined
  error: CloudError | undefined
  loading: boolean
  /** Runs the request again; resolves when it settles (never rejects). */
  reload: () => Promise<void>
}

/** Runs `fetcher` on mount and whenever it changes identity; keep it stable with useCallback. */
export function useRequest<T>(fetcher: () => Promise<T>): RequestState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<CloudError>()
  const [loading, setLoading] = useState(true)
  // Only the latest request may write state, so a slow earlier answer cannot overwrite a newer one.
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const id = ++latest.current
    setLoading(true)
    setError(undefined)
    try {
      const value = await fetcher()
      if (id === latest.current) setData(value)
    } catch (e) {
      if (id === latest.current) setError(toCloudError(e))
    } finally {
      if (id === latest.current) setLoading(false)
    }
  }, [fetcher])

  useEffect(() => {
    const counter = latest
    void reload()
    return () => {
      counter.current++
    }
  }, [reload])

  return { data, error, loading, reload }
}
