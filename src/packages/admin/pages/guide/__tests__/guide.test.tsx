import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GuideView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import GuidePage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const published = (over: Partial<GuideView> = {}): GuideView => ({
  year: 2026,
  guide: {
    categories: [
      { id: 'basic', label: '基础规范项目', note: '' },
      { id: 'service', label: '优质服务项目', note: '面向客户和群众' },
    ],
    focusFields: ['safety', 'harmony'],
    focus: '以问题为导向，每个项目破解一类难题',
    opensOn: '2026-01-05',
    deadline: '2026-03-31',
    published: true,
    publishedAt: '2026-01-05T02:00:00.000Z',
    history: [
      {
        // 2026-01-05 in China (the UTC day is still 01-04).
        at: '2026-01-04T18:00:00.000Z',
        byName: '卢思琪',
        summary: '发布选题指南：2 个项目类别，申报 2026-01-01 至 2026-03-31',
      },
    ],
  },
  window: { state: 'open', text: '立项申报进行中，2026-03-31 截止' },
  keyProblems: [
    {
      id: 'sp-1',
      text: '党建与业务“两张皮”',
      field: 'efficiency',
      branchName: '运维部党支部',
      count: 9,
      takenBy: null,
    },
  ],
  canEdit: false,
  progress: null,
  ...over,
})

const committeeView = (over: Partial<GuideView> = {}) =>
  published({
    canEdit: true,
    keyProblems: [
      {
        id: 'sp-1',
        text: '党建与业务“两张皮”',
        field: 'efficiency',
        branchName: '运维部党支部',
        count: 9,
        takenBy: ['运维部党支部'],
      },
      {
        id: 'sp-3',
        text: '报修响应慢',
        field: 'harmony',
        branchName: '城区供电所党支部',
        count: 4,
        takenBy: [],
      },
    ],
    progress: {
      branches: 8,
      proposed: 7,
      missing: [{ branchId: 'b-chengqu', branchName: '城区供电所党支部', remindedToday: false }],
      untaken: 1,
    },
    ...over,
  })

beforeEach(() => resetCloud())

