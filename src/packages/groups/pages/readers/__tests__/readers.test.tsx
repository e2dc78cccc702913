import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReadersView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import ReadersPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const readers: ReadersView = {
  postId: 'gp-a',
  // The branch secretary read it from outside the group: listed among the readers, not counted as a member.
  readCount: 3,
  memberCount: 4,
  read: [
    { person: { id: 'p-zhou', name: '周晓东' }, at: '2026-03-02T00:30:00.000Z' },
    { person: { id: 'p-guo', name: '郭秀英' }, at: '2026-03-02T01:00:00.000Z' },
    { person: { id: 'p-xie', name: '谢明远' }, at: '2026-03-02T01:47:00.000Z' },
  ],
  unread: [
    { id: 'p-cao', name: '曹泽宇' },
    { id: 'p-li', name: '李海燕' },
  ],
  remindedToday: false,
}

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'gp-a' })
})

/** The card under a title. */
const cardTitled = (title: string) => screen.getByText(title).closest('.card') as HTMLElement

describe('阅读情况', () => {
  it('counts the reads and lists who has read, when, and who has not', async () => {
    answer({ 'groups.readers': readers })
    render(<ReadersPage />)

    expect(await screen.findByText('组员已读 2 / 共 4 人')).toBeInTheDocument()
    expect(screen.getByText('未读 2 人')).toBeInTheDocument()
    const read = within(cardTitled('已读'))
    expect(read.getByText('郭秀英')).toBeInTheDocument()
    expect(read.getByText('3月2日 09:00 已读')).toBeInTheDocument()
    expect(read.getByText('3月2日 09:47 已读')).toBeInTheDocument()
    expect(read.queryByText('曹泽宇')).not.toBeInTheDocument()
    const unread = within(cardTitled('未读'))
    expect(unread.getByText('曹泽宇')).toBeInTheDocument()
    expect(unread.getByText('李海燕')).toBeInTheDocument()
    expect(unread.queryByText('郭秀英')).not.toBeInTheDocument()
    expect(payloadsOf('groups.readers')).toEqual([{ postId: 'gp-a' }])
  })

  it('says when everyone has read it', async () => {
    answer({ 'groups.readers': { ...readers, readCount: 4, unread: [] } })
    render(<ReadersPage />)
    expect(await screen.findByText('本组成员都已阅读')).toBeInTheDocument()
  })

  it('shows the server’s refusal to an ordinary member', async () => {
    answer({ 'groups.readers': new CloudError('FORBIDDEN', '只有支部书记和党小组长可以查看阅读情况') })
    render(<ReadersPage />)
    expect(await screen.findByText('只有支部书记和党小组长可以查看阅读情况')).toBeInTheDocument()
    expect(screen.getByText('无法查看阅读情况')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument()
  })

  it('提醒未读 tells the unread members once a day, after a 确定', async () => {
    answer({
      'groups.readers': [readers, { ...readers, remindedToday: true }],
      'groups.remindUnread': { postId: 'gp-a', reminded: 2, unread: 2 },
    })
    render(<ReadersPage />)
    fireEvent.click(await screen.findByRole('button', { name: '提醒未读（2 人）' }))
    await waitFor(() => expect(payloadsOf('groups.remindUnread')).toEqual([{ postId: 'gp-a' }]))
    expect(await screen.findByRole('button', { name: '今天已提醒' })).toBeDisabled()
    expect(screen.getByText('今天已给未读组员发过提醒，明天可以再提醒。')).toBeInTheDocument()
  })

  it('offers no reminder when everyone has read it', async () => {
    answer({ 'groups.readers': { ...readers, unread: [] } })
    render(<ReadersPage />)
    expect(await screen.findByText('本组成员都已阅读')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /提醒未读/ })).not.toBeInTheDocument()
  })
})
