import { DEFAULT_RULES, inQuietHours } from '../reminder-rules'
import { chineseDate, chineseTime } from '../time'
import {
  digestFigures,
  lectureReminderKind,
  planApprovals,
  planDigest,
  planLecture,
  planMilestones,
  planNewLecture,
  planReviews,
} from '../reminders'
import { digestPeriod, isoWeek, latestEscalatedDeadline, sweepWindows } from '../reminder-calendar'
import { isKindOn, pushDecision, reminderKey, reminderKindsFor } from '../reminder-delivery'
import type { Leaders, MilestoneFact, ReviewFact, SubmissionFact } from '../reminders'
import { routes } from '../../types/routes'

// Monday 2026-11-30, 09:30 in China (01:30 UTC): every clock here is injected, nothing sleeps.
const NOW = new Date('2026-11-30T01:30:00Z')
const TODAY = '2026-11-30'
const rules = DEFAULT_RULES
const leaders: Leaders = { secretaries: { b1: ['sec1'], b2: ['sec2a', 'sec2b'] }, committee: ['c1', 'c2'] }
const at = (iso: string) => new Date(iso)

const milestone = (deadline: string, over: Partial<MilestoneFact> = {}): MilestoneFact => ({
  id: 'm1',
  title: '建立临时任务责任人台账',
  projectId: 'prj-1',
  projectTitle: '临时任务一票直达',
  projectStatus: 'in_progress',
  branchId: 'b1',
  ownerId: 'owner',
  ownerName: '张三',
  status: 'open',
  deadline,
  ...over,
})

const kinds = (planned: { kind: string; personId: string }[]) => planned.map((p) => `${p.kind}→${p.personId}`)

describe('milestones due soon and overdue', () => {
  it.each([
    ['2026-11-30', ['milestone_due→owner']],
    ['2026-12-03', ['milestone_due→owner']],
    ['2026-12-04', []],
    ['2026-11-29', ['milestone_overdue→owner']],
  ])('deadline %s reminds %j', (deadline, expected) => {
    expect(kinds(planMilestones([milestone(deadline)], TODAY, rules, leaders))).toEqual(expected)
  })

  it('escalates to the branch secretary only after M days overdue, and stops after the lookback', () => {
    const plan = (deadline: string) => kinds(planMilestones([milestone(deadline)], TODAY, rules, leaders))
    expect(plan('2026-11-29')).toEqual(['milestone_overdue→owner']) // 1 day overdue
    expect(plan('2026-11-28')).toEqual(['milestone_overdue→owner', 'milestone_escalated→sec1']) // 2 days
    expect(plan('2026-11-23')).toEqual(['milestone_overdue→owner', 'milestone_escalated→sec1']) // 7 days
    expect(plan('2026-11-22')).toEqual(['milestone_escalated→sec1']) // 8: the owner was told already
    expect(plan('2026-11-21')).toEqual(['milestone_escalated→sec1']) // 9 = M + lookback
    expect(plan('2026-11-20')).toEqual([])
  })

  it('needs the secretaries for deadlines up to M days ago', () => {
    expect(latestEscalatedDeadline(TODAY, rules)).toBe('2026-11-28')
  })

  it('honours other numbers of days', () => {
    const custom = { ...rules, dueSoonDays: 1, escalateAfterDays: 5 }
    expect(kinds(planMilestones([milestone('2026-12-02')], TODAY, custom, leaders))).toEqual([])
    expect(kinds(planMilestones([milestone('2026-11-26')], TODAY, custom, leaders))).toEqual([
      'milestone_overdue→owner',
    ])
    expect(kinds(planMilestones([milestone('2026-11-25')], TODAY, custom, leaders))).toEqual([
      'milestone_overdue→owner',
      'milestone_escalated→sec1',
    ])
  })

  it('escalates to every secretary of the branch but never to the owner themselves', () => {
    const m = milestone('2026-11-27', { branchId: 'b2', ownerId: 'sec2a' })
    expect(kinds(planMilestones([m], TODAY, rules, leaders))).toEqual([
      'milestone_overdue→sec2a',
      'milestone_escalated→sec2b',
    ])
  })

  it('leaves submitted and approved milestones, and projects not being implemented, alone', () => {
    expect(planMilestones([milestone(TODAY, { status: 'submitted' })], TODAY, rules, leaders)).toEqual([])
    expect(planMilestones([milestone(TODAY, { status: 'approved' })], TODAY, rules, leaders)).toEqual([])
    expect(planMilestones([milestone(TODAY, { projectStatus: 'closed' })], TODAY, rules, leaders)).toEqual([])
    expect(kinds(planMilestones([milestone(TODAY, { status: 'returned' })], TODAY, rules, leaders))).toEqual([
      'milestone_due→owner',
    ])
  })

  it('says what is due, when, and where a tap goes', () => {
    const [due] = planMilestones([milestone('2026-12-02')], TODAY, rules, leaders)
    expect(due).toEqual({
      key: 'milestone_due:owner:m1:2026-12-02',
      kind: 'milestone_due',
      personId: 'owner',
      itemId: 'm1',
      title: '里程碑即将到期',
      body: '「建立临时任务责任人台账」还有 2 天到期（2026年12月2日），请按时提交成果。项目：临时任务一票直达',
      page: '/pages/milestone-submit/index?id=m1',
      values: {
        title: '建立临时任务责任人台账',
        project: '临时任务一票直达',
        deadline: '2026年12月2日',
        person: '张三',
        status: '即将到期',
      },
    })
    const [, escalated] = planMilestones([milestone('2026-11-27')], TODAY, rules, leaders)
    expect(escalated).toMatchObject({
      body: '张三 负责的「建立临时任务责任人台账」已逾期 3 天。项目：临时任务一票直达',
      page: routes.project('prj-1'),
      values: { status: '逾期督办' },
    })
  })
})

