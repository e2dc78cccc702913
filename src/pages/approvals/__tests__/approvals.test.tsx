import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { InboxItem, Page, ProjectSummary } from '@contract/api'
import { useSession } from '@/stores/session'
import ApprovalsPage from '../index'
import { firePageEvent } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { committee, member, secretary, summary } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

function page<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, page: 1, pageSize: 10, total: items.length, hasMore: false, ...overrides }
}

const byStatus = (lists: Partial<Record<string, ProjectSummary[]>>) => (payload: unknown) =>
  page(lists[(payload as { status: string }).status] ?? [])

function inboxItem(id: string, title: string, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    milestone: {
      id,
      title,
      weight: 30,
      deadline: '2026-04-30',
      dueState: 'normal',
      round: 1,
    },
    project: { id: 'prj-001', title: '“党建+供电服务”连心桥', branchName: '营销党支部' },
    task: { id: 'task-1', title: '走访社区' },
    submittedBy: { id: 'p-li', name: '李海燕' },
    // 10:30 in China.
    submittedAt: '2026-03-05T02:30:00.000Z',
    excerpt: '已走访 120 户居民',
    evidenceCount: 3,
    ...overrides,
  }
}

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('待审批 for a branch secretary', () => {
  it('lists the milestones waiting, says what each is, badges the tab and opens 节点审批', async () => {
    answer({
      'org.whoami': secretary,
      'checkins.inbox': page(
        [
          inboxItem('ms-1', '完成首轮走访', {
            milestone: {
              id: 'ms-1',
              title: '完成首轮走访',
              weight: 30,
              deadline: '2026-03-01',
              dueState: 'overdue',
              round: 2,
            },
          }),
          inboxItem('ms-2', '建立居民诉求台账', { evidenceCount: 0, excerpt: '' }),
        ],
        { total: 12, hasMore: true },
      ),
    })
    render(<ApprovalsPage />)

    expect(await screen.findByText('完成首轮走访')).toBeInTheDocument()
    expect(screen.getByText('建立居民诉求台账')).toBeInTheDocument()
    expect(screen.getByText('12 个待审批')).toBeInTheDocument()
    expect(screen.getAllByText('“党建+供电服务”连心桥 · 营销党支部')).toHaveLength(2)
    expect(screen.getAllByText('任务：走访社区')).toHaveLength(2)
    expect(screen.getAllByText('李海燕 提交于 3月5日 10:30')).toHaveLength(2)
    expect(screen.getByText('第 2 次提交')).toBeInTheDocument()
    expect(screen.getByText('已逾期')).toBeInTheDocument()
    expect(screen.getByText('按计划')).toBeInTheDocument()
    expect(screen.getByText('佐证 3 件')).toBeInTheDocument()
    expect(screen.getByText('无佐证材料')).toBeInTheDocument()
    expect(screen.getByText('已走访 120 户居民')).toBeInTheDocument()
    // Only the committee has proposal and acceptance queues.
    expect(screen.queryByLabelText('待立项审批')).not.toBeInTheDocument()
    expect(payloadsOf('projects.list')).toHaveLength(0)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '12' }))

    fireEvent.click(screen.getByText('完成首轮走访'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submission/index?id=ms-1' })
  })

  it('pages on reach-bottom, keeping each milestone once, and says when all are shown', async () => {
    answer({
      'org.whoami': secretary,
      'checkins.inbox': [
        page([inboxItem('ms-1', '完成首轮走访')], { total: 2, hasMore: true }),
        page([inboxItem('ms-1', '完成首轮走访'), inboxItem('ms-2', '建立居民诉求台账')], {
          page: 2,
          total: 2,
          hasMore: false,
        }),
      ],
    })
    render(<ApprovalsPage />)
    expect(await screen.findByText('上拉加载更多')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('建立居民诉求台账')).toBeInTheDocument()
    expect(screen.getAllByText('完成首轮走访')).toHaveLength(1)
    expect(screen.getByText('共 2 个里程碑待审批，已全部显示')).toBeInTheDocument()
    expect(payloadsOf('checkins.inbox')).toEqual([
      { page: 1, pageSize: 10 },
      { page: 2, pageSize: 10 },
    ])
  })

  it('reloads when coming back from a decision, and clears the badge once nothing waits', async () => {
    answer({
      'org.whoami': secretary,
      'checkins.inbox': [page([inboxItem('ms-1', '完成首轮走访')]), page([])],
    })
    render(<ApprovalsPage />)
    expect(await screen.findByText('完成首轮走访')).toBeInTheDocument()
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '1' }))

    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    expect(await screen.findByText('暂无待审批的里程碑')).toBeInTheDocument()
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 }))
  })

  it('says when the inbox cannot be loaded, and retries', async () => {
    answer({
      'org.whoami': secretary,
      'checkins.inbox': [new Error('offline'), page([inboxItem('ms-1', '完成首轮走访')])],
    })
    render(<ApprovalsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(Taro.setTabBarBadge).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('完成首轮走访')).toBeInTheDocument()
  })
})

