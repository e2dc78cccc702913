import type { ActionInput, ActionName, ActionOutput } from '@contract/api'
import { callCloud } from '@/services/call-cloud'

type Out<A extends ActionName<'checkins'>> = Promise<ActionOutput<'checkins', A>>

/** 打卡: my tasks and milestones, what is due first first. */
export const fetchMyTasks = (): Out<'myTasks'> => callCloud('checkins', 'myTasks', {})

/** Records one check-in; sending the same request id again returns the first record. */
export const createCheckin = (payload: ActionInput<'checkins', 'create'>): Out<'create'> =>
  callCloud('checkins', 'create', payload)

/** My check-ins, newest first; pass the previous page's `nextCursor` for the next. */
export const fetchCheckinHistory = (cursor?: string): Out<'history'> =>
  callCloud('checkins', 'history', cursor ? { cursor } : {})

/** My figures: total, streak, milestones waiting and approved. */
export const fetchMyStats = (): Out<'myStats'> => callCloud('checkins', 'myStats', {})

/** The owner submits a milestone as done, with evidence. */
export const submitMilestone = (
  payload: ActionInput<'checkins', 'submitMilestone'>,
): Out<'submitMilestone'> => callCloud('checkins', 'submitMilestone', payload)

/** 待审批: milestone submissions waiting for me. */
export const fetchMilestoneInbox = (page: number, pageSize: number): Out<'inbox'> =>
  callCloud('checkins', 'inbox', { page, pageSize })

/** How many milestone submissions wait for me (the tab badge). */
export const fetchMilestoneInboxCount = async (): Promise<number> =>
  (await callCloud('checkins', 'inboxCount', {})).count

/** A submission with its evidence, history and the check-ins behind it. */
export const fetchSubmission = (id: string): Out<'getSubmission'> =>
  callCloud('checkins', 'getSubmission', { id })

export const approveMilestone = (id: string, comment?: string): Out<'approveMilestone'> =>
  callCloud('checkins', 'approveMilestone', comment ? { id, comment } : { id })

/** Back to the owner, saying why. */
export const returnMilestone = (id: string, comment: string): Out<'returnMilestone'> =>
  callCloud('checkins', 'returnMilestone', { id, comment })

/** The author corrects a check-in within 24 hours (or while its milestone is returned). */
export const editCheckin = (payload: ActionInput<'checkins', 'editCheckin'>): Out<'editCheckin'> =>
  callCloud('checkins', 'editCheckin', payload)

/** The author withdraws a check-in: it no longer counts; the secretary still sees it as withdrawn. */
export const withdrawCheckin = (id: string): Out<'withdrawCheckin'> =>
  callCloud('checkins', 'withdrawCheckin', { id })
