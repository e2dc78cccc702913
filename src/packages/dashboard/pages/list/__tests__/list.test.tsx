import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { firePageEvent, setRouterParams } from '@/../test/mocks/taro'
import { leagueRow, overdueItem } from '@/features/dashboard/__tests__/fixtures'
import { summary } from '../../../../../../test/dom/fixtures'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import DashboardListPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const page = <T,>(items: T[], page: number, total: number) => ({
  items,
  page,
  pageSize: 20,
  total,
  hasMore: page * 20 < total,
  asOf: '2026-11-26T12:20:00.000Z',
})

beforeEach(() => {
  resetCloud()
  setRouterParams({})
})

describe('看板明细', () => {
  it('lists every overdue milestone behind the figure, page by page, and opens a project on a tap', async () => {
    setRouterParams({ kind: 'overdue', year: '2026', category: 'service', branchId: 'b-yunwei' })
    const first = Array.from({ length: 20 }, (_, k) => overdueItem(`m${k}`))
    answer({
      'dashboard.overdue': [page(first, 1, 21), page([overdueItem('m20', { title: '最后一个' })], 2, 21)],
    })
    render(<DashboardListPage />)

    expect(await screen.findByText('逾期里程碑 · 2026年度 · 服务关怀项目')).toBeInTheDocument()
    expect(await screen.findByText('共 21 个里程碑')).toBeInTheDocument()
    expect(screen.getByText('上拉加载更多')).toBeInTheDocument()
    await firePageEvent('reachBottom')
    expect(await screen.findByText('最后一个')).toBeInTheDocument()
    expect(screen.getByText('共 21 个里程碑，已全部显示')).toBeInTheDocument()
    expect(payloadsOf('dashboard.overdue')).toEqual([
      { year: 2026, category: 'service', branchId: 'b-yunwei', page: 1, pageSize: 20 },
      { year: 2026, category: 'service', branchId: 'b-yunwei', page: 2, pageSize: 20 },
    ])
    fireEvent.click(screen.getByRole('button', { name: '最后一个，已逾期 57 天，打开项目' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-001' })
  })

  it('names the category as the year’s published 选题指南 does, in the title and on each card', async () => {
    setRouterParams({ kind: 'projects', year: '2026', category: 'service' })
    const guide = {
      categories: [{ id: 'service', label: '党建+服务项目', note: '' }],
      focusFields: [],
      focus: '',
      opensOn: '2026-01-01',
      deadline: '2026-03-31',
      published: true,
      publishedAt: '2026-01-02T02:00:00.000Z',
      history: [],
    }
    answer({
      'projects.list': {
        items: [summary('prj-001', '连心桥', { categoryLabel: '党建+服务项目' })],
        page: 1,
        pageSize: 10,
        total: 1,
        hasMore: false,
      },
      'projects.guide': { year: 2026, guide, window: null, keyProblems: [], canEdit: false, progress: null },
    })
    render(<DashboardListPage />)
    expect(await screen.findByText('项目 · 2026年度 · 党建+服务项目')).toBeInTheDocument()
    expect(screen.getByText('党建+服务项目', { selector: '.project-card__category' })).toBeInTheDocument()
    expect(payloadsOf('projects.guide')).toEqual([{ year: 2026 }])
  })

  it('lists the projects of the status tapped, with the dashboard’s filters', async () => {
    setRouterParams({ kind: 'projects', year: '2026', status: 'in_progress', branchId: 'b-yunwei' })
    answer({
      'projects.list': {
        items: [summary('prj-001', '“党建+安全生产”示范岗', { status: 'in_progress' })],
        page: 1,
        pageSize: 10,
        total: 1,
        hasMore: false,
      },
    })
    render(<DashboardListPage />)
    expect(await screen.findByText('“党建+安全生产”示范岗')).toBeInTheDocument()
    expect(screen.getByText('项目 · 2026年度 · 实施中')).toBeInTheDocument()
    expect(payloadsOf('projects.list')).toEqual([
      { year: 2026, status: 'in_progress', branchId: 'b-yunwei', page: 1, pageSize: 10 },
    ])
  })

  it('shows the whole league with every part in words, and opens a branch’s dashboard', async () => {
    setRouterParams({ kind: 'league', year: '2026' })
    answer({ 'dashboard.league': page([leagueRow(1, 'b-yingxiao', '营销部党支部', 61.8)], 1, 1) })
    render(<DashboardListPage />)
    expect(await screen.findByText('层层打擂 · 2026年度')).toBeInTheDocument()
    expect(await screen.findByText('按期率 80.0 × 25% = 20 分')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '第 1 名 营销部党支部 得分 61.8，查看支部看板' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/dashboard/pages/index/index?branchId=b-yingxiao',
    })
  })

  it('says when there is nothing, and when the list cannot be loaded', async () => {
    setRouterParams({ kind: 'overdue', year: 'nonsense', category: 'bogus' })
    answer({ 'dashboard.overdue': [page([], 1, 0)] })
    const { unmount } = render(<DashboardListPage />)
    expect(await screen.findByText('没有逾期的里程碑')).toBeInTheDocument()
    // Unrecognised filters are left out rather than sent.
    expect(payloadsOf('dashboard.overdue')).toEqual([{ page: 1, pageSize: 20 }])
    unmount()

    setRouterParams({ kind: 'league' })
    answer({ 'dashboard.league': new Error('只有党委可以查看各支部排名') })
    render(<DashboardListPage />)
    expect(await screen.findByText('加载失败')).toBeInTheDocument()
    expect(screen.getByText('重试')).toBeInTheDocument()
  })
})