describe('待审批 for the committee', () => {
  it('gives three queues with counts, opens a project or a submission, and badges the sum', async () => {
    answer({
      'org.whoami': committee,
      'projects.list': byStatus({
        submitted: [
          summary('prj-1', '党员服务队进社区'),
          summary('prj-2', '安全生产先锋岗', { category: 'basic' }),
        ],
        acceptance_requested: [
          summary('prj-3', '红色电力驿站', { status: 'acceptance_requested', progress: 100 }),
        ],
      }),
      'checkins.inbox': page([inboxItem('ms-7', '完成设备巡检')], { total: 4, hasMore: true }),
    })
    render(<ApprovalsPage />)

    expect(await screen.findByText('党员服务队进社区')).toBeInTheDocument()
    expect(screen.getByText('安全生产先锋岗')).toBeInTheDocument()
    expect(screen.queryByText('红色电力驿站')).not.toBeInTheDocument()
    expect(screen.queryByText('完成设备巡检')).not.toBeInTheDocument()
    expect(screen.getByLabelText('待立项审批')).toHaveTextContent('待立项审批2')
    expect(screen.getByLabelText('待验收')).toHaveTextContent('待验收1')
    await waitFor(() => expect(screen.getByLabelText('里程碑')).toHaveTextContent('里程碑4'))
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '7' }))

    fireEvent.click(screen.getByLabelText('待验收'))
    expect(screen.getByText('红色电力驿站')).toBeInTheDocument()
    expect(screen.queryByText('党员服务队进社区')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('红色电力驿站'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-3' })

    fireEvent.click(screen.getByLabelText('里程碑'))
    expect(screen.getByText('完成设备巡检')).toBeInTheDocument()
    expect(screen.queryByText('红色电力驿站')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('完成设备巡检'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submission/index?id=ms-7' })

    // Reach-bottom pages the queue on screen only.
    await act(() => firePageEvent('reachBottom'))
    await waitFor(() => expect(payloadsOf('checkins.inbox')).toContainEqual({ page: 2, pageSize: 10 }))
    expect(payloadsOf('projects.list')).toEqual(
      expect.arrayContaining([
        { status: 'submitted', page: 1, pageSize: 10 },
        { status: 'acceptance_requested', page: 1, pageSize: 10 },
      ]),
    )
    expect(payloadsOf('projects.list')).toHaveLength(2)
  })

  it('says when nothing waits, and clears the badge', async () => {
    answer({ 'org.whoami': committee, 'projects.list': byStatus({}), 'checkins.inbox': page([]) })
    render(<ApprovalsPage />)
    expect(await screen.findByText('暂无待立项审批的项目')).toBeInTheDocument()
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 }))
    fireEvent.click(screen.getByLabelText('里程碑'))
    expect(screen.getByText('暂无待审批的里程碑')).toBeInTheDocument()
  })

  it('reloads all three queues on pull-down', async () => {
    answer({
      'org.whoami': committee,
      'projects.list': [
        page([summary('prj-1', '旧的申请')]),
        page([]),
        page([summary('prj-9', '新的申请')]),
        page([]),
      ],
      'checkins.inbox': [page([]), page([inboxItem('ms-9', '新提交的里程碑')])],
    })
    render(<ApprovalsPage />)
    expect(await screen.findByText('旧的申请')).toBeInTheDocument()
    await act(() => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('新的申请')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    fireEvent.click(screen.getByLabelText('里程碑'))
    expect(screen.getByText('新提交的里程碑')).toBeInTheDocument()
  })
})

describe('待审批 for a member', () => {
  it('explains who approves, without loading any queue, and points to 打卡', async () => {
    answer({ 'org.whoami': member })
    render(<ApprovalsPage />)
    expect(await screen.findByText('审批由支部书记和党委负责')).toBeInTheDocument()
    expect(screen.getByText(/里程碑（节点）由支部书记审批/)).toBeInTheDocument()
    expect(payloadsOf('projects.list')).toHaveLength(0)
    expect(payloadsOf('checkins.inbox')).toHaveLength(0)
    expect(Taro.setTabBarBadge).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: '去打卡' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/checkin/index' })
  })
})
