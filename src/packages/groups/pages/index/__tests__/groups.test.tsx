import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud-error'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { firePageEvent } from '../../../../../../test/mocks/taro'
import { groupSummary } from '../../feed/__tests__/group-fixtures'
import GroupsPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

beforeEach(() => {
  resetCloud()
})

describe('我的党小组', () => {
  it('lists my own group first, with leader, size, my role and unread announcements in words', async () => {
    answer({
      'groups.myGroups': {
        groups: [
          groupSummary({
            id: 'g-2',
            name: '第二党小组',
            mine: false,
            myRole: 'secretary',
            leader: null,
            memberCount: 4,
            lastPostAt: null,
          }),
          groupSummary({ myRole: 'secretary', unreadAnnouncements: 2 }),
        ],
      },
    })
    render(<GroupsPage />)

    const first = await screen.findByText('第一党小组')
    const second = screen.getByText('第二党小组')
    expect(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.getByText('2 条通知未读')).toBeInTheDocument()
    expect(screen.getAllByText('2 条通知未读')).toHaveLength(1)
    expect(screen.getByText('2 个党小组 · 2 条通知未读')).toBeInTheDocument()
    expect(screen.getByText('组长：郭秀英 · 成员 6 人')).toBeInTheDocument()
    expect(screen.getByText('组长：未设组长 · 成员 4 人')).toBeInTheDocument()
    expect(screen.getAllByText('我的身份：支部书记')).toHaveLength(2)
    expect(screen.getByText('我所在的小组')).toBeInTheDocument()
    expect(screen.getByText('最近动态 3月2日 09:00')).toBeInTheDocument()
    expect(screen.getByText('还没有动态')).toBeInTheDocument()

    fireEvent.click(first)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/groups/pages/feed/index?id=g-1' })
  })

  it('shows no badge when every announcement has been read, and no mine mark for a single group', async () => {
    answer({ 'groups.myGroups': { groups: [groupSummary()] } })
    render(<GroupsPage />)
    expect(await screen.findByText('第一党小组')).toBeInTheDocument()
    expect(screen.getByText('我的身份：党员')).toBeInTheDocument()
    expect(screen.queryByText(/条通知未读/)).not.toBeInTheDocument()
    expect(screen.queryByText('我所在的小组')).not.toBeInTheDocument()
  })

  it('says so when I am in no group', async () => {
    answer({ 'groups.myGroups': { groups: [] } })
    render(<GroupsPage />)
    expect(await screen.findByText('还没有加入党小组')).toBeInTheDocument()
    expect(screen.getByText('党小组由支部书记设置，如有疑问请联系支部书记')).toBeInTheDocument()
  })

  it('says why the list failed and loads again on 重试 and on pull-down', async () => {
    answer({
      'groups.myGroups': [
        new CloudError('NETWORK'),
        { groups: [groupSummary()] },
        { groups: [groupSummary({ unreadAnnouncements: 1 })] },
      ],
    })
    render(<GroupsPage />)
    expect(await screen.findByText('党小组加载失败')).toBeInTheDocument()
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('第一党小组')).toBeInTheDocument()

    await act(() => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('1 条通知未读')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(payloadsOf('groups.myGroups')).toHaveLength(3)
  })
})
