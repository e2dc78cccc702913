import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReviewPage from '../index'
import { askToSubscribe } from '@/services/subscribe'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { committee, detail } from '../../../../test/dom/fixtures'
import { useSession } from '@/stores/session'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
// Asking for WeChat notifications is its own service (tested there); here: that the tap asks, and when.
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

const requested = detail({
  status: 'acceptance_requested',
  progress: 100,
  can: ['accept', 'return_acceptance'],
  acceptance: {
    summary: '完成走访 320 户，解决诉求 45 件',
    evidence: [],
    requestedAt: '2026-11-20T02:00:00.000Z',
  },
  rating: { count: 8, average: 4.6 },
  // The committee heard the branch's report: the rubric tests below may confirm.
  acceptanceMethods: [
    {
      method: 'report' as const,
      notes: '听取支部书记汇报',
      photos: [],
      visited: null,
      opinion: '',
      byName: '赵振华',
      at: '2026-11-21T01:00:00.000Z',
    },
  ],
})
/** The same request before the committee recorded how it judged the project. */
const unjudged = { ...requested, acceptanceMethods: [] }

const score = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(`${label}得分`), { target: { value } })

function open(extra: Record<string, unknown> = {}) {
  setRouterParams({ id: 'prj-001' })
  answer({ 'projects.get': requested, ...extra })
  render(<ReviewPage />)
}

beforeEach(() => {
  resetCloud()
})

describe('验收评分', () => {
  it('shows the request and adds up the rubric as scores are typed', async () => {
    open()
    expect(await screen.findByText('完成走访 320 户，解决诉求 45 件')).toBeInTheDocument()
    expect(screen.getByText('营销党支部 · 进度 100% · 群众满意度 4.6 分（8 人）')).toBeInTheDocument()
    for (const label of ['工作措施有力', '项目计划完成', '实施成效与群众评价', '特色与创新'])
      expect(screen.getByText(label)).toBeInTheDocument()
    expect(screen.getByText('— / 100')).toBeInTheDocument()
    expect(screen.getByText('请为“工作措施有力”打分')).toBeInTheDocument()

    score('工作措施有力', '25')
    score('项目计划完成', '28')
    score('实施成效与群众评价', '20')
    expect(screen.getByText('请为“特色与创新”打分')).toBeInTheDocument()
    score('特色与创新', '12')

    expect(screen.getByText('85 / 100')).toBeInTheDocument()

    // A score above the item's maximum is cut to it; letters are dropped.
    score('工作措施有力', '45')
    expect(screen.getByLabelText('工作措施有力得分')).toHaveValue('30')
    expect(screen.getByText('90 / 100')).toBeInTheDocument()
    score('特色与创新', 'a')
    expect(screen.getByLabelText('特色与创新得分')).toHaveValue('')
    expect(screen.getByText('请为“特色与创新”打分')).toBeInTheDocument()
  })

  it('accepts with the scores and the comment after confirming the total', async () => {
    open({ 'projects.accept': { id: 'prj-001', status: 'closed', version: 9 } })
    await screen.findByText('完成走访 320 户，解决诉求 45 件')
    score('工作措施有力', '25')
    score('项目计划完成', '28')
    score('实施成效与群众评价', '20')
    score('特色与创新', '12')
    fireEvent.change(screen.getByLabelText('意见'), { target: { value: '成效明显' } })

    fireEvent.click(screen.getByRole('button', { name: '验收通过' }))

    await waitFor(() =>
      expect(payloadsOf('projects.accept')).toEqual([
        {
          id: 'prj-001',
          scores: { measures: 25, plan: 28, effect: 20, innovation: 12 },
          comment: '成效明显',
        },
      ]),
    )
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('总分 85 分') }),
    )
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '验收通过' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  it('asks for the committee’s WeChat reminders within the 验收通过 tap, once the sheet is complete', async () => {
    open({ 'projects.accept': { id: 'prj-001', status: 'closed', version: 9 } })
    await screen.findByText('完成走访 320 户，解决诉求 45 件')
    fireEvent.click(screen.getByRole('button', { name: '验收通过' }))
    expect(askToSubscribe).not.toHaveBeenCalled()

    for (const [label, value] of [
      ['工作措施有力', '25'],
      ['项目计划完成', '28'],
      ['实施成效与群众评价', '20'],
      ['特色与创新', '12'],
    ])
      score(label, value)
    fireEvent.click(screen.getByRole('button', { name: '验收通过' }))
    await waitFor(() => expect(askToSubscribe).toHaveBeenCalledWith('review'))
    expect((askToSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeGreaterThan(
      (Taro.showModal as jest.Mock).mock.invocationCallOrder[0],
    )
    await waitFor(() => expect(payloadsOf('projects.accept')).toHaveLength(1))
  })

  it('will not accept an incomplete score sheet', async () => {
    open({ 'projects.accept': { id: 'prj-001', status: 'closed', version: 9 } })
    await screen.findByText('完成走访 320 户，解决诉求 45 件')
    score('工作措施有力', '25')
    fireEvent.click(screen.getByRole('button', { name: '验收通过' }))

    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请为“项目计划完成”打分' }))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(payloadsOf('projects.accept')).toHaveLength(0)
  })

  it('will not ask to confirm before a method is recorded: it says which are missing', async () => {
    open({ 'projects.get': unjudged, 'projects.accept': { id: 'prj-001', status: 'closed', version: 9 } })
    await screen.findByText('完成走访 320 户，解决诉求 45 件')
    for (const [label, value] of [
      ['工作措施有力', '25'],
      ['项目计划完成', '28'],
      ['实施成效与群众评价', '20'],
      ['特色与创新', '12'],
    ])
      score(label, value)
    fireEvent.click(screen.getByRole('button', { name: '验收通过' }))

    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请先记录至少一种验收方式：听取汇报、调查走访或察看现场' }),
    )
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(askToSubscribe).not.toHaveBeenCalled()
    expect(payloadsOf('projects.accept')).toHaveLength(0)
  })

  it('returns for rework only with a comment', async () => {
    open({ 'projects.returnAcceptance': { id: 'prj-001', status: 'in_progress', version: 9 } })
    await screen.findByText('完成走访 320 户，解决诉求 45 件')

    fireEvent.click(screen.getByRole('button', { name: '退回整改' }))
    expect(screen.getByText('退回整改请填写意见')).toBeInTheDocument()
    expect(payloadsOf('projects.returnAcceptance')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('意见'), { target: { value: '请补充佐证照片' } })
    fireEvent.click(screen.getByRole('button', { name: '退回整改' }))
    await waitFor(() =>
      expect(payloadsOf('projects.returnAcceptance')).toEqual([{ id: 'prj-001', comment: '请补充佐证照片' }]),
    )
  })
})

