import { emptyTally, tallyCheckin, tallyDocs } from '../../domain/checkin-counts'
import { chinaDay } from '../../domain/checkins'
import type { LocalDatabase } from '../db'

type Doc = Record<string, unknown>

export interface HistoryOptions {
  branchId: string
  branchName: string
  /** Prefix of every id made, so that two branches' histories never collide. */
  key: string
  checkins: number
  milestones: number
  /** Copied for the new project, milestones and member (their shape is the product's). */
  templates: { project: Doc; milestone: Doc; person: Doc }
  /** The latest check-in's instant; the others go back a minute each. */
  until: Date
}

/**
 * A branch's long history, as years of work leave it, stored straight into the database: one more member and
 * project, `milestones` milestones and `checkins` check-ins (counted: their counters and the member's figures
 * are added, so `check:counters` agrees). For the merge-job tests and the bench.
 */
export async function seedBranchHistory(
  db: LocalDatabase,
  o: HistoryOptions,
): Promise<{ projectId: string; personId: string }> {
  const projectId = `${o.key}-prj`
  const personId = `${o.key}-p`
  db.insertMany('people', [
    {
      ...o.templates.person,
      _id: personId,
      openid: null,
      name: `历史党员${o.key}`,
      phone: null,
      branchId: o.branchId,
      groupId: null,
      grants: [{ role: 'member', branchId: o.branchId }],
    },
  ])
  db.insertMany('projects', [
    {
      ...o.templates.project,
      _id: projectId,
      title: `历年项目${o.key}`,
      branchId: o.branchId,
      branchName: o.branchName,
      ownerId: personId,
    },
  ])
  const milestones: Doc[] = Array.from({ length: o.milestones }, (_, i) => ({
    ...o.templates.milestone,
    _id: `${o.key}-m${String(i).padStart(6, '0')}`,
    projectId,
    branchId: o.branchId,
    ownerId: personId,
    order: i,
    title: `历年里程碑${i}`,
  }))
  for (let i = 0; i < milestones.length; i += 1000) db.insertMany('milestones', milestones.slice(i, i + 1000))
  const tally = emptyTally()
  const checkins: Doc[] = []
  for (let i = 0; i < o.checkins; i++) {
    const at = new Date(o.until.getTime() - (o.checkins - 1 - i) * 60_000)
    const c = {
      _id: `${o.key}-c${String(i).padStart(7, '0')}`,
      requestId: `${o.key}-r${i}`,
      seq: i + 1,
      personId,
      personName: `历史党员${o.key}`,
      branchId: o.branchId,
      projectId,
      projectTitle: `历年项目${o.key}`,
      taskId: 't1',
      taskTitle: '任务',
      milestoneId: null,
      milestoneTitle: null,
      text: `写实第${i}条`,
      photos: [],
      at,
      day: chinaDay(at),
      place: null,
      createdAt: at,
      counted: true,
    }
    tallyCheckin(tally, c)
    checkins.push(c)
  }
  for (let i = 0; i < checkins.length; i += 1000) db.insertMany('checkins', checkins.slice(i, i + 1000))
  const { stats, counts } = tallyDocs(tally)
  db.insertMany('checkin_stats', stats as unknown as Doc[])
  const branchCounter = `branch:${o.branchId}`
  const fresh = counts.filter((c) => c._id !== branchCounter)
  for (let i = 0; i < fresh.length; i += 1000)
    db.insertMany('checkin_counts', fresh.slice(i, i + 1000) as unknown as Doc[])
  const added = counts.find((c) => c._id === branchCounter)?.count ?? 0
  const had = db.find('checkin_counts', { _id: branchCounter })[0] as { count: number } | undefined
  if (had)
    await db.handle('database.modifyDocument', {
      collectionName: 'checkin_counts',
      query: JSON.stringify({ _id: branchCounter }),
      data: JSON.stringify({ $inc: { count: added } }),
      queryType: 'WHERE',
      multi: false,
      merge: true,
    })
  else db.insertMany('checkin_counts', [{ _id: branchCounter, scope: 'branch', count: added }])
  return { projectId, personId }
}
