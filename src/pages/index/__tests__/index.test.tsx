import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView, Page, ProjectSummary } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { CloudError } from '@/services/cloud-error'
import { useSession } from '@/stores/session'
import IndexPage from '../index'
// The same module jest maps @tarojs/taro to; its helper fires page events as the host would.
import { firePageEvent } from '../../../../test/mocks/taro'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const secretary: MeView = {
  id: 'p-wang',
  name: '王建国',
  title: '营销部主任',
  branch: { id: 'b-sales', name: '营销党支部' },
  group: { id: 'g-1', name: '第一党小组' },
  roles: ['secretary', 'member'],
  grants: [
    { role: 'secretary', branchId: 'b-sales' },
    { role: 'member', branchId: 'b-sales' },
  ],
}

const committee: MeView = {
  id: 'p-zhao',
  name: '赵书记',
  title: '党委书记',
  branch: null,
  group: null,
  roles: ['committee'],
  grants: [{ role: 'committee' }],
}

const member: MeView = {
  ...secretary,
  id: 'p-li',
  name: '李海燕',
  roles: ['member'],
  grants: [{ role: 'member', branchId: 'b-sales' }],
}

function project(id: string, title: string, overrides: Partial<ProjectSummary> = {}): ProjectSummary {
  return {
    id,
    title,
    category: 'service',
    categoryLabel: '服务关怀项目',
    status: 'in_progress',
    slogan: '电力先锋，服务万家',
    branchId: 'b-sales',
    branchName: '营销党支部',
    year: 2025,
    progress: 40,
    updatedAt: '2025-03-05T08:00:00.000Z',
    ...overrides,
  }
}

function page(items: ProjectSummary[], overrides: Partial<Page<ProjectSummary>> = {}): Page<ProjectSummary> {
  return { items, page: 1, pageSize: 10, total: items.length, hasMore: false, ...overrides }
}

type Answer = unknown | (() => unknown)
type Routes = Record<string, Answer | Answer[]>

const mockCall = callCloud as unknown as jest.Mock

/** Answers callCloud by "fn.action"; a list answers successive calls in turn; an Error is thrown. */
function answer(routes: Routes): void {
  const counts: Record<string, number> = {}
  mockCall.mockImplementation(async (fn: string, action: string, payload: unknown) => {
    const key = `${fn}.${action}`
    if (!(key in routes)) throw new Error(`unexpected call ${key}`)
    const route = routes[key]
    const n = counts[key] ?? 0
    counts[key] = n + 1
    const step = Array.isArray(route) ? route[Math.min(n, route.length - 1)] : route
    const value = typeof step === 'function' ? (step as (p: unknown) => unknown)(payload) : step
    if (value instanceof Error) throw value
    return value
  })
}

const callsOf = (key: string) => mockCall.mock.calls.filter(([fn, action]) => `${fn}.${action}` === key)

beforeEach(() => {
  useSession.setState({ me: null })
  mockCall.mockReset()
})

