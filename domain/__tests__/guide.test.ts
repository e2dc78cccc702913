import {
  categoryLabelsOf,
  draftYear,
  yearCategoryLabels,
  defaultGuideContent,
  describeGuideChange,
  guideIssues,
  guideProgress,
  linkRefusal,
  submitWindowRefusal,
  windowState,
  windowText,
} from '../guide'
import type { ProjectStatus } from '../../types/entities'

const guide = { year: 2026, published: true, opensOn: '2026-01-05', deadline: '2026-03-31' }

describe('the proposal window', () => {
  it.each([
    ['2026-01-04', 'not_open'],
    ['2026-01-05', 'open'],
    ['2026-03-31', 'open'],
    ['2026-04-01', 'closed'],
  ])('on %s is %s (both ends are days of the window)', (today, state) => {
    expect(windowState(guide, today)).toBe(state)
  })

  it('says where it stands in words', () => {
    expect(windowText(guide, '2026-01-01')).toBe('立项申报 2026-01-05 开始，2026-03-31 截止')
    expect(windowText(guide, '2026-02-01')).toBe('立项申报进行中，2026-03-31 截止')
    expect(windowText(guide, '2026-04-01')).toBe('立项申报已于 2026-03-31 截止')
  })

  it.each<[string, ProjectStatus, boolean, string | null]>([
    ['2026-02-01', 'draft', true, null],
    ['2026-01-04', 'draft', true, '2026 年立项申报 2026-01-05 开始，草稿已保存，届时再提交'],
    [
      '2026-04-01',
      'draft',
      true,
      '2026 年立项申报已于 2026-03-31 截止，草稿已保存；如需补报，请联系党委延长申报时间',
    ],
    // Returned by the committee: first sent in time, it goes back whenever it is ready.
    ['2026-04-01', 'returned', true, null],
    // A draft guide sets no window.
    ['2026-04-01', 'draft', false, null],
  ])('refuses sending on %s a %s proposal (published %s) with: %s', (today, status, published, refusal) => {
    expect(submitWindowRefusal({ ...guide, published }, today, status)).toBe(refusal)
  })

  it('sets no window without a guide', () => {
    expect(submitWindowRefusal(null, '2026-12-31', 'draft')).toBeNull()
  })
})

describe('what a guide may hold', () => {
  const base = defaultGuideContent(2026)

  it('starts with the five categories and the first quarter', () => {
    expect(base.categories.map((c) => c.id)).toEqual(['basic', 'service', 'innovation', 'theme', 'flagship'])
    expect(guideIssues(2026, base)).toEqual([])
  })

  it.each([
    [{ categories: [] }, '至少保留一个项目类别'],
    [{ categories: [base.categories[0], base.categories[0]] }, '项目类别不能重复'],
    [
      { categories: [base.categories[0], { ...base.categories[1], label: base.categories[0].label }] },
      '两个类别不能同名',
    ],
    [{ focusFields: ['team', 'team'] }, '重点领域不能重复'],
    [{ opensOn: '2026-04-01' }, '申报截止日期不能早于开始日期'],
    [{ deadline: '2026-02-30' }, '申报截止日期不是有效的日期'],
    [{ deadline: '2028-01-31' }, '申报时间应在 2025 年至 2027 年之间'],
  ])('refuses %j: %s', (over, message) => {
    expect(guideIssues(2026, { ...base, ...over } as typeof base)[0]?.message).toBe(message)
  })

  it('names categories by the year’s guide, else by default', () => {
    const renamed = [{ id: 'service' as const, label: '优质服务项目', note: '' }]
    expect(categoryLabelsOf(renamed).service).toBe('优质服务项目')
    expect(categoryLabelsOf(renamed).basic).toBe(categoryLabelsOf(null).basic)
  })

  it.each([
    ['no guide', null, '服务关怀项目'],
    [
      'a draft guide',
      { published: false, categories: [{ id: 'service' as const, label: '草稿名', note: '' }] },
      '服务关怀项目',
    ],
    [
      'a published guide',
      { published: true, categories: [{ id: 'service' as const, label: '优质服务项目', note: '' }] },
      '优质服务项目',
    ],
    [
      'a published guide leaving it out',
      { published: true, categories: [{ id: 'basic' as const, label: '规范', note: '' }] },
      '服务关怀项目',
    ],
  ])('a year’s category names: %s', (_case, guide, service) => {
    const labels = yearCategoryLabels(guide)
    expect(labels.service).toBe(service)
    expect(Object.keys(labels).sort()).toEqual(Object.keys(categoryLabelsOf(null)).sort())
  })
})

