import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CheckinHistory, CheckinView, MyStats } from '@contract/api'
import { useSession } from '@/stores/session'
import MinePage from '../index'
import { firePageEvent } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { member } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

function stats(overrides: Partial<MyStats> = {}): MyStats {
  return {
    total: 42,
    streak: 5,
    longestStreak: 12,
    lastDay: '2026-11-26',
    checkedInToday: true,
    today: '2026-11-26',
    milestones: { waiting: 1, approved: 3 },
    branch: { id: 'b-sales', name: '营销党支部', checkins: 318 },
    ...overrides,
  }
}

const checkin = (id: string, text: string, overrides: Partial<CheckinView> = {}): CheckinView => ({
  id,
  person: { id: 'p-li', name: '李海燕' },
  project: { id: 'prj-001', title: '“党建+供电服务”连心桥' },
  task: { id: 'task-1', title: '走访社区' },
  milestone: null,
  text,
  photos: [],
  // 09:00 in China.
  at: '2026-03-02T01:00:00.000Z',
  day: '2026-03-02',
  place: null,
  withdrawn: false,
  withdrawnAt: null,
  editedAt: null,
  correctable: null,
  versions: [],
  ...overrides,
})

const history = (items: CheckinView[], nextCursor: string | null = null): CheckinHistory => ({
  items,
  nextCursor,
})

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('我的', () => {
  it('shows the profile and the check-in figures, each with its word', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': stats(),
      'checkins.history': history([checkin('c-1', '走访幸福小区 30 户')]),
    })
    render(<MinePage />)

    expect(await screen.findByText('李海燕')).toBeInTheDocument()
    expect(await screen.findByLabelText('累计打卡 42 次')).toHaveTextContent('42次累计打卡')
    expect(screen.getByLabelText('连续打卡 5 天')).toHaveTextContent('5天连续打卡')
    expect(screen.getByLabelText('最长连续 12 天')).toHaveTextContent('12天最长连续')
    expect(screen.getByText('✓ 今日已打卡')).toBeInTheDocument()
    expect(screen.queryByText('今天还没有打卡，去打卡')).not.toBeInTheDocument()
    expect(screen.getByText('我的里程碑')).toBeInTheDocument()
    expect(screen.getByText('待审批 1 · 已通过 3')).toBeInTheDocument()
    expect(screen.getByText('营销党支部打卡')).toBeInTheDocument()
    expect(screen.getByText('共 318 次')).toBeInTheDocument()
  })

  it('says 今日未打卡 in words and leads to the 打卡 tab', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': stats({ checkedInToday: false, streak: 0, branch: null }),
      'checkins.history': history([checkin('c-1', '走访幸福小区 30 户')]),
    })
    render(<MinePage />)

    expect(await screen.findByText('今日未打卡')).toBeInTheDocument()
    expect(screen.getByLabelText('连续打卡 0 天')).toBeInTheDocument()
    expect(screen.queryByText(/党支部打卡/)).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '今天还没有打卡，去打卡' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/checkin/index' })
  })

  it('lists my check-ins and pages by the cursor, on reach-bottom and on 加载更多', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': stats(),
      'checkins.history': (payload: unknown) => {
        const { cursor } = payload as { cursor?: string }
        if (!cursor)
          return history(
            [
              checkin('c-3', '整理诉求登记表', {
                milestone: { id: 'ms-1', title: '完成首轮走访' },
                photos: ['cloud://local.localcloud/checkins/c-3.jpg'],
                place: { name: '营销部', latitude: 30.1, longitude: 120.2 },
              }),
            ],
            '1772413200000.c-3',
          )
        if (cursor === '1772413200000.c-3')
          return history([checkin('c-2', '走访幸福小区 30 户')], '1772326800000.c-2')
        return history([checkin('c-1', '参加支部主题党日')])
      },
    })
    render(<MinePage />)

    expect(await screen.findByText('整理诉求登记表')).toBeInTheDocument()
    expect(screen.getByText('“党建+供电服务”连心桥 · 走访社区')).toBeInTheDocument()
    expect(screen.getByText('里程碑：完成首轮走访')).toBeInTheDocument()
    expect(screen.getByText('地点：营销部')).toBeInTheDocument()
    expect(screen.getByLabelText('照片 1')).toBeInTheDocument()
    expect(screen.getByText('3月2日 09:00')).toBeInTheDocument()
    // My own history does not repeat my name on every record.
    expect(screen.getAllByText('李海燕')).toHaveLength(1)

    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('走访幸福小区 30 户')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(await screen.findByText('参加支部主题党日')).toBeInTheDocument()
    expect(screen.getByText('已全部显示')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument()
    expect(payloadsOf('checkins.history')).toEqual([
      {},
      { cursor: '1772413200000.c-3' },
      { cursor: '1772326800000.c-2' },
    ])

    // Nothing more to load: reach-bottom asks for nothing.
    await act(() => firePageEvent('reachBottom'))
    expect(payloadsOf('checkins.history')).toHaveLength(3)
  })

  it('says when there is no check-in yet, with a way to the 打卡 tab', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': stats({ total: 0, streak: 0, longestStreak: 0, checkedInToday: false }),
      'checkins.history': history([]),
    })
    render(<MinePage />)

    expect(await screen.findByText('还没有打卡记录')).toBeInTheDocument()
    expect(screen.getByText('今日未打卡')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '去打卡' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/checkin/index' })
  })

  it("shows a check-in's photos once while it is corrected: in the picker, not also in the card above", async () => {
    const photo = (n: number) => `cloud://env/uploads/p-li/${n}.jpg`
    const correctable = new Date(Date.now() + 5 * 3600_000).toISOString()
    answer({
      'org.whoami': member,
      'checkins.myStats': stats(),
      'checkins.history': history([
        checkin('ck-1', '走访了 12 户居民', { photos: [photo(1), photo(2)], correctable }),
        checkin('ck-2', '检查了配电房', { photos: [photo(3)], correctable }),
      ]),
    })
    render(<MinePage />)
    await screen.findByText('走访了 12 户居民')
    const photos = () => screen.getAllByLabelText(/^照片 \d+$/)
    expect(photos()).toHaveLength(3)

    fireEvent.click(screen.getAllByText('修改')[0])
    expect(await screen.findByText('保存修改')).toBeInTheDocument()
    // Each photo once: the first check-in's two in the picker (with ×), the second's in its card.
    expect(photos()).toHaveLength(3)
    expect(screen.getAllByLabelText(/^删除照片 \d+$/)).toHaveLength(2)

    fireEvent.click(screen.getByText('修改'))
    expect(photos()).toHaveLength(3)
    expect(screen.getAllByLabelText(/^删除照片 \d+$/)).toHaveLength(3)

    fireEvent.click(screen.getAllByText('取消')[0])
    expect(photos()).toHaveLength(3)
    expect(screen.getAllByLabelText(/^删除照片 \d+$/)).toHaveLength(1)
  })

  it('reloads everything on pull-down, and catches up on return without losing the pages read', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': [stats({ total: 42 }), stats({ total: 43 }), stats({ total: 44 })],
      'checkins.history': [
        history([checkin('c-2', '走访幸福小区 30 户')], '1772326800000.c-2'),
        history([checkin('c-1', '参加支部主题党日')]),
        // Back from 打卡: one new on top of the first page.
        history(
          [
            checkin('c-9', '刚刚的打卡', { at: '2026-03-03T01:00:00.000Z' }),
            checkin('c-2', '走访幸福小区 30 户'),
          ],
          '1772326800000.c-2',
        ),
        history([checkin('c-10', '下拉后的打卡')]),
      ],
    })
    render(<MinePage />)
    expect(await screen.findByLabelText('累计打卡 42 次')).toBeInTheDocument()
    await act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('参加支部主题党日')).toBeInTheDocument()

    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    expect(await screen.findByText('刚刚的打卡')).toBeInTheDocument()
    expect(screen.getByText('参加支部主题党日')).toBeInTheDocument()
    expect(await screen.findByLabelText('累计打卡 43 次')).toBeInTheDocument()

    await act(() => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('下拉后的打卡')).toBeInTheDocument()
    expect(screen.queryByText('参加支部主题党日')).not.toBeInTheDocument()
    expect(await screen.findByLabelText('累计打卡 44 次')).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(payloadsOf('org.whoami')).toHaveLength(2)
  })

  it('leads to 提醒设置', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': stats(),
      'checkins.history': history([checkin('c-1', '走访幸福小区 30 户')]),
    })
    render(<MinePage />)
    expect(await screen.findByText('走访幸福小区 30 户')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '提醒设置' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/reminder-settings/index' })
  })

  it('says when the figures or the history cannot be loaded, and retries each', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': [new Error('offline'), stats()],
      'checkins.history': [new Error('offline'), history([checkin('c-1', '走访幸福小区 30 户')])],
    })
    render(<MinePage />)
    expect(await screen.findByText('打卡统计加载失败')).toBeInTheDocument()
    expect(screen.getByText('打卡记录加载失败')).toBeInTheDocument()

    const [statsRetry, historyRetry] = screen.getAllByRole('button', { name: '重试' })
    fireEvent.click(statsRetry)
    expect(await screen.findByLabelText('累计打卡 42 次')).toBeInTheDocument()
    fireEvent.click(historyRetry)
    expect(await screen.findByText('走访幸福小区 30 户')).toBeInTheDocument()
  })
})
