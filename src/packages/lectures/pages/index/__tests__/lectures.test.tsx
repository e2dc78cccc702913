import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useSession } from '@/stores/session'
import LecturesPage from '../index'
import { firePageEvent, setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { item, lecture, study, yunweiMember, yunweiSecretary } from '@/features/lectures/__tests__/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const year = new Date().getFullYear()
const page = (items: ReturnType<typeof item>[], nextCursor: string | null = null) => ({ items, nextCursor })
const tabNames = () => screen.getAllByRole('tab').map((t) => t.textContent)
const card = (title: string) => screen.getByRole('link', { name: title })

beforeEach(() => {
  resetCloud()
  setRouterParams({})
  useSession.setState({ me: null })
})

describe('党员微讲坛 list', () => {
  it('shows each lecture with its words: required and deadline, media, quiz, and how far I am', async () => {
    answer({
      'org.whoami': yunweiMember,
      'lectures.list': page([
        item('lec-001', '学习贯彻党的二十大精神专题微课', {
          required: true,
          deadline: `${year}-12-10`,
          dueState: 'due_soon',
          my: study({ progress: 0.4 }),
        }),
        item('lec-002', '“1+N”安全帮扶：党员身边无违章', {
          speaker: '周晓东（运维部党支部书记）',
          publisherName: '运维部党支部',
          hasQuiz: true,
        }),
        item('lec-003', '身边的电网先锋：抢修一线的党员突击队', {
          mediaKind: 'audio',
          my: study({ progress: 1, completed: true }),
        }),
        item('lec-005', '逾期的必学课', { required: true, deadline: `${year}-01-02`, dueState: 'overdue' }),
      ]),
    })
    render(<LecturesPage />)

    const first = await screen.findByRole('link', { name: '学习贯彻党的二十大精神专题微课' })
    expect(within(first).getByText('必学')).toBeInTheDocument()
    expect(within(first).getByText('主讲：卢思琪（党委书记）')).toBeInTheDocument()
    expect(within(first).getByText('用十分钟讲清党的二十大精神的核心要义。')).toBeInTheDocument()
    expect(within(first).getByText('国网某县供电公司党委 · 截止 12月10日 · 即将到期')).toBeInTheDocument()
    expect(within(first).getByText('已学 40%')).toBeInTheDocument()

    const safety = card('“1+N”安全帮扶：党员身边无违章')
    expect(within(safety).getByText('含测验')).toBeInTheDocument()
    expect(within(safety).getByText('运维部党支部')).toBeInTheDocument()
    expect(within(safety).getByText('未开始')).toBeInTheDocument()
    expect(within(safety).queryByText('必学')).not.toBeInTheDocument()

    const pioneer = card('身边的电网先锋：抢修一线的党员突击队')
    expect(within(pioneer).getByText('音频')).toBeInTheDocument()
    expect(within(pioneer).getByText('✓ 已学完')).toBeInTheDocument()

    expect(within(card('逾期的必学课')).getByText(/截止 1月2日 · 已逾期/)).toBeInTheDocument()

    // A member has no 我发布的 and no way to publish.
    expect(tabNames()).toEqual(['最新', '必学', '已学完'])
    expect(screen.queryByRole('button', { name: '新建微讲坛' })).not.toBeInTheDocument()

    fireEvent.click(card('“1+N”安全帮扶：党员身边无违章'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/lectures/pages/detail/index?id=lec-002' })
  })

  it('pages by the cursor on reach-bottom and on 加载更多, then says all is shown', async () => {
    answer({
      'org.whoami': yunweiMember,
      'lectures.list': (payload: unknown) => {
        const { cursor } = payload as { cursor?: string }
        if (!cursor) return page([item('lec-003', '第一页的讲坛')], '1700000000000.lec-003')
        if (cursor === '1700000000000.lec-003')
          return page([item('lec-002', '第二页的讲坛')], '1600000000000.lec-002')
        return page([item('lec-001', '最后一页的讲坛')])
      },
    })
    render(<LecturesPage />)
    expect(await screen.findByText('第一页的讲坛')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('第二页的讲坛')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(await screen.findByText('最后一页的讲坛')).toBeInTheDocument()
    expect(screen.getByText('已全部显示')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))
    expect(payloadsOf('lectures.list')).toEqual([
      { tab: 'new' },
      { tab: 'new', cursor: '1700000000000.lec-003' },
      { tab: 'new', cursor: '1600000000000.lec-002' },
    ])
  })

  it('switches tabs, each with its own empty words', async () => {
    answer({
      'org.whoami': yunweiMember,
      'lectures.list': (payload: unknown) =>
        (payload as { tab: string }).tab === 'new' ? page([item('lec-001', '最新的讲坛')]) : page([]),
    })
    render(<LecturesPage />)
    expect(await screen.findByText('最新的讲坛')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('tab', { name: '必学' }))
    expect(await screen.findByText('暂无必学讲坛')).toBeInTheDocument()
    expect(screen.queryByText('最新的讲坛')).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('tab', { name: '已学完' }))
    expect(await screen.findByText('还没有学完的讲坛')).toBeInTheDocument()
    expect(screen.getByText('读完或听完、学满规定时长（有测验的还需及格）即为学完')).toBeInTheDocument()
    expect(payloadsOf('lectures.list')).toEqual([{ tab: 'new' }, { tab: 'required' }, { tab: 'finished' }])
  })

  it('gives a secretary 我发布的: the state of each lecture, 新建微讲坛 and 学习统计', async () => {
    answer({
      'org.whoami': yunweiSecretary,
      'lectures.list': (payload: unknown) =>
        (payload as { tab: string }).tab === 'manage'
          ? page([
              item('lec-004', '供电所党员服务承诺践诺', { status: 'draft', publishedAt: null }),
              item('lec-002', '“1+N”安全帮扶：党员身边无违章'),
            ])
          : page([item('lec-001', '最新的讲坛')]),
    })
    render(<LecturesPage />)
    await screen.findByText('最新的讲坛')
    expect(tabNames()).toEqual(['最新', '必学', '已学完', '我发布的'])

    fireEvent.click(screen.getByRole('tab', { name: '我发布的' }))
    const draft = await screen.findByRole('link', { name: '供电所党员服务承诺践诺' })
    expect(within(draft).getByText('草稿')).toBeInTheDocument()
    expect(within(card('“1+N”安全帮扶：党员身边无违章')).getByText('已发布')).toBeInTheDocument()
    // The editors' view is about the lecture, not about my own study of it.
    expect(screen.queryByText('未开始')).not.toBeInTheDocument()

    fireEvent.click(draft)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/lectures/pages/edit/index?id=lec-004',
    })
    fireEvent.click(card('“1+N”安全帮扶：党员身边无违章'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/lectures/pages/detail/index?id=lec-002',
    })
    fireEvent.click(screen.getByRole('button', { name: '新建微讲坛' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/lectures/pages/edit/index' })
    fireEvent.click(screen.getByRole('button', { name: '学习统计' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/lectures/pages/stats/index' })
  })

  it('brings the lecture just studied up to date on return, keeping the list', async () => {
    answer({
      'org.whoami': yunweiMember,
      'lectures.list': page([item('lec-003', '身边的电网先锋'), item('lec-002', '安全帮扶')], '1.lec-002'),
      'lectures.get': lecture({ id: 'lec-003', title: '身边的电网先锋', my: study({ progress: 0.75 }) }),
    })
    render(<LecturesPage />)
    fireEvent.click(await screen.findByRole('link', { name: '身边的电网先锋' }))
    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))

    expect(await within(card('身边的电网先锋')).findByText('已学 75%')).toBeInTheDocument()
    expect(card('安全帮扶')).toBeInTheDocument()
    expect(payloadsOf('lectures.get')).toEqual([{ id: 'lec-003' }])
    expect(payloadsOf('lectures.list')).toHaveLength(1)
  })

  it('says when the list cannot be loaded, retries, and reloads on pull-down', async () => {
    answer({
      'org.whoami': yunweiMember,
      'lectures.list': [
        new Error('offline'),
        page([item('lec-001', '重试后的讲坛')]),
        page([item('lec-009', '下拉后的讲坛')]),
      ],
    })
    render(<LecturesPage />)
    expect(await screen.findByText('微讲坛加载失败')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('重试后的讲坛')).toBeInTheDocument()

    await act(() => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('下拉后的讲坛')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })
})
