import type { MeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** The signed-in person; the function resolves who that is from the caller's identity. */
export const fetchMe = (): Promise<MeView> => callCloud('org', 'whoami', {})
