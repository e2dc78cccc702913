import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Page, ProjectSummary } from '@contract/api'
import { useSession } from '@/stores/session'
import ApprovalsPage from '../index'
import { firePageEvent } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { committee, member, summary } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const page = (items: ProjectSummary[]): Page<ProjectSummary> => ({
  items,
  page: 1,
  pageSize: 10,
  total: items.length,
  hasMore: false,
})

const byStatus = (lists: Partial<Record<string, ProjectSummary[]>>) => (payload: unknown) =>
  page(lists[(payload as { status: string }).status] ?? [])

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('待审批', () => {
  it('gives the committee both queues with counts, opens a project, and badges the tab', async () => {
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
    })
    render(<ApprovalsPage />)

    expect(await screen.findByText('党员服务队进社区')).toBeInTheDocument()
    expect(screen.getByText('安全生产先锋岗')).toBeInTheDocument()
    expect(screen.queryByText('红色电力驿站')).not.toBeInTheDocument()
    expect(screen.getByLabelText('待立项审批')).toHaveTextContent('待立项审批2')
    expect(screen.getByLabelText('待验收')).toHaveTextContent('待验收1')
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '3' }))

    fireEvent.click(screen.getByLabelText('待验收'))
    expect(screen.getByText('红色电力驿站')).toBeInTheDocument()
    expect(screen.queryByText('党员服务队进社区')).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('红色电力驿站'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-3' })
    expect(payloadsOf('projects.list')).toEqual(
      expect.arrayContaining([
        { status: 'submitted', page: 1, pageSize: 10 },
        { status: 'acceptance_requested', page: 1, pageSize: 10 },
      ]),
    )
  })

  it('says when nothing waits, and clears the badge', async () => {
    answer({ 'org.whoami': committee, 'projects.list': byStatus({}) })
    render(<ApprovalsPage />)
    expect(await screen.findByText('暂无待立项审批的项目')).toBeInTheDocument()
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 }))
  })

  it('reloads both queues on pull-down', async () => {
    answer({
      'org.whoami': committee,
      'projects.list': [
        page([summary('prj-1', '旧的申请')]),
        page([]),
        page([summary('prj-9', '新的申请')]),
        page([]),
      ],
    })
    render(<ApprovalsPage />)
    expect(await screen.findByText('旧的申请')).toBeInTheDocument()
    await act(() => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('新的申请')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('explains to everyone else that only the committee approves, without loading queues', async () => {
    answer({ 'org.whoami': member })
    render(<ApprovalsPage />)
    expect(await screen.findByText('仅党委可审批')).toBeInTheDocument()
    expect(payloadsOf('projects.list')).toHaveLength(0)
  })
})