describe('de-duplication keys', () => {
  it('are (kind, person, item, period): the same on every sweep, new when the deadline moves', () => {
    const first = planMilestones([milestone('2026-12-01')], TODAY, rules, leaders)
    const later = planMilestones([milestone('2026-12-01')], '2026-12-01', rules, leaders)
    expect(first.map((p) => p.key)).toEqual(later.map((p) => p.key))
    const moved = planMilestones([milestone('2026-12-02')], TODAY, rules, leaders)
    expect(moved[0].key).not.toBe(first[0].key)
    expect(reminderKey('milestone_due', 'p1', 'm1', '2026-12-01')).toBe('milestone_due:p1:m1:2026-12-01')
  })

  it('give each submission round its own approval reminder', () => {
    const s = submission(at('2026-11-29T00:00:00Z'))
    const r1 = planApprovals([s], NOW, rules, leaders)
    const r2 = planApprovals([{ ...s, round: 2 }], NOW, rules, leaders)
    expect(r1.map((r) => r.key)).toEqual(['approval_waiting:sec1:m1:r1'])
    expect(r2.map((r) => r.key)).toEqual(['approval_waiting:sec1:m1:r2'])
  })
})

const submission = (submittedAt: Date, over: Partial<SubmissionFact> = {}): SubmissionFact => ({
  milestoneId: 'm1',
  title: '建立台账',
  projectId: 'prj-1',
  projectTitle: '临时任务一票直达',
  projectStatus: 'in_progress',
  branchId: 'b1',
  round: 1,
  submittedBy: 'owner',
  submitterName: '张三',
  submittedAt,
  ...over,
})