describe('history in words', () => {
  const first = defaultGuideContent(2026)

  it('says what changed between two published versions', () => {
    expect(describeGuideChange(null, first)).toBe('发布选题指南：5 个项目类别，申报 2026-01-01 至 2026-03-31')
    const next = {
      ...first,
      categories: first.categories
        .filter((c) => c.id !== 'theme')
        .map((c) => (c.id === 'service' ? { ...c, label: '优质服务项目' } : c)),
      deadline: '2026-04-30',
      focusFields: ['safety' as const],
    }
    expect(describeGuideChange(first, next)).toBe(
      `类别「${first.categories[1].label}」改名为「优质服务项目」；取消类别「${first.categories[3].label}」；` +
        '申报截止日期由 2026-03-31 延长至 2026-04-30；重点领域改为：安全生产',
    )
    expect(describeGuideChange(next, { ...next, deadline: '2026-03-15' })).toBe(
      '申报截止日期由 2026-04-30 提前至 2026-03-15',
    )
    expect(describeGuideChange(next, next)).toBe('重新发布，内容未变')
  })
})

describe('proposals tied to problems', () => {
  const found = new Map([
    ['sp-1', { _id: 'sp-1', year: 2026, mergedInto: null }],
    ['sp-2', { _id: 'sp-2', year: 2025, mergedInto: null }],
    ['sp-3', { _id: 'sp-3', year: 2026, mergedInto: 'sp-1' }],
  ])

  it.each([
    [['sp-1'], null],
    [['sp-404'], '没有找到所选的调研问题'],
    [['sp-1', 'sp-2'], '只能关联 2026 年度调研的问题'],
    [['sp-3'], '所选问题已合并到另一条，请关联合并后的问题'],
  ])('links %j: %s', (ids, message) => {
    expect(linkRefusal(ids, found, 2026)?.message ?? null).toBe(message)
  })

  it('finds the branches that have not proposed and who takes up each key problem (drafts do not count)', () => {
    const branches = [
      { _id: 'b1', name: '一支部' },
      { _id: 'b2', name: '二支部' },
      { _id: 'b3', name: '三支部' },
    ]
    const progress = guideProgress(
      branches,
      [
        { branchId: 'b1', branchName: '一支部', status: 'in_progress', problemIds: ['sp-1', 'sp-1'] },
        { branchId: 'b1', branchName: '一支部', status: 'submitted', problemIds: ['sp-1'] },
        { branchId: 'b2', branchName: '二支部', status: 'draft', problemIds: ['sp-9'] },
        { branchId: 'b3', branchName: '三支部', status: 'returned' },
      ],
      ['sp-1', 'sp-9'],
    )
    expect(progress.missing).toEqual([{ branchId: 'b2', branchName: '二支部' }])
    expect(progress.proposed).toBe(2)
    expect(Object.fromEntries(progress.takenBy)).toEqual({ 'sp-1': ['一支部'], 'sp-9': [] })
  })
})

describe('the year a new draft belongs to', () => {
  const next = { year: 2027, published: true, opensOn: '2026-12-15' }
  it.each([
    ['an ordinary day, no next guide', '2026-06-01', null, [], 2026],
    ['December, next guide not published', '2026-12-20', { ...next, published: false }, [], 2026],
    ['December, before next window opens', '2026-12-14', next, [], 2026],
    ['December, on the day next window opens', '2026-12-15', next, [], 2027],
    ['December, inside next window', '2026-12-28', next, [], 2027],
    ['January, the guide of the year itself', '2027-01-10', { ...next, opensOn: '2027-01-05' }, [], 2027],
    ['a guide of another year is not next year’s', '2026-12-28', { ...next, year: 2028 }, [], 2026],
    ['linked to a problem of next year’s 调研', '2026-11-02', null, [2027], 2027],
    ['linked to this year’s problems', '2026-11-02', null, [2026], 2026],
    ['just after midnight on 1 January (China day)', '2027-01-01', null, [], 2027],
  ] as const)('%s', (_case, today, guide, linked, year) => {
    expect(draftYear(today, guide, linked)).toBe(year)
  })
})
