import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { firePageEvent, setRouterParams } from '@/../test/mocks/taro'
import { useSession } from '@/stores/session'
import { branchView, companyView } from '@/features/dashboard/__tests__/fixtures'
import { yunweiMember, yunweiSecretary } from '@/features/lectures/__tests__/fixtures'
import { committee } from '../../../../../../test/dom/fixtures'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import DashboardPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const navigatedTo = () => (Taro.navigateTo as jest.Mock).mock.calls.map(([o]) => (o as { url: string }).url)

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
  setRouterParams({})
})

describe('看板 (committee)', () => {
  it('shows 定期检查 coverage this period: branches inspected of those due, per supervisor', async () => {
    answer({
      'org.whoami': committee,
      'dashboard.committee': companyView(),
      'supervision.inspectionCoverage': {
        today: '2026-11-26',
        due: 8,
        checked: 3,
        supervisors: [
          { id: 'p059', name: '钱文博', cadence: 'monthly', due: 4, checked: 3 },
          { id: 'p060', name: '孙丽华', cadence: 'quarterly', due: 4, checked: 0 },
        ],
      },
    })
    render(<DashboardPage />)
    expect(await screen.findByText('本期已检查 3 个支部，应检查 8 个（38%）')).toBeInTheDocument()
    expect(screen.getByText('钱文博（每月一次）：3/4')).toBeInTheDocument()
    expect(screen.getByText('孙丽华（每季度一次）：0/4')).toBeInTheDocument()
  })

  it('shows every figure as a number with its words, and each chart’s numbers in text', async () => {
    answer({ 'org.whoami': committee, 'dashboard.committee': companyView() })
    render(<DashboardPage />)

    expect(await screen.findByText('全公司 · 2026年度')).toBeInTheDocument()
    expect(screen.getByText('数据更新于 11月26日 20:20')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '项目总数 14个，实施中 6 个，查看明细' })).toBeInTheDocument()
    expect(screen.getByLabelText('完成率 62.5%，已完成权重 500 / 800')).toBeInTheDocument()
    expect(screen.getByLabelText('按期完成率 75.0%，按期 15 / 应完成 20 个')).toBeInTheDocument()
    expect(screen.getByLabelText('11月活跃党员 17人，共 60 名党员，本月至少打卡 1 次')).toBeInTheDocument()
    expect(screen.getByLabelText('学习时长 12.5小时，人均 0.2 小时（累计）')).toBeInTheDocument()
    expect(screen.getByLabelText('群众满意度 4.53分，73 人次评价，满分 5 分')).toBeInTheDocument()

    // Status: a stacked bar whose legend says each status in words with its count.
    expect(screen.getByRole('button', { name: '实施中 6 个，查看明细' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^已归档/ })).not.toBeInTheDocument()
    // Categories: bars with their figures; weeks: every column's figure and the sum in a sentence.
    expect(screen.getByRole('button', { name: '服务关怀项目 5 个，查看明细' })).toBeInTheDocument()
    expect(screen.getByText('近 12 周共打卡 133 次，最近一周 23 次')).toBeInTheDocument()
    expect(screen.getByLabelText('11/23 23 次打卡')).toBeInTheDocument()
    expect(screen.getByText('11/23')).toBeInTheDocument()

    // League: rank, score and the points of each part in words, and how the score is made.
    const first = screen.getByRole('button', { name: '第 1 名 营销部党支部 得分 61.8，查看支部看板' })
    expect(within(first).getByText('完成 18 · 按期 20 · 打卡 10 · 学习 3.8 · 满意 0')).toBeInTheDocument()
    expect(screen.getByText(/得分 = 完成率×30%/)).toBeInTheDocument()
    expect(screen.getByText('查看全部 8 个支部排名 ›')).toBeInTheDocument()
    expect(payloadsOf('dashboard.committee')).toEqual([{}])
  })

  it('opens the list behind a number: overdue milestones, projects of a status or category, the league, a branch', async () => {
    answer({ 'org.whoami': committee, 'dashboard.committee': companyView() })
    render(<DashboardPage />)

    fireEvent.click(
      await screen.findByRole('button', { name: '已逾期里程碑 7个，过了时限仍未完成，查看明细' }),
    )
    fireEvent.click(screen.getByRole('button', { name: '实施中 6 个，查看明细' }))
    fireEvent.click(screen.getByRole('button', { name: '服务关怀项目 5 个，查看明细' }))
    fireEvent.click(screen.getByText('查看全部 7 个逾期里程碑 ›'))
    fireEvent.click(screen.getByText('查看全部 8 个支部排名 ›'))
    fireEvent.click(screen.getByRole('button', { name: '第 2 名 运维部党支部 得分 52，查看支部看板' }))
    fireEvent.click(screen.getByRole('button', { name: '现场勘查 m1，已逾期 57 天，打开项目' }))
    expect(navigatedTo()).toEqual([
      '/packages/dashboard/pages/list/index?kind=overdue&year=2026',
      '/packages/dashboard/pages/list/index?kind=projects&year=2026&status=in_progress',
      '/packages/dashboard/pages/list/index?kind=projects&year=2026&category=service',
      '/packages/dashboard/pages/list/index?kind=overdue&year=2026',
      '/packages/dashboard/pages/list/index?kind=league&year=2026',
      '/packages/dashboard/pages/index/index?branchId=b-yunwei',
      '/pages/project/index?id=prj-001',
    ])
  })

  it('asks again with the year and category chosen, and reloads on pull-down', async () => {
    answer({
      'org.whoami': committee,
      'dashboard.committee': (p: unknown) => {
        const q = p as { year?: number; category?: 'service' }
        return companyView({ year: q.year ?? 2026, category: q.category ?? null })
      },
    })
    render(<DashboardPage />)
    fireEvent.click(await screen.findByRole('button', { name: '年度：2025年度' }))
    expect(await screen.findByText('全公司 · 2025年度')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '类别：服务关怀项目' }))
    expect(await screen.findByText('全公司 · 2025年度 · 服务关怀项目')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '类别：服务关怀项目，已选' })).toBeInTheDocument()
    await firePageEvent('pullDownRefresh')
    expect(payloadsOf('dashboard.committee')).toEqual([
      {},
      { year: 2025 },
      { year: 2025, category: 'service' },
      { year: 2025, category: 'service' },
    ])
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('names the categories as the year’s published 选题指南 does', async () => {
    const renamed = { ...companyView().categoryLabels, service: '优质服务项目' }
    answer({
      'org.whoami': committee,
      'dashboard.committee': (p: unknown) => {
        const q = p as { year?: number; category?: 'service' }
        // 2027's guide renamed 服务关怀项目; 2026 keeps the default names.
        return q.year === 2027
          ? companyView({
              year: 2027,
              years: [2027, 2026],
              category: q.category ?? null,
              categoryLabels: renamed,
            })
          : companyView({ years: [2027, 2026] })
      },
    })
    render(<DashboardPage />)
    expect(await screen.findByRole('button', { name: '服务关怀项目 5 个，查看明细' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '年度：2027年度' }))
    expect(await screen.findByRole('button', { name: '优质服务项目 5 个，查看明细' })).toBeInTheDocument()
    expect(screen.queryByText(/服务关怀项目/)).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '类别：优质服务项目' }))
    expect(await screen.findByText('全公司 · 2027年度 · 优质服务项目')).toBeInTheDocument()
    expect(payloadsOf('dashboard.committee').at(-1)).toEqual({ year: 2027, category: 'service' })
  })

  it('says when a year has no project, and when the figures are not rolled up yet', async () => {
    answer({
      'org.whoami': committee,
      'dashboard.committee': companyView({
        asOf: null,
        projects: { total: 0, byStatus: [], byCategory: [] },
        overdue: { count: 0, top: [] },
      }),
    })
    render(<DashboardPage />)
    expect(await screen.findByText('该年度暂无项目')).toBeInTheDocument()
    expect(screen.getByText('数据正在统计，请稍后下拉刷新')).toBeInTheDocument()
    expect(screen.getByText('没有逾期的里程碑')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^已逾期里程碑/ })).not.toBeInTheDocument()
  })

  it('says how fresh each part is while a large company’s roll-up is under way', async () => {
    answer({
      'org.whoami': committee,
      'dashboard.committee': companyView({
        freshness: { parts: 20, updating: 3, oldest: '2026-11-26T11:05:00.000Z' },
      }),
    })
    render(<DashboardPage />)
    expect(
      await screen.findByText('共 20 部分 · 3 部分正在更新 · 最早的部分截至 11月26日 19:05'),
    ).toBeInTheDocument()
  })

  it('shows the error with a way to retry', async () => {
    answer({ 'org.whoami': committee, 'dashboard.committee': [new Error('网络不可用'), companyView()] })
    render(<DashboardPage />)
    expect(await screen.findByText('看板加载失败')).toBeInTheDocument()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('全公司 · 2026年度')).toBeInTheDocument()
  })
})