describe('approvals waiting', () => {
  it('remind the secretary after K hours, not before, and not after the lookback', () => {
    const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)
    expect(planApprovals([submission(hoursAgo(23.9))], NOW, rules, leaders)).toEqual([])
    const [r] = planApprovals([submission(hoursAgo(24))], NOW, rules, leaders)
    expect(r).toMatchObject({
      kind: 'approval_waiting',
      personId: 'sec1',
      page: '/pages/submission/index?id=m1',
      body: '张三 提交的「建立台账」已等待 24 小时，请及时审批。项目：临时任务一票直达',
    })
    expect(planApprovals([submission(hoursAgo(24 + 7 * 24 + 1))], NOW, rules, leaders)).toEqual([])
  })

  it('never ask the submitter to approve their own work, and skip projects no longer reviewed', () => {
    const own = submission(at('2026-11-28T00:00:00Z'), { branchId: 'b2', submittedBy: 'sec2a' })
    expect(kinds(planApprovals([own], NOW, rules, leaders))).toEqual(['approval_waiting→sec2b'])
    const closed = submission(at('2026-11-28T00:00:00Z'), { projectStatus: 'closed' })
    expect(planApprovals([closed], NOW, rules, leaders)).toEqual([])
  })
})

describe('proposals and acceptance requests waiting', () => {
  const review = (
    status: ReviewFact['status'],
    since: Date,
    submittedBy: string | null = 'sec1',
  ): ReviewFact => ({
    projectId: 'prj-9',
    title: '党员抢修突击队',
    branchName: '城区供电所党支部',
    status,
    since,
    submittedBy,
    submitterName: '李四',
  })

  it('remind every committee member but the submitter, each to its own page', () => {
    const since = at('2026-11-28T00:00:00Z')
    const proposals = planReviews([review('submitted', since, 'c2')], NOW, rules, leaders)
    expect(kinds(proposals)).toEqual(['proposal_waiting→c1'])
    expect(proposals[0]).toMatchObject({ page: '/pages/project/index?id=prj-9', title: '立项待审批' })
    const acceptance = planReviews([review('acceptance_requested', since)], NOW, rules, leaders)
    expect(kinds(acceptance)).toEqual(['acceptance_waiting→c1', 'acceptance_waiting→c2'])
    expect(acceptance[0]).toMatchObject({
      page: '/pages/review/index?id=prj-9',
      values: { status: '待验收' },
    })
    expect(acceptance[0].key).toBe(`acceptance_waiting:c1:prj-9:${since.getTime()}`)
  })

  it('wait K hours, and ignore any other status', () => {
    expect(planReviews([review('submitted', at('2026-11-29T12:00:00Z'))], NOW, rules, leaders)).toEqual([])
    expect(planReviews([review('in_progress', at('2026-11-28T00:00:00Z'))], NOW, rules, leaders)).toEqual([])
  })
})

describe('required lectures', () => {
  it.each([
    ['2026-12-03', 'lecture_due'],
    ['2026-11-30', 'lecture_due'],
    ['2026-12-04', null],
    ['2026-11-29', 'lecture_overdue'],
    ['2026-11-23', 'lecture_overdue'],
    ['2026-11-22', null],
  ])('deadline %s → %s', (deadline, kind) => {
    expect(lectureReminderKind(deadline, TODAY, rules)).toBe(kind)
  })

  it('remind each member who has not completed it, once each', () => {
    const lecture = { lectureId: 'lec-1', title: '学习党的二十大精神', deadline: '2026-12-01' }
    const planned = planLecture(lecture, ['p1', 'p2', 'p1'], TODAY, rules)
    expect(planned.map((p) => p.key)).toEqual([
      'lecture_due:p1:lec-1:2026-12-01',
      'lecture_due:p2:lec-1:2026-12-01',
    ])
    expect(planned[0]).toMatchObject({
      page: '/packages/lectures/pages/detail/index?id=lec-1',
      body: '必学讲坛「学习党的二十大精神」将于 2026年12月1日 截止，请尽快学完。',
    })
    expect(planLecture({ ...lecture, deadline: '2027-01-01' }, ['p1'], TODAY, rules)).toEqual([])
  })
})