describe('验收方式', () => {
  it('asks for a method before accepting, and records 调查走访 with the visit and the masses’ opinion', async () => {
    const surveyed = {
      ...unjudged,
      acceptanceMethods: [
        {
          method: 'survey' as const,
          notes: '走访三个班组',
          photos: [],
          visited: 15,
          opinion: '群众普遍认可',
          byName: '赵振华',
          at: '2026-11-21T02:00:00.000Z',
        },
      ],
    }
    useSession.setState({ me: committee })
    setRouterParams({ id: 'prj-001' })
    answer({
      'projects.get': [unjudged, surveyed],
      'projects.recordAcceptanceMethod': { id: 'prj-001', status: 'acceptance_requested', version: 8 },
    })
    render(<ReviewPage />)
    expect(
      await screen.findByText('验收通过前，请至少记录一种验收方式：听取汇报、调查走访或察看现场'),
    ).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '验收方式：调查走访' }))
    fireEvent.change(screen.getByLabelText('验收情况'), { target: { value: '走访三个班组' } })
    fireEvent.click(screen.getByRole('button', { name: '保存调查走访记录' }))
    expect(await screen.findByText('请填写走访了多少名职工群众或党员')).toBeInTheDocument()
    expect(payloadsOf('projects.recordAcceptanceMethod')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('走访人数'), { target: { value: '15人' } })
    fireEvent.change(screen.getByLabelText('群众评价'), { target: { value: '群众普遍认可' } })
    fireEvent.click(screen.getByRole('button', { name: '保存调查走访记录' }))
    await waitFor(() =>
      expect(payloadsOf('projects.recordAcceptanceMethod')).toEqual([
        {
          id: 'prj-001',
          method: 'survey',
          notes: '走访三个班组',
          photos: [],
          visited: 15,
          opinion: '群众普遍认可',
        },
      ]),
    )
    expect(
      await screen.findByText('走访 15 人：群众普遍认可（群众满意度 4.6 分，8 人评价）'),
    ).toBeInTheDocument()
    expect(
      screen.queryByText('验收通过前，请至少记录一种验收方式：听取汇报、调查走访或察看现场'),
    ).not.toBeInTheDocument()
  })
})