describe('看板 (secretary and member)', () => {
  it('shows a secretary their branch, its rank with every part spelled out, and each member’s part', async () => {
    answer({ 'org.whoami': yunweiSecretary, 'dashboard.branch': branchView() })
    render(<DashboardPage />)
    expect(await screen.findByText('运维部党支部 · 2026年度')).toBeInTheDocument()
    expect(screen.getByText('第 3 名 / 共 8 个支部')).toBeInTheDocument()
    expect(screen.getByText('完成率 60.0 × 30% = 18 分')).toBeInTheDocument()
    expect(screen.getByText('满意度 暂无数据 × 10% = 0 分')).toBeInTheDocument()
    expect(screen.getByText('11月打卡 9 次')).toBeInTheDocument()
    expect(screen.getByText('学习 0.2 小时 · 负责里程碑 2 个，已完成 1 个')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '项目总数 14个，实施中 6 个，查看明细' }))
    expect(navigatedTo()).toEqual([
      '/packages/dashboard/pages/list/index?kind=projects&year=2026&branchId=b-yunwei',
    ])
    expect(payloadsOf('dashboard.branch')).toEqual([{}])
  })

  it('opens the branch named in the address for the committee', async () => {
    setRouterParams({ branchId: 'b-yunwei' })
    answer({ 'org.whoami': committee, 'dashboard.branch': branchView() })
    render(<DashboardPage />)
    expect(await screen.findByText('运维部党支部 · 2026年度')).toBeInTheDocument()
    expect(payloadsOf('dashboard.branch')).toEqual([{ branchId: 'b-yunwei' }])
  })

  it('tells a member the dashboard is for secretaries and the committee, without asking for it', async () => {
    answer({ 'org.whoami': yunweiMember })
    render(<DashboardPage />)
    expect(await screen.findByText('看板由支部书记和党委查看')).toBeInTheDocument()
    expect(payloadsOf('dashboard.branch')).toHaveLength(0)
    expect(payloadsOf('dashboard.committee')).toHaveLength(0)
  })
})