describe('首页', () => {
  it('greets the person with their branch and roles, and lists projects with status words', async () => {
    answer({
      'org.whoami': secretary,
      'projects.list': page([
        project('pr-1', '“党建+供电服务”连心桥'),
        project('pr-2', '安全生产党员先锋岗', {
          category: 'basic',
          categoryLabel: '基础规范项目',
          status: 'submitted',
          progress: 0,
          slogan: '',
        }),
      ]),
    })

    render(<IndexPage />)

    expect(await screen.findByText('你好，王建国')).toBeInTheDocument()
    expect(screen.getByText('营销党支部', { selector: '.me-summary__unit' })).toBeInTheDocument()
    expect(screen.getByText('支部书记')).toBeInTheDocument()
    expect(screen.getByText('党员')).toBeInTheDocument()

    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(screen.getByText('安全生产党员先锋岗')).toBeInTheDocument()
    // Scoped to the cards: the filters offer the same words as choices.
    const card = { selector: '.project-card *' }
    expect(screen.getByText('实施中', card)).toBeInTheDocument()
    expect(screen.getByText('待立项审批', card)).toBeInTheDocument()
    expect(screen.getByText('服务关怀项目', card)).toBeInTheDocument()
    expect(screen.getByText('基础规范项目', card)).toBeInTheDocument()
    expect(screen.getByText('进度 40%')).toBeInTheDocument()
    expect(screen.getByText('“电力先锋，服务万家”')).toBeInTheDocument()
    expect(screen.getAllByText('营销党支部', { selector: '.project-card__branch' })).toHaveLength(2)
    expect(screen.getByText('共 2 个项目，已全部显示')).toBeInTheDocument()

    expect(callsOf('org.whoami')).toHaveLength(1)
    expect(callsOf('projects.list')[0][2]).toEqual({ page: 1, pageSize: 10 })
  })

  it('shows 党委 for committee staff who belong to no branch', async () => {
    answer({ 'org.whoami': committee, 'projects.list': page([]) })

    render(<IndexPage />)

    expect(await screen.findByText('你好，赵书记')).toBeInTheDocument()
    expect(screen.getByText('党委', { selector: '.me-summary__unit' })).toBeInTheDocument()
    expect(screen.getByText('党委', { selector: '.me-summary__role' })).toBeInTheDocument()
  })

  it('shows a loading state while the first page is on its way', async () => {
    answer({ 'org.whoami': secretary, 'projects.list': () => new Promise(() => undefined) })

    render(<IndexPage />)

    expect(screen.getByText('正在加载项目…')).toBeInTheDocument()
    expect(await screen.findByText('你好，王建国')).toBeInTheDocument()
    expect(screen.getByText('正在加载项目…')).toBeInTheDocument()
  })

  it('says 暂无项目 when the person can see no project', async () => {
    answer({ 'org.whoami': secretary, 'projects.list': page([]) })

    render(<IndexPage />)

    expect(await screen.findByText('暂无项目')).toBeInTheDocument()
    expect(screen.queryByText('正在加载项目…')).not.toBeInTheDocument()
  })

  it('shows the error in words and 重试 loads the list again', async () => {
    answer({
      'org.whoami': secretary,
      'projects.list': [
        new CloudError('INTERNAL', '服务出错了，请稍后重试'),
        page([project('pr-1', '红色电力驿站')]),
      ],
    })

    render(<IndexPage />)

    expect(await screen.findByText('项目加载失败')).toBeInTheDocument()
    expect(screen.getByText('服务出错了，请稍后重试')).toBeInTheDocument()
    expect(screen.queryByText('红色电力驿站')).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '重试' }))

    expect(await screen.findByText('红色电力驿站')).toBeInTheDocument()
    expect(screen.queryByText('项目加载失败')).not.toBeInTheDocument()
    expect(callsOf('projects.list')).toHaveLength(2)
  })

  it('tells a WeChat user who is not registered whom to ask', async () => {
    const notRegistered = new CloudError('NOT_REGISTERED', '未登记')
    answer({ 'org.whoami': notRegistered, 'projects.list': notRegistered })

    render(<IndexPage />)

    expect(await screen.findByText('你的微信还未登记为党员，请联系支部书记')).toBeInTheDocument()
    expect(screen.queryByText('暂无项目')).not.toBeInTheDocument()
  })

  it('reloads everything on pull-down and stops the refresh indicator', async () => {
    answer({
      'org.whoami': secretary,
      'projects.list': [page([project('pr-1', '旧的项目')]), page([project('pr-9', '新立项的项目')])],
    })

    render(<IndexPage />)
    expect(await screen.findByText('旧的项目')).toBeInTheDocument()

    await act(() => firePageEvent('pullDownRefresh'))

    expect(await screen.findByText('新立项的项目')).toBeInTheDocument()
    expect(screen.queryByText('旧的项目')).not.toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1))
    expect(callsOf('org.whoami')).toHaveLength(2)
  })

  it('loads the next page on reach-bottom while there is more', async () => {
    answer({
      'org.whoami': secretary,
      'projects.list': (payload: unknown) => {
        const { page: n } = payload as { page: number }
        return n === 1
          ? page([project('pr-1', '第一页的项目')], { total: 2, hasMore: true })
          : page([project('pr-2', '第二页的项目')], { page: 2, total: 2, hasMore: false })
      },
    })

    render(<IndexPage />)
    expect(await screen.findByText('第一页的项目')).toBeInTheDocument()
    expect(screen.getByText('上拉加载更多')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))

    expect(await screen.findByText('第二页的项目')).toBeInTheDocument()
    expect(screen.getByText('第一页的项目')).toBeInTheDocument()
    expect(screen.getByText('共 2 个项目，已全部显示')).toBeInTheDocument()
    expect(callsOf('projects.list')[1][2]).toEqual({ page: 2, pageSize: 10 })

    await act(() => firePageEvent('reachBottom'))
    expect(callsOf('projects.list')).toHaveLength(2)
  })

  it('offers 新建立项 to a secretary and opens a project when its card is tapped', async () => {
    answer({ 'org.whoami': secretary, 'projects.list': page([project('pr-1', '红色电力驿站')]) })

    render(<IndexPage />)
    fireEvent.click(await screen.findByText('红色电力驿站'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=pr-1' })

    fireEvent.click(screen.getByText('新建立项'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/proposal/index' })
  })

  it('gives the committee the dashboard, supervision and evaluation; a member none of them', async () => {
    answer({ 'org.whoami': committee, 'projects.list': page([]), 'checkins.inboxCount': { count: 0 } })
    const { unmount } = render(<IndexPage />)
    fireEvent.click(await screen.findByLabelText('看板'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/dashboard/pages/index/index' })
    fireEvent.click(screen.getByLabelText('督导抽查'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/supervision/index' })
    fireEvent.click(screen.getByLabelText('年度评价'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/evaluation/index' })
    unmount()

    useSession.setState({ me: null })
    answer({ 'org.whoami': member, 'projects.list': page([]) })
    render(<IndexPage />)
    expect(await screen.findByLabelText('微讲坛')).toBeInTheDocument()
    expect(screen.queryByLabelText('看板')).not.toBeInTheDocument()
    expect(screen.queryByLabelText('督导抽查')).not.toBeInTheDocument()
  })

  it('opens the Party group and the micro-lectures from their entries', async () => {
    answer({ 'org.whoami': secretary, 'projects.list': page([]), 'checkins.inboxCount': { count: 0 } })
    render(<IndexPage />)
    fireEvent.click(await screen.findByLabelText('党小组'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/groups/pages/index/index' })
    fireEvent.click(screen.getByLabelText('微讲坛'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/lectures/pages/index/index' })
  })

  it('does not offer 新建立项 to the committee, and badges the 待审批 tab with what waits', async () => {
    answer({
      'org.whoami': committee,
      'projects.list': (payload: unknown) => {
        const { status } = payload as { status?: string }
        if (status === 'submitted') return page([], { total: 2 })
        if (status === 'acceptance_requested') return page([], { total: 1 })
        return page([project('pr-1', '红色电力驿站')])
      },
      'checkins.inboxCount': { count: 4 },
    })

    render(<IndexPage />)
    expect(await screen.findByText('红色电力驿站')).toBeInTheDocument()
    expect(screen.queryByText('新建立项')).not.toBeInTheDocument()
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '7' }))
  })

  it('badges the 待审批 tab of a secretary with the milestones waiting, and counts again on return', async () => {
    answer({
      'org.whoami': secretary,
      'projects.list': page([project('pr-1', '红色电力驿站')]),
      'checkins.inboxCount': [{ count: 2 }, { count: 0 }],
    })

    render(<IndexPage />)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '2' }))
    // A secretary has no proposal or acceptance queue to count.
    expect(callsOf('projects.list').every(([, , q]) => !(q as { status?: string }).status)).toBe(true)

    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 }))
  })

  it('badges the 消息 tab with the unread count, and counts again on return', async () => {
    answer({
      'org.whoami': { ...secretary, roles: ['member'], grants: [{ role: 'member', branchId: 'b-sales' }] },
      'projects.list': page([project('pr-1', '红色电力驿站')]),
      'messages.unreadCount': [{ count: 3 }, { count: 0 }],
    })

    render(<IndexPage />)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 3, text: '3' }))

    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 3 }))
    expect(callsOf('messages.unreadCount')).toHaveLength(2)
  })

  it('leaves the 待审批 tab alone for a member', async () => {
    answer({
      'org.whoami': { ...secretary, roles: ['member'], grants: [{ role: 'member', branchId: 'b-sales' }] },
      'projects.list': page([project('pr-1', '红色电力驿站')]),
    })

    render(<IndexPage />)
    expect(await screen.findByText('红色电力驿站')).toBeInTheDocument()
    expect(callsOf('checkins.inboxCount')).toHaveLength(0)
    expect(Taro.setTabBarBadge).not.toHaveBeenCalled()
  })

  it('refreshes the list when the person comes back from another page', async () => {
    answer({
      'org.whoami': secretary,
      'projects.list': [page([project('pr-1', '旧的项目')]), page([project('pr-2', '刚提交的项目')])],
    })

    render(<IndexPage />)
    expect(await screen.findByText('旧的项目')).toBeInTheDocument()
    await act(() => firePageEvent('didShow'))
    expect(callsOf('projects.list')).toHaveLength(1)

    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    expect(await screen.findByText('刚提交的项目')).toBeInTheDocument()
  })
  it('filters the list by status and, for the committee, by branch, and says when nothing matches', async () => {
    answer({
      'org.whoami': committee,
      'org.listBranches': {
        branches: [
          { id: 'u-committee', name: '党委', kind: 'committee', parentId: null, memberCount: 0 },
          { id: 'b-sales', name: '营销党支部', kind: 'branch', parentId: 'u-committee', memberCount: 9 },
          { id: 'b-ops', name: '运维党支部', kind: 'branch', parentId: 'u-committee', memberCount: 8 },
        ],
      },
      'projects.list': (q: unknown) =>
        (q as { branchId?: string }).branchId === 'b-ops' ? page([]) : page([project('pr-1', '连心桥')]),
    })

    const { container } = render(<IndexPage />)
    expect(await screen.findByText('连心桥')).toBeInTheDocument()
    const selects = () => Array.from(container.querySelectorAll('.project-filters select'))
    await waitFor(() => expect(selects()).toHaveLength(4))
    // The committee's own unit is not a branch to filter by.
    expect(selects()[3].textContent).not.toContain('党委')

    fireEvent.change(selects()[0], { target: { value: '5' } })
    await waitFor(() =>
      expect(callsOf('projects.list').at(-1)?.[2]).toEqual({ status: 'in_progress', page: 1, pageSize: 10 }),
    )
    expect(screen.getByLabelText('筛选状态：实施中')).toBeInTheDocument()

    fireEvent.change(selects()[3], { target: { value: '2' } })
    expect(await screen.findByText('没有符合条件的项目')).toBeInTheDocument()
    expect(callsOf('projects.list').at(-1)?.[2]).toEqual({
      status: 'in_progress',
      branchId: 'b-ops',
      page: 1,
      pageSize: 10,
    })
  })
})
