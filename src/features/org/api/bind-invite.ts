import type { MeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** Binds this WeChat to the member the secretary's invite code was made for. */
export const bindInvite = (code: string): Promise<MeView> => callCloud('org', 'bindInvite', { code })
