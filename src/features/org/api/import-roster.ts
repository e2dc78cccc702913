import type { RosterImportView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

/** Checks (commit false) or imports (commit true) the member roster in an uploaded .xlsx. */
export const importRoster = (fileId: string, commit: boolean): Promise<RosterImportView> =>
  callCloud('org', 'importRoster', { fileId, commit })
