import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MyStats } from '@contract/api'
import MinePage from '@/pages/mine/index'
import { useSession } from '@/stores/session'
import { firePageEvent } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { member } from '../../../../test/dom/fixtures'
import { figures, stats } from './fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const myStats: MyStats = {
  total: 3,
  streak: 1,
  longestStreak: 2,
  lastDay: '2026-11-26',
  checkedInToday: true,
  today: '2026-11-26',
  milestones: { waiting: 0, approved: 0 },
  branch: null,
}

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('我的 → 学习', () => {
  it('shows my study hours, lectures finished and person-times, and leads to 党员微讲坛', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': myStats,
      'checkins.history': { items: [], nextCursor: null },
      'lectures.stats': [stats({ me: figures(5400, 3, 2) }), stats({ me: figures(7200, 4, 3) })],
    })
    render(<MinePage />)

    expect(await screen.findByLabelText('学习时长 1.5 小时')).toHaveTextContent('1.5小时学习时长')
    expect(screen.getByLabelText('学完讲坛 2 个')).toBeInTheDocument()
    expect(screen.getByLabelText('培训人次 3 次')).toBeInTheDocument()
    expect(payloadsOf('lectures.stats')).toEqual([{}])

    fireEvent.click(screen.getByRole('button', { name: '去党员微讲坛学习' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/lectures/pages/index/index' })

    // Back from studying: the figures are brought up to date.
    await act(() => firePageEvent('didHide'))
    await act(() => firePageEvent('didShow'))
    expect(await screen.findByLabelText('学习时长 2 小时')).toBeInTheDocument()
    expect(screen.getByLabelText('学完讲坛 3 个')).toBeInTheDocument()
  })

  it('says when the figures cannot be loaded, and retries on a tap', async () => {
    answer({
      'org.whoami': member,
      'checkins.myStats': myStats,
      'checkins.history': { items: [], nextCursor: null },
      'lectures.stats': [new Error('offline'), stats()],
    })
    render(<MinePage />)

    fireEvent.click(await screen.findByRole('button', { name: '学习情况加载失败，点此重试' }))
    expect(await screen.findByLabelText('学习时长 1.5 小时')).toBeInTheDocument()
  })
})