describe('选题指南', () => {
  it('shows a member the published guide: window, focus, categories, key problems, history', async () => {
    answer({ 'projects.guide': published() })
    render(<GuidePage />)
    expect(await screen.findByText('2026 年选题指南')).toBeInTheDocument()
    expect(screen.getByText('已发布')).toBeInTheDocument()
    expect(screen.getByText('立项申报进行中，2026-03-31 截止')).toBeInTheDocument()
    expect(screen.getByText('重点领域：安全生产、和谐创建')).toBeInTheDocument()
    expect(screen.getByText('优质服务项目')).toBeInTheDocument()
    expect(screen.getByText('面向客户和群众')).toBeInTheDocument()
    expect(screen.getByText('党建与业务“两张皮”')).toBeInTheDocument()
    expect(screen.getByText('经营提效 · 运维部党支部 · 9 人 +1')).toBeInTheDocument()
    // Each date of the line wraps as one word (a phone's width broke it at a hyphen), on China's calendar.
    const line = screen.getByText(/^发布选题指南：2 个项目类别/)
    expect(line).toHaveTextContent('发布选题指南：2 个项目类别，申报 2026-01-01 至 2026-03-31')
    expect([...line.querySelectorAll('.guide__date')].map((d) => d.textContent)).toEqual([
      '2026-01-01',
      '2026-03-31',
    ])
    expect(screen.getByText('2026-01-05', { selector: '.guide__date' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '修改指南' })).not.toBeInTheDocument()
    expect(screen.queryByText('申报情况')).not.toBeInTheDocument()
    expect(screen.queryByText(/已选题|尚无支部选题/)).not.toBeInTheDocument()
  })

  it('says so when nothing is published yet, and why loading failed', async () => {
    answer({ 'projects.guide': published({ guide: null, window: null, keyProblems: [] }) })
    const { unmount } = render(<GuidePage />)
    expect(await screen.findByText('未发布')).toBeInTheDocument()
    expect(screen.getByText(/党委尚未发布本年度选题指南/)).toBeInTheDocument()
    unmount()
    answer({ 'projects.guide': new CloudError('NOT_REGISTERED', '你的微信还未登记为党员，请联系支部书记') })
    render(<GuidePage />)
    expect(await screen.findByText('你的微信还未登记为党员，请联系支部书记')).toBeInTheDocument()
  })

  it('shows the committee who has not proposed and which key problem nobody took up, and reminds after confirming', async () => {
    answer({
      'projects.guide': [
        committeeView(),
        committeeView({
          progress: {
            branches: 8,
            proposed: 7,
            missing: [{ branchId: 'b-chengqu', branchName: '城区供电所党支部', remindedToday: true }],
            untaken: 1,
          },
        }),
      ],
      'projects.remindProposals': { branches: 1, secretaries: 1, alreadyToday: 0 },
    })
    render(<GuidePage />)
    expect(await screen.findByText('7/8 个支部已申报')).toBeInTheDocument()
    expect(screen.getByText('1 个重点问题尚无支部选题（见下方重点问题）')).toBeInTheDocument()
    expect(screen.getByText('已选题：运维部党支部')).toBeInTheDocument()
    expect(screen.getByText('尚无支部选题')).toBeInTheDocument()
    expect(screen.getByText('城区供电所党支部')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '提醒未申报支部（1）' }))
    await waitFor(() => expect(payloadsOf('projects.remindProposals')).toEqual([{ year: 2026 }]))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提醒未申报支部' }))
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已提醒 1 个支部的 1 位书记' }),
    )
    expect(await screen.findByText('今天已提醒', { selector: '.admin-row__value' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '今天已提醒' })).toBeDisabled()
  })

  it('lets the committee write a new guide: leave a category out, rename one, pick focus fields, publish', async () => {
    answer({
      'projects.guide': [
        published({ guide: null, window: null, keyProblems: [], canEdit: true }),
        committeeView(),
      ],
      'projects.saveGuide': { year: 2026, published: true, told: 8 },
    })
    render(<GuidePage />)
    expect(await screen.findByText('编辑 2026 年选题指南')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('checkbox', { name: '纳入主题实践项目（已纳入）' }))
    expect(screen.getByText('主题实践项目（本年度不申报）')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('类别名称（service）'), { target: { value: '优质服务项目' } })
    fireEvent.click(screen.getByRole('checkbox', { name: '安全生产' }))
    fireEvent.change(screen.getByLabelText('重点方向'), { target: { value: ' 每个项目破解一类难题 ' } })
    // A name cleared is named before anything is sent.
    fireEvent.change(screen.getByLabelText('类别名称（basic）'), { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: '发布指南' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写每个类别的名称' }))
    expect(payloadsOf('projects.saveGuide')).toHaveLength(0)
    fireEvent.change(screen.getByLabelText('类别名称（basic）'), { target: { value: '基础规范项目' } })

    fireEvent.click(screen.getByRole('button', { name: '发布指南' }))
    await waitFor(() => expect(payloadsOf('projects.saveGuide')).toHaveLength(1))
    const [sent] = payloadsOf('projects.saveGuide') as Record<string, unknown>[]
    expect(sent).toMatchObject({
      year: 2026,
      publish: true,
      focusFields: ['safety'],
      focus: '每个项目破解一类难题',
      opensOn: '2026-01-01',
      deadline: '2026-03-31',
    })
    expect((sent.categories as { id: string; label: string }[]).map((c) => `${c.id}:${c.label}`)).toEqual([
      'basic:基础规范项目',
      'service:优质服务项目',
      'innovation:创新探索项目',
      'flagship:精品党建项目',
    ])
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布 2026 年选题指南' }))
    expect(await screen.findByText('已发布')).toBeInTheDocument()
    // The secretaries were told of it in 消息: the committee hears how many.
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '指南已发布，已通知 8 位书记' }),
    )
  })
})
