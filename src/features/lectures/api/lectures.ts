import type { ActionInput, ActionName, ActionOutput } from '@contract/api'
import type { LectureTab } from '@contract/entities-community'
import { callCloud } from '@/services/call-cloud'

type Out<A extends ActionName<'lectures'>> = Promise<ActionOutput<'lectures', A>>

export type LectureDraftInput = ActionInput<'lectures', 'saveDraft'>
export type HeartbeatInput = ActionInput<'lectures', 'heartbeat'>
export type StudyStatsQuery = ActionInput<'lectures', 'stats'>

/** 微讲坛: one tab of the list; pass the previous page's `nextCursor` for the next. */
export const fetchLectures = (tab: LectureTab, cursor?: string): Out<'list'> =>
  callCloud('lectures', 'list', cursor ? { tab, cursor } : { tab })

/** A lecture with my study of it and its quiz without the answers (editors also get the key). */
export const fetchLecture = (id: string): Out<'get'> => callCloud('lectures', 'get', { id })

/** Creates a draft (no id) or saves the fields of a draft; answers what still keeps it from publishing. */
export const saveLectureDraft = (input: LectureDraftInput): Out<'saveDraft'> =>
  callCloud('lectures', 'saveDraft', input)

export const publishLecture = (id: string): Out<'publish'> => callCloud('lectures', 'publish', { id })

/** Takes a published lecture off every list; the reason goes into its history. */
export const withdrawLecture = (id: string, reason?: string): Out<'withdraw'> =>
  callCloud('lectures', 'withdraw', reason ? { id, reason } : { id })

/** One study heartbeat: foreground seconds since the last one, and how far I am. */
export const sendHeartbeat = (input: HeartbeatInput): Out<'heartbeat'> =>
  callCloud('lectures', 'heartbeat', input)

/** The quiz, graded on the server; `answers` maps question id to the chosen option indexes. */
export const submitLectureQuiz = (lectureId: string, answers: Record<string, number[]>): Out<'submitQuiz'> =>
  callCloud('lectures', 'submitQuiz', { lectureId, answers })

/** 学习统计: always my own; a lecture's or a branch's members' when asked and allowed. */
export const fetchStudyStats = (query: StudyStatsQuery = {}): Out<'stats'> =>
  callCloud('lectures', 'stats', query)
