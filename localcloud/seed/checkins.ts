import { recountCheckins } from '../../domain/checkin-counts'
import { chinaDay } from '../../domain/checkins'
import { uploadPath } from '../../domain/files'
import { chinaMinutes } from '../../domain/time'
import { recordId } from '../../domain/milestones'
import type {
  Checkin,
  CheckinCount,
  CheckinStatsDoc,
  Milestone,
  MilestoneAction,
  MilestoneRecord,
  Person,
  Project,
} from '../../types/entities'
import { DEMO_PHOTOS } from './demo-files'

const DAY = 24 * 3600 * 1000
const HOUR = 3600 * 1000

/**
 * Some hours before an instant, but never before that day's midnight in China: a demo seeded just after
 * midnight would otherwise move "today's" check-ins to yesterday and lengthen every streak by a day.
 */
function earlierThatDay(instant: Date, hours: number): Date {
  const wanted = new Date(instant.getTime() - hours * HOUR)
  if (chinaDay(wanted) === chinaDay(instant)) return wanted
  const sinceMidnight = chinaMinutes(instant) * 60_000 + (instant.getTime() % 60_000)
  return new Date(instant.getTime() - Math.floor((sinceMidnight * hours) / (hours + 1)))
}

/** What the demo's daily loop stores besides the lifecycle: reviews, check-ins, counters and their photos. */
export interface DemoCheckins {
  milestones: Milestone[]
  records: MilestoneRecord[]
  checkins: Checkin[]
  stats: CheckinStatsDoc[]
  counts: CheckinCount[]
  files: { cloudPath: string; content: Buffer }[]
}

const TEXTS = [
  '带领班组完成现场勘查，落实安全措施，记录施工前后对比照片。',
  '组织党员骨干召开碰头会，梳理本周任务清单，明确每项任务责任人。',
  '走访辖区用户，收集用电需求和意见建议，现场答复三条。',
  '对照质量标准检查台账，补齐缺失的影像资料。',
  '参加支部组织的专题学习，结合岗位撰写心得体会。',
  '协助开展随机抽查，发现问题两处，已当场整改。',
  '整理本月写实记录，报送支部书记审核。',
]

/** Milestones whose review the demo tells as a story: returned once and resubmitted, or returned now. */
const RETURNED_THEN_RESUBMITTED = 'prj-001-m3'
const RETURNED = 'prj-014-m3'
const RETURN_COMMENTS: Record<string, string> = {
  [RETURNED_THEN_RESUBMITTED]: '请补充班组意见征集的现场照片后再提交。',
  [RETURNED]: '请补充群众满意度调查结果，说明整改闭环情况。',
}

const photoId = (personId: string, k: number) =>
  `cloud://local.localcloud/${uploadPath(personId, `demo-photo-${(k % DEMO_PHOTOS.length) + 1}`, 'png')}`

/**
 * The demo's reviews and daily loop, built on its lifecycle: every approved milestone has its submission and
 * approval on record, each running project has one submission waiting for its secretary (one of them on its
 * second round), one milestone is back with its owner, and the members of running projects have checked in
 * over the last days, some on consecutive days (streaks). Counters come from the pure recount, so they are
 * right by construction.
 */
