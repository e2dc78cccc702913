import { useCallback, useEffect, useState } from 'react'
import { type CloudError, toCloudError } from '@/services/cloud-error'

export interface FormLoad {
  /** True while the record is read (from the start when there is one to read). */
  loading: boolean
  loadError: CloudError | undefined
  /** Reads the record again, e.g. from 重试. */
  reload: () => void
}

/**
 * A form's first read: runs `read` on mount and whenever it changes identity (keep it stable with useCallback),
 * and says whether it is loading or failed. `read` puts what it read into the form's own state. Without `read`
 * (a new record) nothing is read and the form is ready at once.
 */
export function useFormLoad(read: (() => Promise<void>) | undefined): FormLoad {
  const [loading, setLoading] = useState(Boolean(read))
  const [loadError, setLoadError] = useState<CloudError>()

  const load = useCallback(async () => {
    if (!read) return
    setLoading(true)
    setLoadError(undefined)
    try {
      await read()
    } catch (e) {
      setLoadError(toCloudError(e))
    } finally {
      setLoading(false)
    }
  }, [read])

  useEffect(() => {
    void load()
  }, [load])

  return { loading, loadError, reload: () => void load() }
}
