import { useCallback } from 'react'
import type { MeView } from '@contract/api'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { useSession } from '@/stores/session'
import { fetchMe } from '../api/fetch-me'

/** Loads the signed-in person and keeps the session store current; shows the stored person while reloading. */
export function useMe(): RequestState<MeView> {
  const stored = useSession((s) => s.me)
  const setMe = useSession((s) => s.setMe)
  const load = useCallback(async () => {
    const me = await fetchMe()
    setMe(me)
    return me
  }, [setMe])
  const request = useRequest(load)
  return { ...request, data: request.data ?? stored ?? undefined }
}