describe('new lectures', () => {
  it('tell each member of the audience once, but not the author', () => {
    const lecture = {
      lectureId: 'lec-2',
      title: '安全生产微课',
      publisherName: '运维部党支部',
      authorId: 'sec1',
    }
    const planned = planNewLecture(lecture, ['sec1', 'p1', 'p2', 'p2'])
    expect(planned.map((p) => p.key)).toEqual([
      'lecture_new:p1:lec-2:published',
      'lecture_new:p2:lec-2:published',
    ])
    expect(planned[0]).toMatchObject({
      title: '新讲坛上线',
      body: '运维部党支部发布了微讲坛「安全生产微课」，欢迎学习。',
      page: '/packages/lectures/pages/detail/index?id=lec-2',
    })
  })
})

describe('quiet hours (China time)', () => {
  const quiet = { start: '22:00', end: '07:00' }
  it.each([
    ['2026-11-30T13:59:00Z', false], // 21:59
    ['2026-11-30T14:00:00Z', true], // 22:00
    ['2026-11-30T18:00:00Z', true], // 02:00
    ['2026-11-30T22:59:00Z', true], // 06:59
    ['2026-11-30T23:00:00Z', false], // 07:00
  ])('%s quiet: %s', (iso, expected) => {
    expect(inQuietHours(at(iso), quiet)).toBe(expected)
  })

  it('also within one day, and none when start equals end', () => {
    expect(inQuietHours(at('2026-11-30T05:00:00Z'), { start: '12:00', end: '14:00' })).toBe(true)
    expect(inQuietHours(at('2026-11-30T07:00:00Z'), { start: '12:00', end: '14:00' })).toBe(false)
    expect(inQuietHours(at('2026-11-30T18:00:00Z'), { start: '00:00', end: '00:00' })).toBe(false)
  })

  it('defer pushes; credits are looked at only when a push is due', () => {
    expect(pushDecision('tpl', true, 0)).toBe('deferred')
    expect(pushDecision('tpl', false, 1)).toBe('sending')
    expect(pushDecision('tpl', false, 0)).toBe('no_credit')
    expect(pushDecision(null, false, 5)).toBe('no_template')
  })
})

describe('the weekly digest period', () => {
  it('is due on the digest weekday from its hour, China time', () => {
    expect(digestPeriod(at('2026-11-30T00:59:00Z'), rules)).toBeNull() // Monday 08:59
    expect(digestPeriod(at('2026-11-30T01:00:00Z'), rules)).toBe('2026-W49') // Monday 09:00
    expect(digestPeriod(at('2026-11-30T15:59:00Z'), rules)).toBe('2026-W49') // Monday 23:59
    expect(digestPeriod(at('2026-11-30T16:00:00Z'), rules)).toBeNull() // Tuesday 00:00
    expect(digestPeriod(at('2026-12-04T02:00:00Z'), { ...rules, digest: { weekday: 5, hour: 9 } })).toBe(
      '2026-W49',
    )
  })

  it('names ISO weeks, across the year boundary', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01')
    expect(isoWeek('2026-12-31')).toBe('2026-W53')
    expect(isoWeek('2027-01-03')).toBe('2026-W53')
    expect(isoWeek('2027-01-04')).toBe('2027-W01')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
  })

  it('tells each secretary about their branch and the committee about the company, once per week', () => {
    const branches = digestFigures(
      [
        { _id: 'a', branchId: 'b1', branchName: '运维部党支部', progress: 40 },
        { _id: 'b', branchId: 'b1', branchName: '运维部党支部', progress: 61 },
        { _id: 'c', branchId: 'b3', branchName: '营销部党支部', progress: 10 },
      ],
      new Map([
        ['a', 2],
        ['c', 1],
      ]),
      new Map([
        ['b1', '运维部党支部'],
        ['b2', '安质部党支部'],
      ]),
    )
    const planned = planDigest('2026-W49', { branches, proposalsWaiting: 3, acceptanceWaiting: 1 }, leaders)
    expect(planned.map((p) => [p.key, p.body])).toEqual([
      ['weekly_digest:sec1:b1:2026-W49', '运维部党支部：实施中项目 2 个，平均进度 51%，逾期里程碑 2 个。'],
      ['weekly_digest:sec2a:b2:2026-W49', '安质部党支部：实施中项目 0 个，平均进度 0%，逾期里程碑 0 个。'],
      ['weekly_digest:sec2b:b2:2026-W49', '安质部党支部：实施中项目 0 个，平均进度 0%，逾期里程碑 0 个。'],
      [
        'weekly_digest:c1:company:2026-W49',
        '全公司：实施中项目 3 个，平均进度 37%，逾期里程碑 3 个；待立项审批 3 个，待验收 1 个。',
      ],
      [
        'weekly_digest:c2:company:2026-W49',
        '全公司：实施中项目 3 个，平均进度 37%，逾期里程碑 3 个；待立项审批 3 个，待验收 1 个。',
      ],
    ])
    expect(planned[0]).toMatchObject({
      title: '每周简报（2026年第49周）',
      page: '/pages/index/index',
      values: { summary: '实施中2项 逾期2个', period: '2026年第49周' },
    })
  })
})