export function buildDemoCheckins(
  projects: readonly Project[],
  milestones: readonly Milestone[],
  people: readonly Person[],
  now: Date,
): DemoCheckins {
  const byId = new Map(people.map((p) => [p._id, p]))
  const secretaryOf = (branchId: string) =>
    people.find((p) => p.grants.some((g) => g.role === 'secretary' && g.branchId === branchId))
  const records: MilestoneRecord[] = []
  const files = new Map<string, Buffer>()
  const photo = (personId: string, k: number) => {
    const id = photoId(personId, k)
    files.set(id.replace('cloud://local.localcloud/', ''), DEMO_PHOTOS[k % DEMO_PHOTOS.length])
    return id
  }

  const reviewed = milestones.map((m, i): Milestone => {
    const story = m._id === RETURNED ? 'returned' : m.status
    if (story !== 'approved' && story !== 'submitted' && story !== 'returned') return m
    const owner = byId.get(m.ownerId)
    const secretary = secretaryOf(m.branchId)
    if (!owner || !secretary) throw new Error(`demo milestone ${m._id} has no owner or secretary`)
    const base = m.deadline && m.deadline.getTime() < now.getTime() ? m.deadline.getTime() : now.getTime()
    const steps: [MilestoneAction, number, string][] =
      story === 'approved'
        ? [
            ['submit', base - 4 * DAY, ''],
            ['approve', base - 3 * DAY, '材料齐全，达到质量标准，同意。'],
          ]
        : story === 'returned'
          ? [
              ['submit', now.getTime() - 6 * DAY, ''],
              ['return', now.getTime() - 5 * DAY, RETURN_COMMENTS[m._id]],
            ]
          : m._id === RETURNED_THEN_RESUBMITTED
            ? [
                ['submit', now.getTime() - 9 * DAY, ''],
                ['return', now.getTime() - 8 * DAY, RETURN_COMMENTS[m._id]],
                ['submit', now.getTime() - 2 * DAY, ''],
              ]
            : [['submit', now.getTime() - (2 + (i % 4)) * DAY, '']]
    let round = 0
    let status = 'open' as Milestone['status']
    const evidence = [photo(owner._id, i), photo(owner._id, i + 1)]
    const description = `${m.title}已完成：${m.expectedGoal}。附现场照片和台账。`
    let review: Partial<Milestone> = {}
    for (const [action, time, comment] of steps) {
      const submit = action === 'submit'
      if (submit) round += 1
      const to = submit ? 'submitted' : action === 'approve' ? 'approved' : 'returned'
      const actor = submit ? owner : secretary
      records.push({
        _id: recordId(m._id, round, action),
        milestoneId: m._id,
        projectId: m.projectId,
        branchId: m.branchId,
        round,
        action,
        from: status,
        to,
        actorId: actor._id,
        actorName: actor.name,
        description: submit ? description : '',
        evidence: submit ? evidence : [],
        comment,
        at: new Date(time),
      })
      status = to
      review = submit
        ? { ...review, round, submittedBy: owner._id, submittedAt: new Date(time), description, evidence }
        : { ...review, decidedBy: secretary._id, decidedAt: new Date(time), lastComment: comment }
    }
    return { ...m, ...review, status }
  })

  const checkins: Checkin[] = []
  for (const project of projects.filter((p) => p.status === 'in_progress')) {
    project.tasks.forEach((task, ti) => {
      const open = reviewed.find(
        (m) => m.projectId === project._id && m.taskId === task.id && m.status !== 'approved',
      )
      task.assigneeIds.forEach((personId, ai) => {
        const person = byId.get(personId)
        if (!person) return
        // The first assignee has checked in every day of the last four (a streak); the second now and then,
        // and about once a week since September, so the dashboard's weekly chart has twelve weeks to show.
        const weekly = Array.from({ length: 10 }, (_, w) => (w + 2) * 7 + (ti % 3)).filter(
          (_, w) => (w + ti + ai) % 4 !== 0,
        )
        for (const daysAgo of ai === 0 ? [3, 2, 1, 0] : [...weekly.reverse(), 5, 2, 1]) {
          const n = checkins.length
          const at = earlierThatDay(new Date(now.getTime() - daysAgo * DAY), 1 + ti + ai)
          const onMilestone = open && open.ownerId === personId ? open : null
          checkins.push({
            _id: `ck-demo-${String(n + 1).padStart(4, '0')}`,
            requestId: `demo-${String(n + 1).padStart(4, '0')}`,
            seq: 0,
            personId,
            personName: person.name,
            branchId: project.branchId,
            projectId: project._id,
            projectTitle: project.title,
            taskId: task.id,
            taskTitle: task.title,
            milestoneId: onMilestone?._id ?? null,
            milestoneTitle: onMilestone?.title ?? null,
            text: TEXTS[n % TEXTS.length],
            photos: n % 3 === 2 ? [] : [photo(personId, n), photo(personId, n + 1)].slice(0, 1 + (n % 2)),
            at,
            day: chinaDay(at),
            place:
              n % 2 === 0
                ? {
                    name: `${project.branchName.replace('党支部', '')}工作现场`,
                    latitude: 30.59,
                    longitude: 114.3,
                  }
                : null,
            createdAt: new Date(at.getTime() + 5 * 60 * 1000),
          })
        }
      })
    })
  }
  // Each member's nth check-in, in the order they were recorded (the order their figures were kept in).
  const seen = new Map<string, number>()
  for (const c of [...checkins].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    c.seq = (seen.get(c.personId) ?? 0) + 1
    seen.set(c.personId, c.seq)
  }
  const { stats, counts } = recountCheckins(checkins)
  return {
    milestones: reviewed,
    records,
    checkins,
    stats,
    counts,
    files: [...files].map(([cloudPath, content]) => ({ cloudPath, content })),
  }
}
