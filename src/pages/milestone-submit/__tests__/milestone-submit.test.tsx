import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SubmissionDetail } from '@contract/functions/checkins'
import { useSession } from '@/stores/session'
import { askToSubscribe } from '@/services/subscribe'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { member } from '../../../../test/dom/fixtures'
import { setRouterParams } from '../../../../test/mocks/taro'
import MilestoneSubmitPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
// Asking for WeChat notifications is its own service (tested there); here: that the tap asks, and when.
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

function detail(
  overrides: Partial<SubmissionDetail['milestone']> = {},
  can: SubmissionDetail['can'] = ['submit'],
) {
  return {
    milestone: {
      id: 'prj-001-m1',
      title: '完成首批工地监督',
      weight: 40,
      status: 'open',
      deadline: '2026-12-10',
      dueState: 'normal',
      qualityStandard: '每处工地至少一名党员到岗',
      expectedGoal: '首批工地零违章',
      owner: { id: 'p-li', name: '李海燕' },
      round: 0,
      submittedBy: null,
      submittedAt: null,
      description: '',
      evidence: [],
      lastComment: '',
      checkins: 3,
      ...overrides,
    },
    project: {
      id: 'prj-001',
      title: '党员干部施工项目全程负责制',
      branchId: 'b-sales',
      branchName: '营销党支部',
      status: 'in_progress',
      progress: 20,
    },
    task: { id: 't1', title: '施工现场安全监督', checkins: 5 },
    history: [],
    checkins: [],
    can,
  } satisfies SubmissionDetail
}

const change = { id: 'prj-001-m1', status: 'submitted', round: 1, projectProgress: 20 }

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: member })
  setRouterParams({ id: 'prj-001-m1' })
})

describe('提交里程碑', () => {
  it('shows the 五个明确 and sends the description after confirming', async () => {
    answer({ 'checkins.getSubmission': detail(), 'checkins.submitMilestone': change })
    render(<MilestoneSubmitPage />)
    expect(await screen.findByText('完成首批工地监督')).toBeInTheDocument()
    expect(screen.getByText('每处工地至少一名党员到岗')).toBeInTheDocument()
    expect(screen.getByText('2026-12-10（按计划）')).toBeInTheDocument()

    fireEvent.click(screen.getByText('提交审核'))
    expect(await screen.findByText('请填写完成情况')).toBeInTheDocument()
    expect(Taro.showModal).not.toHaveBeenCalled()

    fireEvent.change(screen.getByLabelText('完成情况'), {
      target: { value: '首批 6 处工地全部落实党员监督' },
    })
    fireEvent.click(screen.getByText('提交审核'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(payloadsOf('checkins.submitMilestone')).toEqual([
      { id: 'prj-001-m1', description: '首批 6 处工地全部落实党员监督', evidence: [] },
    ])
  })

  it('asks for WeChat reminders of my milestones once the member confirms, never stacked on the dialog', async () => {
    answer({ 'checkins.getSubmission': detail(), 'checkins.submitMilestone': change })
    render(<MilestoneSubmitPage />)
    await screen.findByText('完成首批工地监督')
    fireEvent.change(screen.getByLabelText('完成情况'), { target: { value: '已完成' } })
    fireEvent.click(screen.getByText('提交审核'))

    expect(askToSubscribe).not.toHaveBeenCalled()
    await waitFor(() => expect(askToSubscribe).toHaveBeenCalledWith('checkin'))
    expect((askToSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeGreaterThan(
      (Taro.showModal as jest.Mock).mock.invocationCallOrder[0],
    )
  })

  it('sends nothing when the member cancels the confirmation', async () => {
    answer({ 'checkins.getSubmission': detail(), 'checkins.submitMilestone': change })
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<MilestoneSubmitPage />)
    await screen.findByText('完成首批工地监督')
    fireEvent.change(screen.getByLabelText('完成情况'), { target: { value: '已完成' } })
    fireEvent.click(screen.getByText('提交审核'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(payloadsOf('checkins.submitMilestone')).toHaveLength(0)
    expect(askToSubscribe).not.toHaveBeenCalled()
  })

  it('shows why it was returned and offers to submit again', async () => {
    answer({
      'checkins.getSubmission': detail({ status: 'returned', round: 1, lastComment: '缺少现场照片' }),
    })
    render(<MilestoneSubmitPage />)
    expect(await screen.findByText('· 缺少现场照片')).toBeInTheDocument()
    expect(screen.getByText('重新提交审核')).toBeInTheDocument()
  })

  it('offers no form when the milestone cannot be submitted now', async () => {
    answer({ 'checkins.getSubmission': detail({ status: 'submitted' }, []) })
    render(<MilestoneSubmitPage />)
    expect(await screen.findByText('这个里程碑当前不能提交')).toBeInTheDocument()
    expect(screen.queryByText('提交审核')).not.toBeInTheDocument()
  })
})