describe('sweep windows', () => {
  it('cover exactly what the rules can plan', () => {
    const w = sweepWindows(NOW, rules)
    expect(w.today).toBe(TODAY)
    expect(w.milestoneDeadlines.from.toISOString()).toBe('2026-11-21T00:00:00.000Z')
    expect(w.milestoneDeadlines.to.toISOString()).toBe('2026-12-04T00:00:00.000Z')
    expect(w.submittedAt.to.getTime()).toBe(NOW.getTime() - 24 * 3600_000 + 1)
    expect(w.lectureDeadlines.from.toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(w.lectureDeadlines.to.toISOString()).toBe('2026-12-04T00:00:00.000Z')
    expect(w.lecturesPublished.from.toISOString()).toBe('2026-11-23T01:30:00.000Z')
    expect(w.digest).toBe('2026-W49')
    expect(w.quiet).toBe(false)
    expect(sweepWindows(at('2026-11-30T15:00:00Z'), rules)).toMatchObject({ quiet: true, digest: '2026-W49' })
  })
})

describe('settings and roles', () => {
  it('every kind is on until turned off', () => {
    expect(isKindOn(undefined, 'milestone_due')).toBe(true)
    expect(isKindOn({ milestone_due: true }, 'milestone_due')).toBe(true)
    expect(isKindOn({ milestone_due: false }, 'milestone_due')).toBe(false)
    expect(isKindOn({ milestone_due: false }, 'lecture_due')).toBe(true)
  })

  it('offers each person the kinds their roles can receive', () => {
    const member = { _id: 'p', branchId: 'b1', grants: [{ role: 'member' as const, branchId: 'b1' }] }
    expect(reminderKindsFor(member)).toEqual([
      'milestone_due',
      'milestone_overdue',
      'lecture_new',
      'lecture_due',
      'lecture_overdue',
      'milestone_approved',
      'milestone_returned',
      'announcement_new',
      'announcement_unread',
      'follow_up_assigned',
      'org_changed',
    ])
    const secretary = {
      ...member,
      grants: [...member.grants, { role: 'secretary' as const, branchId: 'b1' }],
    }
    expect(reminderKindsFor(secretary)).toEqual([
      'milestone_due',
      'milestone_overdue',
      'milestone_escalated',
      'approval_waiting',
      'lecture_new',
      'lecture_due',
      'lecture_overdue',
      'weekly_digest',
      'milestone_approved',
      'milestone_returned',
      'proposal_decided',
      'acceptance_decided',
      'announcement_new',
      'announcement_unread',
      'supervision_assigned',
      'spot_check_assigned',
      'follow_up_assigned',
      'rectification_assigned',
      'rectification_due',
      'org_changed',
      'proposal_due',
    ])
    const committee = { ...member, grants: [{ role: 'committee' as const }] }
    expect(reminderKindsFor(committee)).toContain('proposal_waiting')
    expect(reminderKindsFor(committee)).not.toContain('approval_waiting')
  })
})

describe('dates in messages', () => {
  it('are China dates and times', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日')
    expect(chineseTime(at('2026-11-29T16:05:00Z'))).toBe('2026年11月30日 00:05')
  })
})
