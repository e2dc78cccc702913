import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MyRectifications, RectificationView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import RectificationsPage from '../index'
import { answer, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const task = (over: Partial<RectificationView> = {}): RectificationView => ({
  mergedNote: null,
  id: 'rf-1',
  spotCheckId: 'sc-1',
  projectId: 'prj-001',
  projectTitle: '“党建+供电服务”连心桥',
  branchName: '营销党支部',
  text: '补齐党员写实记录',
  owner: { id: 'p-wang', name: '王建国' },
  deadline: '2026-06-30',
  status: 'open',
  overdue: true,
  note: '',
  lastComment: '',
  updatedAt: '2026-06-01T00:00:00.000Z',
  can: ['complete'],
  ...over,
})

const list = (items: RectificationView[]): MyRectifications => ({
  items,
  open: items.filter((i) => i.status === 'open').length,
  overdue: items.filter((i) => i.overdue).length,
})

beforeEach(() => resetCloud())

describe('整改任务', () => {
  it('lists the tasks with their state in words and opens the spot check on a tap', async () => {
    answer({
      'supervision.myRectifications': list([
        task(),
        task({
          id: 'rf-2',
          spotCheckId: 'sc-2',
          status: 'confirmed',
          overdue: false,
          can: [],
          text: '完善台账',
        }),
      ]),
    })
    render(<RectificationsPage />)
    expect(await screen.findByText('待整改 1 项')).toBeInTheDocument()
    expect(screen.getByText('其中已逾期 1 项')).toBeInTheDocument()
    expect(screen.getByText('已销号')).toBeInTheDocument()
    expect(screen.getByText('去报告整改完成 ›')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '整改：补齐党员写实记录' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/admin/pages/spot-check/index?id=sc-1',
    })
  })

  it('says when there is nothing to rectify', async () => {
    answer({ 'supervision.myRectifications': list([]) })
    render(<RectificationsPage />)
    expect(await screen.findByText('暂无整改任务')).toBeInTheDocument()
  })

  it('shows the refusal to a member without a retry', async () => {
    answer({ 'supervision.myRectifications': new CloudError('FORBIDDEN', '整改任务仅供党委和支部书记查看') })
    render(<RectificationsPage />)
    expect(await screen.findByText('整改任务仅供党委和支部书记查看')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument()
  })
})
