import type { MeView } from '@contract/api'
import { useSession } from '@/stores/session'
import { fetchMe } from './api/fetch-me'

/**
 * The signed-in person for an action: from the session when a page already loaded it, else asked once
 * (a page opened straight from a link or a reload has not).
 */
export async function currentPerson(): Promise<MeView> {
  const stored = useSession.getState().me
  if (stored) return stored
  const me = await fetchMe()
  useSession.getState().setMe(me)
  return me
}
