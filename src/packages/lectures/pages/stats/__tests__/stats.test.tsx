import { fireEvent, render, screen, within } from '@testing-library/react'
import type { BranchStudyView, MemberStudyView } from '@contract/api'
import { useSession } from '@/stores/session'
import StudyStatsPage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import {
  committeeMember,
  figures,
  item,
  lectureStats,
  stats,
  yunweiMember,
  yunweiSecretary,
} from '@/features/lectures/__tests__/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const branch = (
  branchId: string,
  branchName: string,
  seconds: number,
  personTimes: number,
): BranchStudyView => ({
  branchId,
  branchName,
  members: 12,
  ...figures(seconds, personTimes, 2),
})
const member = (id: string, name: string, seconds: number, completed: number): MemberStudyView => ({
  person: { id, name },
  ...figures(seconds, completed + 1, completed),
})
const yunwei = branch('b-yunwei', '运维部党支部', 9000, 7)
const chengqu = branch('b-chengqu', '城区供电所党支部', 18000, 12)
const manage = {
  items: [
    item('lec-004', '供电所党员服务承诺践诺', { status: 'draft' }),
    item('lec-002', '“1+N”安全帮扶：党员身边无违章'),
  ],
  nextCursor: null,
}
const row = (name: string) => screen.getByText(name).closest('.stats-row') as HTMLElement

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('学习统计', () => {
  it('shows a secretary their branch, each member and each published lecture, with words beside every bar', async () => {
    answer({
      'org.whoami': yunweiSecretary,
      'lectures.stats': (p: unknown) =>
        (p as { lectureId?: string }).lectureId
          ? stats({ lecture: lectureStats() })
          : stats({
              branches: [yunwei],
              members: [member('p003', '王芳', 200, 0), member('p002', '李强', 640, 2)],
            }),
      'lectures.list': manage,
    })
    render(<StudyStatsPage />)

    expect(await screen.findByText('本支部学习情况')).toBeInTheDocument()
    expect(screen.getByLabelText('学习时长 1.5 小时')).toBeInTheDocument()
    expect(
      within(row('运维部党支部')).getByText('学习时长 2.5 小时 · 培训人次 7 · 学完 2 · 党员 12 人'),
    ).toBeInTheDocument()

    expect(screen.getByText('运维部党支部党员学习情况')).toBeInTheDocument()
    const names = screen.getAllByText(/^(王芳|李强)$/).map((n) => n.textContent)
    expect(names).toEqual(['李强', '王芳'])
    expect(within(row('李强')).getByText('学习时长 0.2 小时 · 学完 2 个 · 培训人次 3')).toBeInTheDocument()

    const safety = await screen.findByText('“1+N”安全帮扶：党员身边无违章')
    const lectureRow = safety.closest('.stats-row') as HTMLElement
    expect(
      within(lectureRow).getByText('培训人次 3 · 学完 1 人 · 应学 4 人 · 学习时长 0.1 小时'),
    ).toBeInTheDocument()
    expect(within(lectureRow).getByText('完成率 25%')).toBeInTheDocument()
    expect(screen.queryByText('供电所党员服务承诺践诺')).not.toBeInTheDocument()

    expect(payloadsOf('lectures.stats')).toEqual([{ branchId: 'b-yunwei' }, { lectureId: 'lec-002' }])
    expect(payloadsOf('lectures.list')).toEqual([{ tab: 'manage' }])
  })

  it('ranks every branch for the committee and opens one branch’s members on a tap', async () => {
    answer({
      'org.whoami': committeeMember,
      'lectures.stats': (p: unknown) => {
        const q = p as { lectureId?: string; branchId?: string }
        if (q.lectureId) return stats({ lecture: lectureStats({ audience: 0, completionRate: null }) })
        return stats({
          branches: [yunwei, chengqu],
          members: q.branchId === 'b-chengqu' ? [member('p043', '李建国', 3600, 1)] : [],
        })
      },
      'lectures.list': manage,
    })
    render(<StudyStatsPage />)

    expect(await screen.findByText('各支部学习情况')).toBeInTheDocument()
    const ranked = screen.getAllByText(/^(运维部党支部|城区供电所党支部)$/).map((n) => n.textContent)
    expect(ranked).toEqual(['城区供电所党支部', '运维部党支部'])
    expect(screen.getByText('点选上方的支部，查看该支部每名党员的学习情况')).toBeInTheDocument()
    expect(await screen.findByText('完成率 暂无学员')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '城区供电所党支部，查看党员' }))
    expect(await screen.findByText('李建国')).toBeInTheDocument()
    expect(screen.getByText('城区供电所党支部党员学习情况')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '城区供电所党支部，正在查看' })).toBeInTheDocument()
    expect(payloadsOf('lectures.stats')).toContainEqual({ branchId: 'b-chengqu' })
  })

  it('shows a member only their own figures', async () => {
    answer({ 'org.whoami': yunweiMember, 'lectures.stats': stats({ me: figures(720, 1, 1) }) })
    render(<StudyStatsPage />)

    expect(await screen.findByLabelText('学习时长 0.2 小时')).toBeInTheDocument()
    expect(screen.getByText('由支部书记和党委查看')).toBeInTheDocument()
    expect(screen.queryByText('讲坛学习情况')).not.toBeInTheDocument()
    expect(payloadsOf('lectures.stats')).toEqual([{}])
    expect(payloadsOf('lectures.list')).toHaveLength(0)
  })

  it('says when the figures cannot be loaded', async () => {
    answer({ 'org.whoami': yunweiSecretary, 'lectures.stats': new Error('offline'), 'lectures.list': manage })
    render(<StudyStatsPage />)
    expect(await screen.findByText('学习统计加载失败')).toBeInTheDocument()
  })
})
