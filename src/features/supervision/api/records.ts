import type { ActionInput, Page, RecordDetail, RecordSummary } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

export const createRecord = (
  input: ActionInput<'supervision', 'createRecord'>,
): Promise<{ id: string; created: boolean }> => callCloud('supervision', 'createRecord', input)

export const fetchRecords = (page: number, branchId?: string): Promise<Page<RecordSummary>> =>
  callCloud('supervision', 'listRecords', branchId ? { page, branchId } : { page })

export const fetchRecord = (id: string): Promise<RecordDetail> =>
  callCloud('supervision', 'getRecord', { id })

export const closeFollowUp = (
  input: ActionInput<'supervision', 'closeFollowUp'>,
): Promise<{ id: string; followUpId: string; openFollowUps: number; version: number }> =>
  callCloud('supervision', 'closeFollowUp', input)
