import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud-error'
import { uploadFile } from '@/services/upload-file'
import { useSession } from '@/stores/session'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { member } from '../../../../../../test/dom/fixtures'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { announcement, groupSummary, post } from '../../feed/__tests__/group-fixtures'
import ComposePage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadFile: jest.fn() }))

const posted = { post: post('gp-9', '新动态'), created: true }
/** The page first checks that the group is one of the person's own. */
const mine = { 'groups.myGroups': { groups: [groupSummary({ id: 'g-1' })] } }

async function openCompose() {
  render(<ComposePage />)
  await screen.findByRole('button', { name: '发布' })
}

beforeEach(() => {
  resetCloud()
  ;(uploadFile as jest.Mock).mockReset()
  useSession.setState({ me: member })
  setRouterParams({ groupId: 'g-1', kind: 'post' })
})

const typeText = (label: string, text: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } })

describe('发布动态', () => {
  it('says so, and offers no form, for a group that is not the person’s own', async () => {
    answer(mine)
    setRouterParams({ groupId: 'g-other', kind: 'post' })
    render(<ComposePage />)
    expect(await screen.findByText('无法发布')).toBeInTheDocument()
    expect(screen.getByText('没有找到这个党小组，或你不在其中')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '发布' })).toBeNull()
  })

  it('refuses an empty post in words and sends nothing', async () => {
    answer(mine)
    await openCompose()
    typeText('内容', '   ')
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('请填写内容或添加照片')).toBeInTheDocument()
    expect(payloadsOf('groups.post')).toHaveLength(0)
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('keeps the text after a dropped network and retries with the same request id', async () => {
    answer({ ...mine, 'groups.post': [new CloudError('NETWORK'), posted] })
    await openCompose()
    typeText('内容', '今天完成线路巡视\n两处隐患已处理')
    fireEvent.click(screen.getByRole('button', { name: '发布' }))

    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    expect(screen.getByDisplayValue(/今天完成线路巡视/)).toBeInTheDocument()
    expect(Taro.navigateBack).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const [first, second] = payloadsOf('groups.post') as Record<string, unknown>[]
    expect(first).toEqual({
      groupId: 'g-1',
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      kind: 'post',
      text: '今天完成线路巡视\n两处隐患已处理',
      photos: [],
    })
    expect(second.requestId).toBe(first.requestId)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }))
  })

  it('uploads the chosen photos in order into my folder, then posts their file ids', async () => {
    answer({ ...mine, 'groups.post': posted })
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:one', 'blob:two'] })
    let release: () => void = () => undefined
    const firstHeld = new Promise<void>((resolve) => (release = resolve))
    ;(uploadFile as jest.Mock).mockImplementation(async (local: string, personId: string) => {
      if (local === 'blob:one') await firstHeld
      return `cloud://local.localcloud/uploads/${personId}/${local.slice(5)}.jpg`
    })
    await openCompose()
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }))
    expect(await screen.findByLabelText('照片 2')).toBeInTheDocument()

    // Photos alone make a post; the wait says which photo is going up.
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('正在上传第 1/2 张照片…')).toBeInTheDocument()
    expect(payloadsOf('groups.post')).toHaveLength(0)
    await act(async () => release())
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect((uploadFile as jest.Mock).mock.calls).toEqual([
      ['blob:one', 'p-li'],
      ['blob:two', 'p-li'],
    ])
    expect(payloadsOf('groups.post')).toEqual([
      expect.objectContaining({
        text: '',
        photos: [
          'cloud://local.localcloud/uploads/p-li/one.jpg',
          'cloud://local.localcloud/uploads/p-li/two.jpg',
        ],
      }),
    ])
  })

  it('does not upload a photo twice when the post is retried', async () => {
    answer({ ...mine, 'groups.post': [new CloudError('NETWORK'), posted] })
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:one'] })
    ;(uploadFile as jest.Mock).mockResolvedValue('cloud://local.localcloud/uploads/p-li/one.jpg')
    await openCompose()
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }))
    await screen.findByLabelText('照片 1')
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    await screen.findByText('网络连接失败，请检查网络后重试')
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(uploadFile).toHaveBeenCalledTimes(1)
    expect(payloadsOf('groups.post')).toHaveLength(2)
  })

  it('shows a refusal on the form and keeps what was typed', async () => {
    answer({ ...mine, 'groups.post': new CloudError('FORBIDDEN', '只有本党小组的成员可以查看和发言') })
    await openCompose()
    typeText('内容', '大家好')
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('只有本党小组的成员可以查看和发言')).toBeInTheDocument()
    expect(screen.getByDisplayValue('大家好')).toBeInTheDocument()
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })
})

describe('发通知', () => {
  beforeEach(() => setRouterParams({ groupId: 'g-1', kind: 'announcement' }))

  it('needs text, is pinned unless turned off, and says so in words', async () => {
    answer({ ...mine, 'groups.post': { post: announcement('gp-9', '通知'), created: true } })
    await openCompose()
    expect(screen.getByText('置顶这条通知：是')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('请填写通知内容')).toBeInTheDocument()
    expect(payloadsOf('groups.post')).toHaveLength(0)

    typeText('通知内容', '周五下午3点召开党小组会')
    fireEvent.click(screen.getByRole('button', { name: '置顶这条通知：是' }))
    expect(screen.getByText('置顶这条通知：否')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(payloadsOf('groups.post')).toEqual([
      expect.objectContaining({ kind: 'announcement', text: '周五下午3点召开党小组会', pin: false }),
    ])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '通知已发布' }))
  })

  it('shows the limit on pins the server refuses, keeping the text to send unpinned', async () => {
    answer({
      ...mine,
      'groups.post': [
        new CloudError('CONFLICT', '最多置顶 5 条通知，请先取消一条置顶'),
        { post: announcement('gp-9', '通知', { pinned: false }), created: true },
      ],
    })
    await openCompose()
    typeText('通知内容', '本月主题党日安排')
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('最多置顶 5 条通知，请先取消一条置顶')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '置顶这条通知：是' }))
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const [first, second] = payloadsOf('groups.post') as Record<string, unknown>[]
    expect([first.pin, second.pin]).toEqual([true, false])
    expect(second.text).toBe('本月主题党日安排')
  })
})
