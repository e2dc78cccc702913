import {
  excerpt,
  planAnnouncement,
  planAnnouncementUnread,
  planMilestoneDecision,
  planProjectDecision,
  planGuidePublished,
  planProposalDue,
  planSpotCheckAssigned,
} from '../notifications'

const at = new Date('2026-06-01T02:00:00Z')

describe('planMilestoneDecision', () => {
  const fact = {
    milestoneId: 'm1',
    title: '建立台账',
    projectTitle: '一票直达',
    round: 2,
    decision: 'return' as const,
    memberId: 'p004',
    deciderId: 'p001',
    deciderName: '周晓东',
    comment: '请补充照片',
    at,
  }

  it.each([
    ['return', 'milestone_returned', '成果被退回', '已退回'],
    ['approve', 'milestone_approved', '成果已通过', '已通过'],
  ] as const)('%s → %s to the member, keyed by round', (decision, kind, title, status) => {
    const [n] = planMilestoneDecision({ ...fact, decision })
    expect(n).toMatchObject({ kind, title, personId: 'p004', key: `${kind}:p004:m1:r2`, values: { status } })
    expect(n.page).toBe('/pages/milestone-submit/index?id=m1')
  })

  it('says the comment of a return, and tells nobody who decided their own', () => {
    expect(planMilestoneDecision(fact)[0].body).toContain('意见：请补充照片')
    expect(planMilestoneDecision({ ...fact, deciderId: 'p004' })).toEqual([])
  })
})

describe('planProjectDecision', () => {
  const fact = {
    projectId: 'prj-1',
    title: '一票直达',
    secretaryId: 'p001',
    deciderId: 'p057',
    deciderName: '党委',
    comment: '',
    version: 4,
    at,
  }
  it.each([
    ['approve', 'proposal_decided', '立项已批准'],
    ['return', 'proposal_decided', '立项被退回'],
    ['accept', 'acceptance_decided', '项目已结题'],
    ['return_acceptance', 'acceptance_decided', '结题申请被退回'],
  ] as const)('%s → %s, one per version', (decision, kind, title) => {
    const [n] = planProjectDecision({ ...fact, decision })
    expect(n).toMatchObject({ kind, title, personId: 'p001', key: `${kind}:p001:prj-1:v4` })
  })
  it('says the score of an acceptance', () => {
    expect(planProjectDecision({ ...fact, decision: 'accept', score: 92 })[0].body).toContain('得分 92')
  })
})

describe('announcements', () => {
  const a = {
    postId: 'gp1',
    groupName: '第二党小组',
    text: '周五学习',
    authorId: 'p001',
    authorName: '周',
    at,
  }
  it('tells each member once, never the author', () => {
    expect(planAnnouncement(a, ['p001', 'p002', 'p002', 'p003']).map((n) => n.personId)).toEqual([
      'p002',
      'p003',
    ])
  })
  it('提醒未读 is keyed by the day: one a day', () => {
    const [n] = planAnnouncementUnread(a, ['p002'], '2026-06-01', 'p001')
    expect(n.key).toBe('announcement_unread:p002:gp1:2026-06-01')
  })
})

describe('planSpotCheckAssigned', () => {
  it('tells the secretaries of each drawn project’s branch', () => {
    const picks = [
      { projectId: 'prj-1', title: 'A', branchId: 'b1', branchName: '一支部' },
      { projectId: 'prj-2', title: 'B', branchId: 'b2', branchName: '二支部' },
    ]
    const out = planSpotCheckAssigned('sc1', picks, { b1: ['s1'], b2: ['s2', 's3'] }, '党委', at)
    expect(out.map((n) => [n.personId, n.itemId])).toEqual([
      ['s1', 'prj-1'],
      ['s2', 'prj-2'],
      ['s3', 'prj-2'],
    ])
  })
})

describe('excerpt', () => {
  it.each([
    ['短文', 20, '短文'],
    ['一二三四五六七八九十', 5, '一二三四…'],
    ['  多个\n空白  ', 20, '多个 空白'],
  ])('%s → %s', (text, max, out) => expect(excerpt(text, max)).toBe(out))
})

describe('立项申报提醒', () => {
  const fact = {
    year: 2026,
    branchId: 'b-chengqu',
    branchName: '城区供电所党支部',
    deadline: '2026-03-31',
    day: '2026-03-20',
    senderName: '卢思琪',
  }

  it('tells each secretary once a day, before and after the deadline in different words', () => {
    const before = planProposalDue(fact, ['p043', 'p043'])
    expect(before).toHaveLength(1)
    expect(before[0]).toMatchObject({
      key: 'proposal_due:p043:2026:b-chengqu:2026-03-20',
      kind: 'proposal_due',
      title: '请按选题指南提交立项申请',
      page: '/packages/admin/pages/guide/index',
      values: { deadline: '2026年3月31日', status: '待申报' },
    })
    const after = planProposalDue({ ...fact, day: '2026-04-02' }, ['p043'])
    expect(after[0]).toMatchObject({ title: '立项申报已截止，本支部尚未申报', values: { status: '已截止' } })
    expect(after[0].body).toContain('联系党委补报')
  })
})

describe('选题指南已发布', () => {
  const fact = {
    year: 2027,
    version: 1,
    opensOn: '2026-12-20',
    deadline: '2027-03-31',
    summary: '发布选题指南：5 个项目类别',
    senderName: '卢思琪',
  }

  it('tells each secretary once per version; a later version says what changed', () => {
    const first = planGuidePublished(fact, ['p001', 'p043', 'p001'])
    expect(first.map((p) => p.personId)).toEqual(['p001', 'p043'])
    expect(first[0]).toMatchObject({
      key: 'proposal_due:p001:guide:2027:v1',
      kind: 'proposal_due',
      title: '2027 年选题指南已发布，立项截止 2027年3月31日',
      page: '/packages/admin/pages/guide/index?year=2027',
      values: { deadline: '2027年3月31日', status: '已发布' },
    })
    expect(first[0].body).toContain('立项申报 2026年12月20日开始，2027年3月31日截止')
    const second = planGuidePublished(
      { ...fact, version: 2, deadline: '2027-04-30', summary: '申报截止日期由 2027-03-31 延长至 2027-04-30' },
      ['p001'],
    )
    expect(second[0].key).toBe('proposal_due:p001:guide:2027:v2')
    expect(second[0].title).toBe('2027 年选题指南已修改，立项截止 2027年4月30日')
    expect(second[0].body).toContain('（申报截止日期由 2027-03-31 延长至 2027-04-30）')
    expect(second[0].values.status).toBe('已修改')
    for (const p of [...first, ...second]) expect((p.values.title ?? '').length).toBeLessThanOrEqual(20)
  })
})
