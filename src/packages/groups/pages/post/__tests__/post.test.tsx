import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud-error'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { firePageEvent, setRouterParams } from '../../../../../../test/mocks/taro'
import { announcement, comment, post, resetGroupPosts } from '../../feed/__tests__/group-fixtures'
import PostPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const opened = post('gp-1', '党员突击队完成抢修任务', { commentCount: 3 })

beforeEach(() => {
  resetCloud()
  resetGroupPosts([opened])
  setRouterParams({ id: 'gp-1' })
})

describe('动态详情', () => {
  it('shows the post and its comments oldest first, paging by the cursor', async () => {
    answer({
      'groups.comments': (payload: unknown) =>
        (payload as { cursor?: string }).cursor
          ? {
              items: [comment('gc-3', '向你学习。', { createdAt: '2026-03-02T04:00:00.000Z' })],
              nextCursor: null,
            }
          : {
              items: [
                comment('gc-1', '点赞！'),
                comment('gc-2', '辛苦了，注意安全。', { createdAt: '2026-03-02T03:00:00.000Z', mine: true }),
              ],
              nextCursor: '1772420400000.gc-2',
            },
    })
    render(<PostPage />)

    expect(screen.getByText('党员突击队完成抢修任务')).toBeInTheDocument()
    expect(screen.getByText('共 3 条')).toBeInTheDocument()
    const first = await screen.findByText('点赞！')
    const second = screen.getByText('辛苦了，注意安全。')
    expect(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.getByText('（我）')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    const third = await screen.findByText('向你学习。')
    expect(second.compareDocumentPosition(third) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.getByText('评论已全部显示')).toBeInTheDocument()
    expect(payloadsOf('groups.comments')).toEqual([
      { postId: 'gp-1' },
      { postId: 'gp-1', cursor: '1772420400000.gc-2' },
    ])
    await act(() => firePageEvent('reachBottom'))
    expect(payloadsOf('groups.comments')).toHaveLength(2)
  })

  it('sends a comment with a request id kept across a retry and renewed for the next comment', async () => {
    answer({
      'groups.comments': { items: [comment('gc-1', '点赞！')], nextCursor: null },
      'groups.comment': [
        new CloudError('NETWORK'),
        (p: unknown) => ({
          comment: comment('gc-9', (p as { text: string }).text, {
            mine: true,
            createdAt: '2026-03-02T05:00:00.000Z',
          }),
          commentCount: 4,
          created: true,
        }),
        (p: unknown) => ({
          comment: comment('gc-10', (p as { text: string }).text, {
            mine: true,
            createdAt: '2026-03-02T06:00:00.000Z',
          }),
          commentCount: 5,
          created: true,
        }),
      ],
    })
    render(<PostPage />)
    await screen.findByText('点赞！')

    fireEvent.click(screen.getByRole('button', { name: '发送' }))
    expect(await screen.findByText('请填写评论')).toBeInTheDocument()
    expect(payloadsOf('groups.comment')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('评论'), { target: { value: '收到，马上安排。' } })
    fireEvent.click(screen.getByRole('button', { name: '发送' }))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByDisplayValue('收到，马上安排。')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '发送' }))
    const mine = await screen.findByText('收到，马上安排。')
    expect(
      screen.getByText('点赞！').compareDocumentPosition(mine) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(screen.getByText('共 4 条')).toBeInTheDocument()
    expect(screen.getByText('评论 4')).toBeInTheDocument()
    expect(screen.getByLabelText('评论')).toHaveValue('')

    fireEvent.change(screen.getByLabelText('评论'), { target: { value: '第二条评论' } })
    fireEvent.click(screen.getByRole('button', { name: '发送' }))
    expect(await screen.findByText('共 5 条')).toBeInTheDocument()

    const [a, b, c] = payloadsOf('groups.comment') as { postId: string; requestId: string; text: string }[]
    expect(a).toEqual({
      postId: 'gp-1',
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      text: '收到，马上安排。',
    })
    expect(b.requestId).toBe(a.requestId)
    expect(c.requestId).not.toBe(a.requestId)
    expect(c.text).toBe('第二条评论')
  })

  it('marks an unread announcement read when it is opened', async () => {
    resetGroupPosts([
      announcement('gp-n', '本月主题党日安排', { pinned: false, readByMe: false, readCount: 1 }),
    ])
    setRouterParams({ id: 'gp-n' })
    answer({
      'groups.comments': { items: [], nextCursor: null },
      'groups.markRead': { postId: 'gp-n', readCount: 2, created: true },
    })
    render(<PostPage />)
    expect(await screen.findByText('我已读')).toBeInTheDocument()
    expect(screen.getByText('已读 2 人')).toBeInTheDocument()
    expect(screen.getByText('还没有评论，来说两句')).toBeInTheDocument()
    expect(payloadsOf('groups.markRead')).toEqual([{ postId: 'gp-n' }])
  })

  it('withdraws after 确定 and goes back to the feed', async () => {
    resetGroupPosts([
      post('gp-1', '发错了', { can: { withdraw: true, pin: false, unpin: false, readers: false } }),
    ])
    answer({
      'groups.comments': { items: [], nextCursor: null },
      'groups.withdraw': { postId: 'gp-1', withdrawn: true },
    })
    render(<PostPage />)
    fireEvent.click(screen.getByRole('button', { name: '撤回' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(payloadsOf('groups.withdraw')).toEqual([{ postId: 'gp-1' }])
  })

  it('loads a post the phone has not seen in its feed (a reload, a link) by its id', async () => {
    resetGroupPosts()
    answer({ 'groups.get': { post: opened }, 'groups.comments': { items: [], nextCursor: null } })
    render(<PostPage />)
    expect(await screen.findByText('党员突击队完成抢修任务')).toBeInTheDocument()
    expect(payloadsOf('groups.get')).toEqual([{ postId: 'gp-1' }])
  })

  it('says why a post cannot be opened and offers the way back to the groups', async () => {
    resetGroupPosts()
    answer({ 'groups.get': new CloudError('NOT_FOUND', '没有找到这条内容，可能已撤回') })
    render(<PostPage />)
    expect(await screen.findByText('无法打开这条内容')).toBeInTheDocument()
    expect(screen.getByText('没有找到这条内容，可能已撤回')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '去党小组' }))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/groups/pages/index/index' })
  })
})
