import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { keep } from '@/features/checkin/outbox'
import { usePendingCheckins } from '@/features/checkin/pending-store'
import { CloudError } from '@/services/cloud-error'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { storage } from '../../../../test/mocks/taro'
import CheckinPage from '../index'
import { myTasks, taskItem } from './my-tasks-fixture'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

beforeEach(() => {
  resetCloud()
  storage.clear()
  usePendingCheckins.getState().reload()
})

describe('打卡', () => {
  it('lists my milestones and tasks with their due state in words, and opens a check-in in one tap', async () => {
    answer({
      'checkins.myTasks': myTasks([
        taskItem(),
        taskItem({
          kind: 'task',
          key: 't:prj-001:t2',
          task: { id: 't2', title: '党员示范岗认领' },
          milestone: null,
          deadline: null,
          dueState: 'no_deadline',
          checkins: 0,
          canSubmit: false,
        }),
      ]),
    })
    render(<CheckinPage />)

    expect(await screen.findByText('完成首批工地监督')).toBeInTheDocument()
    expect(screen.getByText('已逾期 · 时限 2026-11-20')).toBeInTheDocument()
    expect(screen.getByText('2 项 · 1 项已逾期')).toBeInTheDocument()
    expect(screen.getByText('党员示范岗认领')).toBeInTheDocument()
    expect(screen.getByText('未定时限')).toBeInTheDocument()
    // Only the milestone I own can be submitted.
    expect(screen.getAllByText('提交里程碑')).toHaveLength(1)

    fireEvent.click(screen.getAllByText('打卡')[0])
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/pages/checkin-new/index?projectId=prj-001&taskId=t1&milestoneId=prj-001-m1',
    })
    fireEvent.click(screen.getByText('提交里程碑'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/milestone-submit/index?id=prj-001-m1' })
  })

  it('shows a returned milestone with the approver’s reason and offers to submit it again', async () => {
    answer({
      'checkins.myTasks': myTasks([
        taskItem({
          milestone: { ...taskItem().milestone!, status: 'returned', round: 1, lastComment: '缺少现场照片' },
        }),
      ]),
    })
    render(<CheckinPage />)
    expect(await screen.findByText('退回意见：缺少现场照片')).toBeInTheDocument()
    expect(screen.getByText('已退回')).toBeInTheDocument()
    expect(screen.getByText('重新提交')).toBeInTheDocument()
  })

  it('says so when nothing is assigned to me', async () => {
    answer({ 'checkins.myTasks': myTasks([]) })
    render(<CheckinPage />)
    expect(await screen.findByText('暂无任务')).toBeInTheDocument()
  })

  it('shows check-ins kept on the phone and sends them on pull-down, with the same request id', async () => {
    keep({
      payload: { requestId: 'req-kept-0001', projectId: 'prj-001', taskId: 't1', text: '巡查两处工地' },
      photos: [],
      personId: 'p-li',
      label: '施工现场安全监督',
      savedAt: '2026-11-26T01:00:00.000Z',
      attempts: 1,
      refused: null,
    })
    usePendingCheckins.getState().reload()
    answer({
      'checkins.myTasks': myTasks([taskItem()]),
      'checkins.create': [new CloudError('NETWORK'), {}],
    })
    render(<CheckinPage />)
    expect(await screen.findByText('1 条打卡待发送')).toBeInTheDocument()

    fireEvent.click(screen.getByText('立即重试'))
    await waitFor(() => expect(payloadsOf('checkins.create')).toHaveLength(1))
    expect(await screen.findByText('1 条打卡待发送')).toBeInTheDocument()

    fireEvent.click(screen.getByText('立即重试'))
    await waitFor(() => expect(screen.queryByText('1 条打卡待发送')).not.toBeInTheDocument())
    expect(payloadsOf('checkins.create')).toEqual([
      expect.objectContaining({ requestId: 'req-kept-0001' }),
      expect.objectContaining({ requestId: 'req-kept-0001' }),
    ])
  })
})
