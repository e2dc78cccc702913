import { randomBytes } from 'node:crypto'
import { countOnly, figuresOnly, recountCheckins, storedCounts } from '../../../domain/checkin-counts'
import type { Checkin } from '../../../types/entities'
import type { TestCloud } from '../../../localcloud/testing'

export { addLatency, countCalls, data } from '../../projects/__tests__/helpers'

// Demo ids (localcloud/seed): prj-001 运维部 in progress, secretary p001; task t1 assigned to p002, p003,
// task t2 to p004, p005; milestones m1 (p002) and m2 (p003) approved, m3 (p004, task t2) submitted on its
// second round, m4 (p005, task t2, due 2026-11-30) open. prj-014 东部 in progress, secretary p050; m2 (p052)
// submitted, m3 (p053) returned. p008 is secretary of 营销部 (prj-002, m3 of p011 submitted), p057–p060
// committee. prj-009 (运维) is closed.
export const RUNNING = 'prj-001'
export const CLOSED = 'prj-009'
export const WAITING = 'prj-001-m3'
export const OPEN = 'prj-001-m4'
export const RETURNED = 'prj-014-m3'

/** A fresh client request id, as the app makes one per check-in. */
export const requestId = (): string => randomBytes(12).toString('hex')

/** A file id of `personId`'s own upload folder in localcloud storage. */
export const fileOf = (personId: string, ext = 'jpg', name = randomBytes(8).toString('hex')): string =>
  `cloud://local.localcloud/uploads/${personId}/${name}.${ext}`

/** A valid check-in on task t1 of prj-001 (p002 and p003 are assigned to it). */
export const checkin = (over: Record<string, unknown> = {}) => ({
  requestId: requestId(),
  projectId: RUNNING,
  taskId: 't1',
  text: '带领班组完成现场勘查，落实安全措施。',
  ...over,
})

/** Everything a refused check-in must leave untouched. */
export function checkinState(cloud: TestCloud) {
  return {
    checkins: cloud.db.count('checkins'),
    stats: cloud.db.find('checkin_stats', {}, { sort: { _id: 1 }, limit: 1000 }),
    counts: cloud.db.find('checkin_counts', {}, { sort: { _id: 1 }, limit: 1000 }),
  }
}

/** Everything a refused review step must leave untouched. */
export function reviewState(cloud: TestCloud, milestoneId: string) {
  const m = cloud.db.find('milestones', { _id: milestoneId })[0]
  return {
    milestone: m,
    project: cloud.db.find('projects', { _id: m?.projectId })[0],
    records: cloud.db.count('milestone_submissions', { milestoneId }),
  }
}

/** The counters as stored, and as a recount of every stored check-in says they should be. */
export function countersAndRecount(cloud: TestCloud) {
  const all = cloud.db.find('checkins', {}, { limit: 1_000_000 }) as unknown as Checkin[]
  return {
    stored: {
      stats: cloud.db.find('checkin_stats', {}, { sort: { _id: 1 }, limit: 100_000 }).map(figuresOnly),
      counts: storedCounts(cloud.db.find('checkin_counts', {}, { sort: { _id: 1 }, limit: 100_000 })).map(
        countOnly,
      ),
    },
    recounted: recountCheckins(all),
  }
}
