import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ShowcaseProjectView, ShowcaseView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import ShowcasePage from '../index'
import ShowcaseDetailPage from '../../showcase-detail/index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock
const photo = (n: number) => `cloud://env.bucket/uploads/p1/photo-${n}.png`

const item = (over: Partial<ShowcaseProjectView> = {}): ShowcaseProjectView => ({
  id: 'prj-013',
  rank: 1,
  title: '网上课堂与网络党支部试点',
  category: 'basic',
  categoryLabel: '基础规范项目',
  slogan: '网上支部常在线',
  problem: '流动党员管理难',
  branchName: '机关党支部',
  year: 2025,
  what: '试点建设网上课堂和网络党支部',
  extent: '流动党员全部纳入网络党支部',
  effect: '12名流动党员全部纳入网络党支部，网上组织生活参与率达93%。',
  photos: [photo(1), photo(2), photo(3), photo(4)],
  outline: [{ task: '网络党支部建设', milestones: ['建立网络党支部', '流动党员全部入网'] }],
  figures: {
    checkins: 36,
    trainees: 48,
    milestonesDone: 4,
    milestones: 4,
    score: 87,
    ratingCount: 9,
    ratingAverage: 4.6,
  },
  ...over,
})

const view = (over: Partial<ShowcaseView> = {}): ShowcaseView => ({
  year: 2025,
  years: [2025],
  items: [
    item(),
    item({
      id: 'prj-015',
      rank: 2,
      title: '供电所标准化支部建设',
      slogan: '',
      problem: '所级支部工作不规范',
      photos: [],
    }),
  ],
  borrowable: false,
  ...over,
})

beforeEach(() => {
  resetCloud()
  setRouterParams({})
})

describe('十佳风采 (经验交流)', () => {
  it('shows every member the year’s 十佳: slogan, the problem solved, photos and figures, without 借鉴', async () => {
    answer({ 'projects.showcase': view() })
    render(<ShowcasePage />)
    expect(await screen.findByText('2025 年十佳精品项目')).toBeInTheDocument()
    expect(screen.getByText('第 1 名')).toBeInTheDocument()
    expect(screen.getByText('“网上支部常在线”')).toBeInTheDocument()
    expect(screen.getByText('破解难题：流动党员管理难')).toBeInTheDocument()
    // Three photos on the card; the detail shows them all.
    expect(screen.getAllByLabelText(/^照片 /)).toHaveLength(3)
    expect(screen.getAllByText('36 次')).toHaveLength(2)
    expect(screen.getAllByText('48 人次')).toHaveLength(2)
    expect(screen.getAllByText('4.6 分 · 9 人')).toHaveLength(2)
    expect(screen.queryByRole('button', { name: '借鉴' })).not.toBeInTheDocument()
    fireEvent.click(screen.getAllByRole('button', { name: '看经验' })[1])
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/admin/pages/showcase-detail/index?id=prj-015&year=2025',
    })
    expect(payloadsOf('projects.showcase')).toEqual([{}])
  })

  it('switches years when more than one has a 十佳', async () => {
    answer({
      'projects.showcase': [
        view({ year: 2026, years: [2026, 2025], items: [] }),
        view({ years: [2026, 2025] }),
      ],
    })
    render(<ShowcasePage />)
    expect(await screen.findByText('2026 年还没有确认十佳项目')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '2025 年' }))
    expect(await screen.findByText('2025 年十佳精品项目')).toBeInTheDocument()
    expect(payloadsOf('projects.showcase')).toEqual([{}, { year: 2025 }])
  })

  it('lets a secretary 借鉴 after confirming, and opens the new draft; a refusal is said in words', async () => {
    answer({
      'projects.showcase': view({ borrowable: true }),
      'projects.borrow': [
        { id: 'prj-new', status: 'draft', version: 1, missingFields: ['谁来做', '何时做'] },
        new CloudError('FORBIDDEN', '只有支部书记可以借鉴项目起草立项'),
      ],
    })
    render(<ShowcasePage />)
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click((await screen.findAllByRole('button', { name: '借鉴' }))[0])
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '借鉴这个项目' })),
    )
    expect(payloadsOf('projects.borrow')).toHaveLength(0)

    fireEvent.click(screen.getAllByRole('button', { name: '借鉴' })[0])
    await waitFor(() => expect(payloadsOf('projects.borrow')).toEqual([{ id: 'prj-013' }]))
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/proposal/index?id=prj-new' }),
    )
    fireEvent.click(screen.getAllByRole('button', { name: '借鉴' })[1])
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '只有支部书记可以借鉴项目起草立项' }),
      ),
    )
  })

  it('says when nothing is chosen yet, and why it failed to load', async () => {
    answer({ 'projects.showcase': view({ year: null, years: [], items: [] }) })
    const { unmount } = render(<ShowcasePage />)
    expect(await screen.findByText('还没有评选出十佳项目')).toBeInTheDocument()
    unmount()
    answer({
      'projects.showcase': new CloudError('NOT_REGISTERED', '你的微信还未登记为党员，请联系支部书记'),
    })
    render(<ShowcasePage />)
    expect(await screen.findByText('你的微信还未登记为党员，请联系支部书记')).toBeInTheDocument()
  })
})

describe('十佳经验 (one project, read-only)', () => {
  it('shows the project’s problem, goals, results with every photo, figures and plan, and 借鉴 for a secretary', async () => {
    setRouterParams({ id: 'prj-013', year: '2025' })
    answer({
      'projects.showcase': view({ borrowable: true }),
      'projects.borrow': { id: 'prj-new', status: 'draft', version: 1, missingFields: [] },
    })
    render(<ShowcaseDetailPage />)
    expect(await screen.findByText('2025 年十佳第 1 名')).toBeInTheDocument()
    expect(payloadsOf('projects.showcase')).toEqual([{ year: 2025 }])
    expect(screen.getByText('流动党员管理难')).toBeInTheDocument()
    expect(screen.getByText('12名流动党员全部纳入网络党支部，网上组织生活参与率达93%。')).toBeInTheDocument()
    expect(screen.getAllByLabelText(/^照片 /)).toHaveLength(4)
    expect(screen.getByText('建立网络党支部 → 流动党员全部入网')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '借鉴这个项目，起草本支部立项表' }))
    await waitFor(() => expect(payloadsOf('projects.borrow')).toEqual([{ id: 'prj-013' }]))
  })

  it('says so when the project is not among that year’s 十佳', async () => {
    setRouterParams({ id: 'prj-001', year: '2025' })
    answer({ 'projects.showcase': view() })
    render(<ShowcaseDetailPage />)
    expect(await screen.findByText('没有找到这个十佳项目')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /借鉴/ })).not.toBeInTheDocument()
  })
})
