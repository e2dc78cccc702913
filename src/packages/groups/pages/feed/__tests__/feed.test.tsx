import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PostView, Roster } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { firePageEvent, setRouterParams } from '../../../../../../test/mocks/taro'
import GroupFeedPage from '../index'
import { announcement, feedPage, groupSummary, post, resetGroupPosts } from './group-fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const myGroups = (overrides = {}) => ({ groups: [groupSummary(overrides)] })

/** The card a text belongs to. */
const cardOf = (text: string) => screen.getByText(text).closest('.post-card') as HTMLElement

beforeEach(() => {
  resetCloud()
  resetGroupPosts()
  setRouterParams({ id: 'g-1' })
})

describe('党小组动态', () => {
  it('shows pinned announcements above the posts, with their words, reads and comments', async () => {
    answer({
      'groups.myGroups': myGroups(),
      'groups.feed': feedPage(
        [announcement('gp-a', '周五下午3点召开党小组会', { readCount: 4 })],
        [
          post('gp-2', '今天完成了线路巡视\n发现两处隐患已处理', {
            commentCount: 2,
            photos: ['cloud://local.localcloud/uploads/p-cao/one.jpg'],
          }),
          post('gp-1', '分享学习心得', { createdAt: '2026-03-01T01:00:00.000Z' }),
        ],
      ),
    })
    render(<GroupFeedPage />)

    const notice = await screen.findByText('周五下午3点召开党小组会')
    const newest = screen.getByText(/今天完成了线路巡视/)
    const older = screen.getByText('分享学习心得')
    expect(notice.compareDocumentPosition(newest) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(newest.compareDocumentPosition(older) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    const pinned = within(cardOf('周五下午3点召开党小组会'))
    expect(pinned.getByText('通知')).toBeInTheDocument()
    expect(pinned.getByText('置顶')).toBeInTheDocument()
    expect(pinned.getByText('已读 4 人')).toBeInTheDocument()
    expect(pinned.getByText('我已读')).toBeInTheDocument()

    // Plain text, line break and all, never HTML.
    expect(newest.textContent).toBe('今天完成了线路巡视\n发现两处隐患已处理')
    const first = within(cardOf('分享学习心得'))
    expect(first.queryByText('通知')).not.toBeInTheDocument()
    expect(within(newest.closest('.post-card') as HTMLElement).getByText('评论 2')).toBeInTheDocument()
    expect(screen.getByLabelText('照片 1')).toBeInTheDocument()
    expect(screen.getByText('第一党小组')).toBeInTheDocument()

    fireEvent.click(older)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/groups/pages/post/index?id=gp-1' })
  })

  it('pages by the cursor on reach-bottom and on 加载更多, and reloads page one on pull-down', async () => {
    answer({
      'groups.myGroups': myGroups(),
      'groups.feed': (payload: unknown) => {
        const { cursor } = payload as { cursor?: string }
        if (!cursor) return feedPage([], [post('gp-3', '第一页的动态')], '1772413200000.gp-3')
        if (cursor === '1772413200000.gp-3')
          return feedPage(
            [],
            [post('gp-2', '第二页的动态', { createdAt: '2026-03-01T01:00:00.000Z' })],
            '1772326800000.gp-2',
          )
        return feedPage([], [post('gp-1', '第三页的动态', { createdAt: '2026-02-28T01:00:00.000Z' })])
      },
    })
    render(<GroupFeedPage />)
    expect(await screen.findByText('第一页的动态')).toBeInTheDocument()

    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('第二页的动态')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(await screen.findByText('第三页的动态')).toBeInTheDocument()
    expect(screen.getByText('已全部显示')).toBeInTheDocument()
    expect(payloadsOf('groups.feed')).toEqual([
      { groupId: 'g-1' },
      { groupId: 'g-1', cursor: '1772413200000.gp-3' },
      { groupId: 'g-1', cursor: '1772326800000.gp-2' },
    ])

    // At the end: reach-bottom asks for nothing more.
    await act(() => firePageEvent('reachBottom'))
    expect(payloadsOf('groups.feed')).toHaveLength(3)

    await act(() => firePageEvent('pullDownRefresh'))
    await waitFor(() => expect(screen.queryByText('第二页的动态')).not.toBeInTheDocument())
    expect(payloadsOf('groups.feed')[3]).toEqual({ groupId: 'g-1' })
    expect(screen.getByText('第一页的动态')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })

  it('puts new posts on top when coming back, keeping the pages already read', async () => {
    answer({
      'groups.myGroups': myGroups(),
      'groups.feed': [
        feedPage([], [post('gp-2', '第一页的动态')], '1772413200000.gp-2'),
        feedPage([], [post('gp-1', '第二页的动态', { createdAt: '2026-03-01T01:00:00.000Z' })]),
        // Back from 发布动态: mine is on top of the first page.
        feedPage(
          [],
          [
            post('gp-9', '刚发布的动态', { createdAt: '2026-03-02T05:00:00.000Z' }),
            post('gp-2', '第一页的动态'),
          ],
          '1772413200000.gp-2',
        ),
      ],
    })
    render(<GroupFeedPage />)
    await screen.findByText('第一页的动态')
    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('第二页的动态')).toBeInTheDocument()

    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    const mine = await screen.findByText('刚发布的动态')
    expect(
      mine.compareDocumentPosition(screen.getByText('第一页的动态')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(screen.getByText('第二页的动态')).toBeInTheDocument()
    expect(screen.getAllByText('第一页的动态')).toHaveLength(1)
  })

  it('marks an unread pinned announcement read once, and says so', async () => {
    const unread = announcement('gp-new', '下周二主题党日走访困难群众', { readByMe: false, readCount: 2 })
    answer({
      'groups.myGroups': myGroups({ unreadAnnouncements: 1 }),
      'groups.feed': feedPage([unread, announcement('gp-old', '本周五召开党小组会')], [post('gp-1', '动态')]),
      'groups.markRead': { postId: 'gp-new', readCount: 3, created: true },
    })
    render(<GroupFeedPage />)

    await screen.findByText('下周二主题党日走访困难群众')
    await waitFor(() =>
      expect(within(cardOf('下周二主题党日走访困难群众')).getByText('我已读')).toBeInTheDocument(),
    )
    expect(within(cardOf('下周二主题党日走访困难群众')).getByText('已读 3 人')).toBeInTheDocument()
    expect(payloadsOf('groups.markRead')).toEqual([{ postId: 'gp-new' }])

    // The server has not caught up in this answer; the phone still does not ask twice.
    await act(() => firePageEvent('pullDownRefresh'))
    await waitFor(() => expect(payloadsOf('groups.feed')).toHaveLength(2))
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(payloadsOf('groups.markRead')).toHaveLength(1)
  })

  it('asks before withdrawing, says what it does, and withdraws only on 确定', async () => {
    const mine = post('gp-2', '这条发错了', {
      can: { withdraw: true, pin: false, unpin: false, readers: false },
    })
    answer({
      'groups.myGroups': myGroups(),
      'groups.feed': feedPage([], [mine, post('gp-1', '另一条动态')]),
      'groups.withdraw': { postId: 'gp-2', withdrawn: true },
    })
    render(<GroupFeedPage />)
    await screen.findByText('这条发错了')
    expect(within(cardOf('另一条动态')).queryByRole('button', { name: '撤回' })).not.toBeInTheDocument()

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(within(cardOf('这条发错了')).getByRole('button', { name: '撤回' }))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '撤回这条动态',
        content: expect.stringContaining('组员将看不到这条动态和它的评论'),
      }),
    )
    expect(payloadsOf('groups.withdraw')).toHaveLength(0)
    expect(screen.getByText('这条发错了')).toBeInTheDocument()

    fireEvent.click(within(cardOf('这条发错了')).getByRole('button', { name: '撤回' }))
    await waitFor(() => expect(screen.queryByText('这条发错了')).not.toBeInTheDocument())
    expect(payloadsOf('groups.withdraw')).toEqual([{ postId: 'gp-2' }])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤回' }))
    expect(screen.getByText('另一条动态')).toBeInTheDocument()
  })

  it('offers 发通知 only to whom the server allows it', async () => {
    answer({ 'groups.myGroups': myGroups(), 'groups.feed': feedPage([], [post('gp-1', '动态')]) })
    const { unmount } = render(<GroupFeedPage />)
    await screen.findByText('动态')
    await screen.findByText('第一党小组')
    expect(screen.queryByRole('button', { name: '发通知' })).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '发布动态' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/groups/pages/compose/index?groupId=g-1&kind=post',
    })
    unmount()

    answer({
      'groups.myGroups': myGroups({ myRole: 'leader', can: { announce: true, pin: true, readers: true } }),
      'groups.feed': feedPage([], [post('gp-1', '动态')]),
    })
    render(<GroupFeedPage />)
    fireEvent.click(await screen.findByRole('button', { name: '发通知' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/groups/pages/compose/index?groupId=g-1&kind=announcement',
    })
  })

  it('pins an announcement to the top and leads a leader to who has read it', async () => {
    const leads = { withdraw: false, pin: true, unpin: false, readers: true }
    const loose = announcement('gp-n', '请大家完成本月学习', { pinned: false, can: leads })
    answer({
      'groups.myGroups': myGroups({ myRole: 'leader', can: { announce: true, pin: true, readers: true } }),
      'groups.feed': feedPage([], [post('gp-2', '较新的动态'), loose]),
      'groups.pin': {
        post: { ...loose, pinned: true, can: { ...leads, pin: false, unpin: true } } satisfies PostView,
      },
    })
    render(<GroupFeedPage />)
    await screen.findByText('请大家完成本月学习')
    expect(screen.queryByText('置顶通知')).not.toBeInTheDocument()

    fireEvent.click(within(cardOf('请大家完成本月学习')).getByRole('button', { name: '置顶' }))
    expect(await screen.findByText('置顶通知')).toBeInTheDocument()
    const notice = screen.getByText('请大家完成本月学习')
    expect(
      notice.compareDocumentPosition(screen.getByText('较新的动态')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(within(cardOf('请大家完成本月学习')).getByRole('button', { name: '取消置顶' })).toBeInTheDocument()
    expect(payloadsOf('groups.pin')).toEqual([{ postId: 'gp-n' }])

    fireEvent.click(within(cardOf('请大家完成本月学习')).getByRole('button', { name: '查看阅读情况' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/groups/pages/readers/index?id=gp-n' })
  })

  it('says when the group has no post yet', async () => {
    answer({ 'groups.myGroups': myGroups(), 'groups.feed': feedPage([], []) })
    render(<GroupFeedPage />)
    expect(await screen.findByText('还没有动态')).toBeInTheDocument()
  })

  it('shows the server refusal when I am not in the group', async () => {
    answer({
      'groups.myGroups': { groups: [] },
      'groups.feed': new CloudError('FORBIDDEN', '只有本党小组的成员可以查看和发言'),
    })
    render(<GroupFeedPage />)
    expect(await screen.findByText('只有本党小组的成员可以查看和发言')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '发布动态' })).not.toBeInTheDocument()
  })
})

describe('成员 and 项目', () => {
  const roster: Roster = {
    group: { id: 'g-1', name: '第一党小组', branchName: '营销党支部' },
    month: '2026-03',
    members: [
      {
        id: 'p-wang',
        name: '王建国',
        title: '营销部主任',
        roles: ['secretary', 'member'],
        groupRole: 'secretary',
        roleLabel: '支部书记',
        checkinsThisMonth: 8,
        phone: '13800000001',
      },
      {
        id: 'p-guo',
        name: '郭秀英',
        title: '班组长',
        roles: ['member'],
        groupRole: 'leader',
        roleLabel: '党小组长',
        checkinsThisMonth: 5,
        phone: null,
      },
    ],
  }

  it('lists members with role words and this month’s check-ins, and calls only where a phone is given', async () => {
    const makePhoneCall = jest.fn(() => Promise.resolve())
    Object.assign(Taro, { makePhoneCall })
    answer({
      'groups.myGroups': myGroups(),
      'groups.feed': feedPage([], []),
      'groups.roster': roster,
    })
    render(<GroupFeedPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '成员' }))

    expect(await screen.findByText('王建国')).toBeInTheDocument()
    expect(screen.getByText('支部书记')).toBeInTheDocument()
    expect(screen.getByText('党小组长')).toBeInTheDocument()
    expect(screen.getByText('本月打卡 8 次')).toBeInTheDocument()
    expect(screen.getByText('本月打卡 5 次')).toBeInTheDocument()
    expect(screen.getByText('打卡统计：3月')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '给郭秀英打电话' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '发布动态' })).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '给王建国打电话' }))
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' })
    expect(payloadsOf('groups.roster')).toEqual([{ groupId: 'g-1' }])
  })

  it('lists the group’s projects with status word, progress and tasks, and opens one', async () => {
    answer({
      'groups.myGroups': myGroups(),
      'groups.feed': feedPage([], []),
      'groups.groupProjects': {
        projects: [
          {
            id: 'prj-001',
            title: '“党建+供电服务”连心桥',
            category: 'service',
            status: 'in_progress',
            progress: 40,
            tasks: [
              {
                id: 't1',
                title: '走访社区',
                members: [
                  { id: 'p-cao', name: '曹泽宇' },
                  { id: 'p-guo', name: '郭秀英' },
                ],
              },
            ],
          },
        ],
      },
    })
    render(<GroupFeedPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '项目' }))

    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(screen.getByText('实施中')).toBeInTheDocument()
    expect(screen.getByText('进度 40%')).toBeInTheDocument()
    expect(screen.getByText('任务：走访社区')).toBeInTheDocument()
    expect(screen.getByText('本组成员：曹泽宇、郭秀英')).toBeInTheDocument()
    fireEvent.click(screen.getByText('“党建+供电服务”连心桥'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-001' })
  })
})
