import type { MiniCodeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** The 小程序码 of a project's 四公开 page, for its poster. */
export const fetchPosterCode = async (id: string): Promise<MiniCodeView> =>
  (await callCloud('projects', 'posterCode', { id })).code
