import { randomBytes } from 'node:crypto'
import { recountStudies } from '../../../domain/lectures'
import type { LectureStudy } from '../../../types/entities'
import type { TestCloud } from '../../../localcloud/testing'

export { addLatency, countCalls, data } from '../../projects/__tests__/helpers'

// Demo lectures (localcloud/seed/community.ts): lec-001 by the committee (p057 卢思琪) for the whole company,
// required, due in 14 days; lec-002 by 运维部 (p001 周晓东) for 运维部 only, with a three-question quiz
// (answers q1 [0], q2 [0,1,3], q3 [1]); lec-003 by the committee (p058) with an image and 8 s of audio, 60 s of
// study to complete; lec-004 a draft of 城区供电所 (p043). p002 has finished lec-001 and lec-002; p004 has
// finished lec-001 and not started lec-002 or lec-003; p008 is secretary of 营销部, outside lec-002's audience.
export const REQUIRED = 'lec-001'
export const QUIZ = 'lec-002'
export const MEDIA = 'lec-003'
export const DRAFT = 'lec-004'
export const RIGHT_ANSWERS = { q1: [0], q2: [0, 1, 3], q3: [1] }

/** A fresh session id, as the app makes one each time a lecture is opened. */
export const sessionId = (): string => randomBytes(8).toString('hex')

/** A file id of `personId`'s own upload folder in localcloud storage. */
export const fileOf = (personId: string, ext = 'png', name = randomBytes(8).toString('hex')): string =>
  `cloud://local.localcloud/uploads/${personId}/${name}.${ext}`

/**
 * Moves a study record's clock `seconds` into the past (its last heartbeat and its session's start), as if
 * that much time had gone by: the server credits no more time than really passed, and tests cannot wait.
 */
export async function timePasses(cloud: TestCloud, lectureId: string, personId: string, seconds: number) {
  const _id = `${lectureId}:${personId}`
  const stored = cloud.db.find('lecture_studies', { _id })[0]
  const back = (d: unknown) => ({
    $date: new Date(new Date(d as Date).getTime() - seconds * 1000).toISOString(),
  })
  await cloud.db.handle('database.modifyDocument', {
    collectionName: 'lecture_studies',
    query: JSON.stringify({ _id }),
    data: JSON.stringify({
      $set: { lastBeatAt: back(stored.lastBeatAt), sessionStartedAt: back(stored.sessionStartedAt) },
    }),
    merge: true,
    multi: false,
  })
}

/** Everything study writes touch, to show a refusal left it alone. */
export function studyState(cloud: TestCloud) {
  const all = { limit: 10_000, sort: { _id: 1 as const } }
  return {
    studies: cloud.db.find('lecture_studies', {}, all),
    totals: cloud.db.find('study_totals', {}, all),
    attempts: cloud.db.count('quiz_attempts'),
  }
}

/** Everything authoring touches for one lecture. */
export function lectureState(cloud: TestCloud, lectureId: string) {
  return {
    lecture: cloud.db.find('lectures', { _id: lectureId })[0],
    listings: cloud.db.find('lecture_listings', { lectureId }, { sort: { _id: 1 } }),
    events: cloud.db.count('lecture_events', { lectureId }),
  }
}

/** The totals as stored, and as a recount of every stored study record says they should be. */
export function totalsAndRecount(cloud: TestCloud) {
  const studies = cloud.db.find('lecture_studies', {}, { limit: 100_000 }) as unknown as LectureStudy[]
  return {
    // When each total last changed is the roll-up's bookkeeping, not a figure.
    stored: cloud.db
      .find('study_totals', {}, { sort: { _id: 1 }, limit: 100_000 })
      .map(({ updatedAt: _changed, ...figures }) => figures),
    recounted: recountStudies(studies),
  }
}
