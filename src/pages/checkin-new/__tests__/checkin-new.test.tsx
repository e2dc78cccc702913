import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { readOutbox } from '@/features/checkin/outbox'
import { CloudError } from '@/services/cloud-error'
import { askToSubscribe } from '@/services/subscribe'
import { useSession } from '@/stores/session'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { member } from '../../../../test/dom/fixtures'
import { setRouterParams, storage } from '../../../../test/mocks/taro'
import { myTasks, taskItem } from '../../checkin/__tests__/my-tasks-fixture'
import CheckinNewPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
// Asking for WeChat notifications is its own service (tested there); here: that the tap asks, and when.
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

const created = {
  checkin: {},
  created: true,
  figures: {
    total: 4,
    streak: 2,
    longestStreak: 5,
    lastDay: '2026-11-26',
    checkedInToday: true,
    today: '2026-11-26',
  },
}

beforeEach(() => {
  resetCloud()
  storage.clear()
  useSession.setState({ me: member })
  setRouterParams({ projectId: 'prj-001', taskId: 't1', milestoneId: 'prj-001-m1' })
})

const typeText = (text: string) =>
  fireEvent.change(screen.getByLabelText('做了什么'), { target: { value: text } })

describe('打卡写实', () => {
  it('refuses an empty check-in in words and sends nothing', async () => {
    answer({ 'checkins.myTasks': myTasks([taskItem()]) })
    render(<CheckinNewPage />)
    expect(await screen.findByText('完成首批工地监督')).toBeInTheDocument()
    fireEvent.click(screen.getByText('提交打卡'))
    expect(await screen.findByText('请填写打卡内容：今天做了什么')).toBeInTheDocument()
    expect(payloadsOf('checkins.create')).toHaveLength(0)
  })

  it('sends the text with a request id, the milestone and the time, then goes back', async () => {
    answer({ 'checkins.myTasks': myTasks([taskItem()]), 'checkins.create': created })
    render(<CheckinNewPage />)
    await screen.findByText('完成首批工地监督')
    typeText('巡查两处工地，纠正一处未系安全带')
    fireEvent.click(screen.getByText('提交打卡'))

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const [sent] = payloadsOf('checkins.create') as Record<string, unknown>[]
    expect(sent).toMatchObject({
      projectId: 'prj-001',
      taskId: 't1',
      milestoneId: 'prj-001-m1',
      text: '巡查两处工地，纠正一处未系安全带',
      photos: [],
    })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(Date.parse(String(sent.at))).not.toBeNaN()
    expect(readOutbox()).toEqual([])
  })

  it('asks for WeChat reminders of my milestones within the 提交打卡 tap, before sending', async () => {
    answer({ 'checkins.myTasks': myTasks([taskItem()]), 'checkins.create': created })
    render(<CheckinNewPage />)
    await screen.findByText('完成首批工地监督')
    fireEvent.click(screen.getByText('提交打卡'))
    expect(askToSubscribe).not.toHaveBeenCalled()

    typeText('巡查两处工地')
    fireEvent.click(screen.getByText('提交打卡'))
    // No await in between: WeChat shows its dialog only from inside the tap.
    expect(askToSubscribe).toHaveBeenCalledWith('checkin')
    expect(payloadsOf('checkins.create')).toHaveLength(0)
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(askToSubscribe).toHaveBeenCalledTimes(1)
  })

  it('keeps the check-in on the phone when the network drops, and tells the member', async () => {
    answer({ 'checkins.myTasks': myTasks([taskItem()]), 'checkins.create': new CloudError('NETWORK') })
    render(<CheckinNewPage />)
    await screen.findByText('完成首批工地监督')
    typeText('晚上整理了监督记录')
    fireEvent.click(screen.getByText('提交打卡'))

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '网络不佳，已保存在手机上，联网后自动提交' }),
    )
    expect(readOutbox()).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ text: '晚上整理了监督记录' }),
        label: '完成首批工地监督',
        refused: null,
      }),
    ])
  })

  it('shows a refusal on the form, keeps what was typed, and keeps nothing on the phone', async () => {
    answer({
      'checkins.myTasks': myTasks([taskItem()]),
      'checkins.create': new CloudError('FORBIDDEN', '只能在落实给你的任务上打卡'),
    })
    render(<CheckinNewPage />)
    await screen.findByText('完成首批工地监督')
    typeText('巡查工地')
    fireEvent.click(screen.getByText('提交打卡'))
    expect(await screen.findByText('只能在落实给你的任务上打卡')).toBeInTheDocument()
    expect(screen.getByDisplayValue('巡查工地')).toBeInTheDocument()
    expect(readOutbox()).toEqual([])
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('shows a delivery failure at once (not as a network one) and keeps the check-in to retry or delete', async () => {
    answer({
      'checkins.myTasks': myTasks([taskItem()]),
      'checkins.create': new CloudError('NO_ENV', '找不到小程序的云开发环境，请联系管理员（错误码 -501000）'),
    })
    render(<CheckinNewPage />)
    await screen.findByText('完成首批工地监督')
    typeText('巡查工地')
    fireEvent.click(screen.getByText('提交打卡'))
    expect(await screen.findByText(/找不到小程序的云开发环境.*可重试或删除/)).toBeInTheDocument()
    expect(readOutbox()).toEqual([
      expect.objectContaining({ refused: expect.stringContaining('错误码 -501000') }),
    ])
    expect(Taro.showToast).not.toHaveBeenCalledWith(
      expect.objectContaining({ title: expect.stringContaining('网络不佳') }),
    )
  })

  it('keeps what was typed on the phone, so reopening the form after a crash shows it', async () => {
    answer({ 'checkins.myTasks': myTasks([taskItem()]) })
    const first = render(<CheckinNewPage />)
    await screen.findByText('完成首批工地监督')
    typeText('写到一半')
    first.unmount()
    render(<CheckinNewPage />)
    expect(await screen.findByDisplayValue('写到一半')).toBeInTheDocument()
  })

  it('says so when the task is not one of mine', async () => {
    answer({ 'checkins.myTasks': myTasks([]) })
    render(<CheckinNewPage />)
    expect(await screen.findByText('没有找到这项任务，或它不是落实给你的')).toBeInTheDocument()
  })
})
