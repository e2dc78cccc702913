import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { EvaluationView, RankedProjectView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import EvaluationPage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock
const YEAR = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear()

const ranked = (
  rank: number,
  id: string,
  title: string,
  over: Partial<RankedProjectView> = {},
): RankedProjectView => ({
  rank,
  id,
  title,
  branchId: 'b-sales',
  branchName: '营销党支部',
  status: 'closed',
  acceptanceTotal: 90,
  satisfaction: 4.6,
  ratingCount: 18,
  satisfactionCounted: true,
  rankScore: 90.4,
  topTen: false,
  ...over,
})

function view(over: Partial<EvaluationView> = {}): EvaluationView {
  return {
    year: YEAR,
    provisional: true,
    rules: {
      acceptanceWeight: 0.8,
      satisfactionWeight: 0.2,
      satisfactionScale: 20,
      topCount: 10,
      weakMeasuresBelow: 70,
      lowSatisfactionBelow: 4,
      minRatings: 10,
    },
    ranking: [
      ranked(1, 'prj-009', '打造“440”精品“党员先锋岗”'),
      ranked(2, 'prj-008', '党心连民心 温暖向前行', {
        acceptanceTotal: 91,
        satisfaction: null,
        ratingCount: 0,
        satisfactionCounted: false,
        rankScore: 91,
      }),
    ],
    proposedTopTen: ['prj-009', 'prj-008'],
    confirmed: null,
    branches: [
      {
        branchId: 'b-ops',
        branchName: '运维党支部',
        eligible: false,
        projects: 2,
        reasons: [
          {
            kind: 'weak_measures',
            projectId: 'prj-001',
            projectTitle: '党员干部施工项目全程负责制',
            text: '《党员干部施工项目全程负责制》验收得分 65 分，低于 70 分',
          },
          {
            kind: 'low_satisfaction',
            projectId: 'prj-020',
            projectTitle: '班组安全帮扶',
            text: '《班组安全帮扶》群众满意度 3.6 分（12 人评价），低于 4.0 分',
          },
        ],
      },
      {
        branchId: 'b-jg',
        branchName: '机关党支部',
        eligible: false,
        projects: 0,
        reasons: [
          {
            kind: 'no_project',
            projectId: '',
            projectTitle: '',
            text: '2026 年没有获批立项的党建项目，无项目不得评先',
          },
        ],
      },
      { branchId: 'b-sales', branchName: '营销党支部', eligible: true, projects: 1, reasons: [] },
      { branchId: 'b-hr', branchName: '人资党支部', eligible: true, projects: 2, reasons: [] },
    ],
    ...over,
  }
}

beforeEach(() => resetCloud())

describe('年度评价', () => {
  it('ranks the year’s projects with the formula in words and lists who loses 电网先锋 and why', async () => {
    answer({ 'supervision.evaluation': view() })
    render(<EvaluationPage />)
    const first = await screen.findByRole('button', { name: '第 1 名：打造“440”精品“党员先锋岗”' })
    expect(within(first).getByText('营销党支部 · 验收 90 分 · 满意度 4.6 分（18 人）')).toBeInTheDocument()
    expect(within(first).getByText('综合 90.4')).toBeInTheDocument()
    expect(within(first).getByText('拟入选十佳')).toBeInTheDocument()
    // Fewer than 10 ratings: 样本不足, and the score is the acceptance total.
    expect(
      screen.getByText('营销党支部 · 验收 91 分 · 满意度 样本不足（0 人评价，满 10 人计入）'),
    ).toBeInTheDocument()
    expect(screen.getByText(/综合得分 = 验收总分 × 80% \+ 群众满意度平均分 × 20 × 20%/)).toBeInTheDocument()
    expect(screen.getByText(`${YEAR} 年度尚未结束，以下为截至今日的情况`)).toBeInTheDocument()

    const out = screen.getByText('运维党支部').closest('.admin-row') as HTMLElement
    expect(within(out).getByText('不具备资格')).toBeInTheDocument()
    expect(
      within(out).getByText('工作措施不力：《党员干部施工项目全程负责制》验收得分 65 分，低于 70 分'),
    ).toBeInTheDocument()
    expect(
      within(out).getByText('群众满意率低：《班组安全帮扶》群众满意度 3.6 分（12 人评价），低于 4.0 分'),
    ).toBeInTheDocument()
    const none = screen.getByText('机关党支部').closest('.admin-row') as HTMLElement
    expect(
      within(none).getByText('无项目：2026 年没有获批立项的党建项目，无项目不得评先'),
    ).toBeInTheDocument()
    expect(screen.getByText('具备资格的支部（2 个）')).toBeInTheDocument()
    const kept = screen.getByText('人资党支部').closest('.admin-row') as HTMLElement
    expect(
      within(kept).getByText(
        '2 个项目目前没有措施不力、未完成计划或满意率低的情况（年度未结束，年底再最终判定）',
      ),
    ).toBeInTheDocument()
    expect(payloadsOf('supervision.evaluation')).toEqual([{ year: YEAR }])
  })

  it('confirms the 十佳 only after asking, sending the list shown', async () => {
    answer({
      'supervision.evaluation': [
        view(),
        view({
          confirmed: {
            projectIds: ['prj-009', 'prj-008'],
            markedByName: '赵振华',
            // 2026-12-31 06:30 in China; the device's clock (UTC here) would say 12-30 22:30.
            markedAt: '2026-12-30T22:30:00.000Z',
          },
          ranking: view().ranking.map((r) => ({ ...r, topTen: true })),
        }),
      ],
      'supervision.markTopTen': {
        year: YEAR,
        projectIds: ['prj-009', 'prj-008'],
        changed: true,
        markedAt: '',
      },
    })
    render(<EvaluationPage />)
    const button = await screen.findByRole('button', { name: '确认十佳精品项目' })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await act(async () => {
      fireEvent.click(button)
    })
    expect(payloadsOf('supervision.markTopTen')).toHaveLength(0)
    await act(async () => {
      fireEvent.click(button)
    })
    expect(showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: expect.stringContaining('1. 打造“440”精品“党员先锋岗”') }),
    )
    expect(payloadsOf('supervision.markTopTen')).toEqual([{ year: YEAR, projectIds: ['prj-009', 'prj-008'] }])
    expect(await screen.findByText(/十佳精品项目已由赵振华于 2026-12-31 06:30 确认/)).toBeInTheDocument()
    expect(screen.getAllByText('十佳')).toHaveLength(2)
    expect(screen.queryByRole('button', { name: '确认十佳精品项目' })).not.toBeInTheDocument()
  })

  it('moves between years', async () => {
    answer({
      'supervision.evaluation': (p: unknown) =>
        view({ year: (p as { year: number }).year, ranking: [], proposedTopTen: [] }),
    })
    render(<EvaluationPage />)
    expect(await screen.findByText('本年度还没有通过验收的项目')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '下一年' })).toBeDisabled()
    fireEvent.click(screen.getByRole('button', { name: '上一年' }))
    expect(await screen.findByText(`${YEAR - 1} 年度`)).toBeInTheDocument()
    expect(payloadsOf('supervision.evaluation')).toEqual([{ year: YEAR }, { year: YEAR - 1 }])
  })

  it('tells a non-committee person it is not theirs', async () => {
    answer({ 'supervision.evaluation': new CloudError('FORBIDDEN', '年度评价由党委进行') })
    render(<EvaluationPage />)
    expect(await screen.findByText('没有权限')).toBeInTheDocument()
    expect(screen.getByText('年度评价由党委进行')).toBeInTheDocument()
  })
})
