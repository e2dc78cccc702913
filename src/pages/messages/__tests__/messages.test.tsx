import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MessageList, MessageView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import MessagesPage from '../index'
import { firePageEvent } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const message = (id: string, title: string, overrides: Partial<MessageView> = {}): MessageView => ({
  id,
  kind: 'approval_waiting',
  title,
  body: '「完成首轮走访」已提交 26 小时，等待你审批。项目：“党建+供电服务”连心桥',
  page: `/pages/submission/index?id=${id}`,
  read: false,
  // 09:30 in China, in another year than the tests run in.
  createdAt: '2025-03-05T01:30:00.000Z',
  ...overrides,
})

const list = (items: MessageView[], unread: number, nextCursor: string | null = null): MessageList => ({
  items,
  nextCursor,
  unread,
})

/** The message that says `text`. */
const card = (text: string) => screen.getByText(text).closest('.message-item') as HTMLElement
const setBadge = Taro.setTabBarBadge as unknown as jest.Mock

beforeEach(() => {
  resetCloud()
})

describe('消息', () => {
  it('lists the messages with their kind, time and whether each is read, in words, and badges the tab', async () => {
    answer({
      'messages.list': list(
        [
          message('m-2', '里程碑待审批'),
          message('m-1', '里程碑即将到期', {
            kind: 'milestone_due',
            body: '「入户走访」将于 2025年3月8日 到期。',
            read: true,
            createdAt: '2025-03-04T10:05:00.000Z',
          }),
        ],
        1,
      ),
    })
    render(<MessagesPage />)

    expect(await screen.findByText('里程碑待审批')).toBeInTheDocument()
    const unread = within(card('里程碑待审批'))
    expect(unread.getByText('成果待审批')).toBeInTheDocument()
    expect(unread.getByText('未读')).toBeInTheDocument()
    expect(unread.getByText('2025年3月5日 09:30')).toBeInTheDocument()
    expect(unread.getByText(/等待你审批/)).toBeInTheDocument()
    // Titled with its kind's own words: said once.
    expect(screen.getAllByText('里程碑即将到期')).toHaveLength(1)
    const read = within(card('里程碑即将到期'))
    expect(read.getByText('「入户走访」将于 2025年3月8日 到期。')).toBeInTheDocument()
    expect(read.getByText('已读')).toBeInTheDocument()
    expect(read.getByText('2025年3月4日 18:05')).toBeInTheDocument()
    expect(screen.getByText('未读 1 条')).toBeInTheDocument()
    expect(screen.getByText('已全部显示')).toBeInTheDocument()
    expect(setBadge).toHaveBeenCalledWith({ index: 3, text: '1' })
    expect(payloadsOf('messages.list')).toEqual([{}])
  })

  it('marks an unread message read, then opens its page on top of 消息', async () => {
    let answerMark: (value: unknown) => void = () => undefined
    answer({
      'messages.list': list([message('m-2', '里程碑待审批'), message('m-1', '另一条待审批')], 2),
      'messages.markRead': () => new Promise((resolve) => (answerMark = resolve)),
    })
    render(<MessagesPage />)
    fireEvent.click(await screen.findByText('里程碑待审批'))

    await waitFor(() => expect(payloadsOf('messages.markRead')).toEqual([{ id: 'm-2' }]))
    // Marked before leaving, so coming back shows it read.
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    await act(async () => answerMark({ marked: 1, unread: 1 }))

    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submission/index?id=m-2' }),
    )
    expect(within(card('里程碑待审批')).getByText('已读')).toBeInTheDocument()
    expect(within(card('另一条待审批')).getByText('未读')).toBeInTheDocument()
    expect(screen.getByText('未读 1 条')).toBeInTheDocument()
    expect(setBadge).toHaveBeenLastCalledWith({ index: 3, text: '1' })
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  it('opens a tab page with switchTab, without its query, and does not mark a read message again', async () => {
    answer({
      'messages.list': list(
        [
          message('m-9', '本周党建简报', {
            kind: 'weekly_digest',
            page: '/pages/index/index?from=digest',
            read: true,
          }),
        ],
        0,
      ),
    })
    render(<MessagesPage />)
    fireEvent.click(await screen.findByText('本周党建简报'))

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(payloadsOf('messages.markRead')).toEqual([])
    expect(screen.getByText('没有未读消息')).toBeInTheDocument()
    expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 3 })
  })

  it('only marks read a message whose page this app does not have, or that has none', async () => {
    answer({
      'messages.list': list(
        [
          message('m-1', '旧版本的提醒', { page: '/pages/gone/index?id=1' }),
          message('m-2', '没有页面的提醒', { page: '' }),
        ],
        2,
      ),
      'messages.markRead': [
        { marked: 1, unread: 1 },
        { marked: 1, unread: 0 },
      ],
    })
    render(<MessagesPage />)
    expect(await screen.findByText('旧版本的提醒')).toBeInTheDocument()
    expect(screen.queryByText('查看详情 ›')).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('旧版本的提醒'))
    await waitFor(() => expect(within(card('旧版本的提醒')).getByText('已读')).toBeInTheDocument())
    fireEvent.click(screen.getByText('没有页面的提醒'))
    await waitFor(() => expect(within(card('没有页面的提醒')).getByText('已读')).toBeInTheDocument())

    expect(payloadsOf('messages.markRead')).toEqual([{ id: 'm-1' }, { id: 'm-2' }])
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  it('asks before 全部已读, and then says every message is read', async () => {
    answer({
      'messages.list': list(
        [message('m-2', '里程碑待审批'), message('m-1', '立项待审批', { kind: 'proposal_waiting' })],
        2,
      ),
      'messages.markRead': { marked: 2, unread: 0 },
    })
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<MessagesPage />)
    await screen.findByText('里程碑待审批')

    fireEvent.click(screen.getByRole('button', { name: '全部已读' }))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(payloadsOf('messages.markRead')).toEqual([])
    expect(screen.getAllByText('未读')).toHaveLength(2)

    fireEvent.click(screen.getByRole('button', { name: '全部已读' }))
    expect(await screen.findByText('没有未读消息')).toBeInTheDocument()
    expect(Taro.showModal).toHaveBeenCalledTimes(2)
    expect(payloadsOf('messages.markRead')).toEqual([{ all: true }])
    expect(screen.getAllByText('已读')).toHaveLength(2)
    expect(screen.queryByText('未读')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '全部已读' })).not.toBeInTheDocument()
    expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 3 })
  })

  it('pages by the cursor on reach-bottom and on 加载更多', async () => {
    answer({
      'messages.list': (payload: unknown) => {
        const { cursor } = payload as { cursor?: string }
        if (!cursor) return list([message('m-3', '第一页的消息')], 3, '1741138200000.m-3')
        if (cursor === '1741138200000.m-3')
          return list([message('m-2', '第二页的消息')], 3, '1741134600000.m-2')
        return list([message('m-1', '第三页的消息')], 3)
      },
    })
    render(<MessagesPage />)
    expect(await screen.findByText('第一页的消息')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('第二页的消息')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(await screen.findByText('第三页的消息')).toBeInTheDocument()
    expect(screen.getByText('已全部显示')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))
    expect(payloadsOf('messages.list')).toEqual([
      {},
      { cursor: '1741138200000.m-3' },
      { cursor: '1741134600000.m-2' },
    ])
  })

  it('says 暂无消息 when there is none, and leads to 提醒设置', async () => {
    answer({ 'messages.list': list([], 0) })
    render(<MessagesPage />)

    expect(screen.getByText('正在加载消息…')).toBeInTheDocument()
    expect(await screen.findByText('暂无消息')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '提醒设置' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/reminder-settings/index' })
  })

  it('shows a failure in words with 重试, and reloads on pull-down', async () => {
    answer({
      'messages.list': [
        new CloudError('INTERNAL', '服务出错了，请稍后重试'),
        list([message('m-1', '里程碑待审批')], 1),
        list([message('m-2', '新到的提醒'), message('m-1', '里程碑待审批')], 2),
      ],
    })
    render(<MessagesPage />)

    expect(await screen.findByText('消息加载失败')).toBeInTheDocument()
    expect(screen.getByText('服务出错了，请稍后重试')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('里程碑待审批')).toBeInTheDocument()

    await act(() => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('新到的提醒')).toBeInTheDocument()
    expect(screen.getByText('未读 2 条')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1))
  })
})
