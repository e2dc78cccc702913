import {
  borrowedDraft,
  canBorrow,
  planOutline,
  showcasePhotos,
  showcaseYear,
  showcasedRank,
} from '../showcase'

const f = (name: string) => `cloud://env.bucket/uploads/p1/${name}`

describe('showcase rules', () => {
  it.each([
    [[], undefined, null],
    [[{ year: 2024 }, { year: 2025 }], undefined, 2025],
    [[{ year: 2025 }, { year: 2024 }], 2024, 2024],
    [[{ year: 2025 }], 2023, 2023],
  ])('shows the year asked for, else the newest confirmed (%j, %s → %s)', (selections, asked, year) => {
    expect(showcaseYear(selections, asked)).toBe(year)
  })

  it('takes 结题 evidence, then 验收 photos, then approved milestones’ evidence: photos only, each once, at most nine', () => {
    const photos = showcasePhotos(
      {
        acceptance: {
          summary: '',
          evidence: [f('a.png'), f('report.pdf')],
          requestedBy: 'p1',
          requestedAt: new Date(),
        },
        acceptanceMethods: {
          site_visit: { notes: '', photos: [f('b.jpg'), f('a.png')], byId: 'p', byName: 'x', at: new Date() },
        } as never,
      },
      [
        { status: 'approved', evidence: [f('d.jpeg')], order: 2 },
        { status: 'submitted', evidence: [f('x.png')], order: 0 },
        { status: 'approved', evidence: [f('c.webp')], order: 1 },
        ...Array.from({ length: 10 }, (_, k) => ({
          status: 'approved' as const,
          evidence: [f(`m${k}.png`)],
          order: 3 + k,
        })),
      ],
    )
    expect(photos.slice(0, 4)).toEqual([f('a.png'), f('b.jpg'), f('c.webp'), f('d.jpeg')])
    expect(photos).toHaveLength(9)
    expect(photos).not.toContain(f('x.png'))
    expect(photos).not.toContain(f('report.pdf'))
  })

  it('outlines the plan by task in milestone order', () => {
    expect(
      planOutline(
        [
          { id: 't1', title: '宣传' },
          { id: 't2', title: '服务' },
        ],
        [
          { taskId: 't1', title: '二', order: 1 },
          { taskId: 't2', title: '三', order: 2 },
          { taskId: 't1', title: '一', order: 0 },
        ],
      ),
    ).toEqual([
      { task: '宣传', milestones: ['一', '二'] },
      { task: '服务', milestones: ['三'] },
    ])
  })

  it('finds a project’s 十佳 rank in any year, and none for a project never chosen', () => {
    const selections = [
      { year: 2026, entries: [{ projectId: 'a', rank: 1 }] },
      {
        year: 2025,
        entries: [
          { projectId: 'b', rank: 1 },
          { projectId: 'c', rank: 2 },
        ],
      },
    ] as never
    expect(showcasedRank(selections, 'c')).toEqual({ year: 2025, rank: 2 })
    expect(showcasedRank(selections, 'z')).toBeNull()
  })

  it('borrows the idea and goals, leaves who and when to the new branch, and records the source', () => {
    const answers = { what: '干什么', why: '为什么', who: '谁', how: '怎么干', when: '何时', extent: '程度' }
    const { fields, borrowedFrom } = borrowedDraft(
      {
        _id: 'prj-9',
        title: '连心桥',
        slogan: '口号',
        problem: '问题',
        category: 'service',
        answers,
        branchName: '城区',
        year: 2025,
      },
      3,
      [{ task: '任务', milestones: ['里程碑'] }],
    )
    expect(fields).toEqual({
      title: '连心桥',
      slogan: '口号',
      problem: '问题',
      category: 'service',
      answers: { ...answers, who: '', when: '' },
    })
    expect(borrowedFrom).toEqual({
      projectId: 'prj-9',
      title: '连心桥',
      branchName: '城区',
      year: 2025,
      rank: 3,
      outline: [{ task: '任务', milestones: ['里程碑'] }],
    })
  })

  it('lets only a branch secretary 借鉴', () => {
    expect(canBorrow({ _id: 'p', branchId: 'b', grants: [{ role: 'secretary', branchId: 'b' }] })).toBe(true)
    expect(canBorrow({ _id: 'p', branchId: 'b', grants: [{ role: 'member', branchId: 'b' }] })).toBe(false)
    expect(canBorrow({ _id: 'p', branchId: null, grants: [{ role: 'committee' }] })).toBe(false)
  })
})
