import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CheckinView, MilestoneChange, SubmissionDetail } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { askToSubscribe } from '@/services/subscribe'
import SubmissionPage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud, type Routes } from '../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
// Asking for WeChat notifications is its own service (tested there); here: that the tap asks, and when.
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

const checkin = (id: string, text: string, overrides: Partial<CheckinView> = {}): CheckinView => ({
  id,
  person: { id: 'p-zhang', name: '张志强' },
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

function submission(overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  return {
    milestone: {
      id: 'ms-1',
      title: '完成首轮走访',
      weight: 30,
      status: 'submitted',
      deadline: '2026-03-01',
      dueState: 'overdue',
      qualityStandard: '走访率不低于 90%，逐户登记诉求',
      expectedGoal: '建立辖区居民用电诉求台账',
      owner: { id: 'p-li', name: '李海燕' },
      round: 2,
      submittedBy: { id: 'p-li', name: '李海燕' },
      submittedAt: '2026-03-05T02:30:00.000Z',
      description: '已走访 120 户居民，登记诉求 18 件',
      evidence: [
        'cloud://local.localcloud/evidence/visit-1.jpg',
        'cloud://local.localcloud/evidence/台账.pdf',
      ],
      lastComment: '请补充走访照片',
      checkins: 2,
    },
    project: {
      id: 'prj-001',
      title: '“党建+供电服务”连心桥',
      branchId: 'b-sales',
      branchName: '营销党支部',
      status: 'in_progress',
      progress: 40,
    },
    task: { id: 'task-1', title: '走访社区', checkins: 5 },
    history: [
      {
        id: 'ms-1-r2-submit',
        round: 2,
        action: 'submit',
        from: 'returned',
        to: 'submitted',
        actorName: '李海燕',
        description: '已走访 120 户居民，登记诉求 18 件',
        evidence: ['cloud://local.localcloud/evidence/visit-1.jpg'],
        comment: '',
        at: '2026-03-05T02:30:00.000Z',
      },
      {
        id: 'ms-1-r1-decision',
        round: 1,
        action: 'return',
        from: 'submitted',
        to: 'returned',
        actorName: '王建国',
        description: '',
        evidence: [],
        comment: '请补充走访照片',
        at: '2026-03-03T08:00:00.000Z',
      },
      {
        id: 'ms-1-r1-submit',
        round: 1,
        action: 'submit',
        from: 'open',
        to: 'submitted',
        actorName: '李海燕',
        description: '已走访 100 户',
        evidence: [],
        comment: '',
        at: '2026-03-02T08:00:00.000Z',
      },
    ],
    checkins: [
      checkin('c-1', '走访幸福小区 30 户', {
        photos: ['cloud://local.localcloud/checkins/c-1.jpg'],
        place: { name: '幸福小区', latitude: 30.1, longitude: 120.2 },
      }),
      checkin('c-2', '整理诉求登记表', { person: { id: 'p-li', name: '李海燕' } }),
    ],
    can: ['approve', 'return'],
    ...overrides,
  }
}

const decided = (status: MilestoneChange['status']): MilestoneChange => ({
  id: 'ms-1',
  status,
  round: 2,
  projectProgress: status === 'approved' ? 70 : 40,
})

function open(routes: Routes = {}) {
  setRouterParams({ id: 'ms-1' })
  answer({ 'checkins.getSubmission': submission(), ...routes })
  render(<SubmissionPage />)
}

beforeEach(() => {
  resetCloud()
})

describe('节点审批', () => {
  it('shows the milestone, its 五个明确, the submission with evidence, the check-ins and every round', async () => {
    open()
    expect(await screen.findByText('完成首轮走访')).toBeInTheDocument()
    expect(payloadsOf('checkins.getSubmission')).toEqual([{ id: 'ms-1' }])
    expect(screen.getByText('待审核')).toBeInTheDocument()
    expect(screen.getByText('项目：“党建+供电服务”连心桥（营销党支部）')).toBeInTheDocument()
    expect(screen.getByText('任务：走访社区')).toBeInTheDocument()
    expect(screen.getByText('第 2 次提交')).toBeInTheDocument()

    // 五个明确
    expect(screen.getByText('进度（权重）')).toBeInTheDocument()
    expect(screen.getByText('30%')).toBeInTheDocument()
    expect(screen.getByText('责任人')).toBeInTheDocument()
    expect(screen.getByText('时限要求')).toBeInTheDocument()
    expect(screen.getByText('2026-03-01')).toBeInTheDocument()
    expect(screen.getByText('已逾期')).toBeInTheDocument()
    expect(screen.getByText('质量标准')).toBeInTheDocument()
    expect(screen.getByText('走访率不低于 90%，逐户登记诉求')).toBeInTheDocument()
    expect(screen.getByText('预期目标')).toBeInTheDocument()
    expect(screen.getByText('建立辖区居民用电诉求台账')).toBeInTheDocument()

    // The submission and its evidence: a photo to open, a document by name.
    expect(screen.getByText('李海燕 提交于 3月5日 10:30')).toBeInTheDocument()
    expect(screen.getAllByText('已走访 120 户居民，登记诉求 18 件')).toHaveLength(1)
    expect(screen.getByText('佐证材料（2）')).toBeInTheDocument()
    expect(screen.getByText('台账.pdf')).toBeInTheDocument()
    fireEvent.click(screen.getAllByLabelText('照片 1')[0])
    expect(Taro.previewImage).toHaveBeenCalledWith({
      urls: ['/files/evidence/visit-1.jpg'],
      current: '/files/evidence/visit-1.jpg',
    })

    // The check-ins behind it.
    expect(screen.getByText('共 5 条')).toBeInTheDocument()
    expect(screen.getByText('走访幸福小区 30 户')).toBeInTheDocument()
    expect(screen.getByText('张志强')).toBeInTheDocument()
    expect(screen.getByText('地点：幸福小区')).toBeInTheDocument()
    expect(screen.getByText('整理诉求登记表')).toBeInTheDocument()
    expect(screen.getByText('仅显示最近 2 条')).toBeInTheDocument()

    // Every round: submissions, the return with its comment, and the earlier description.
    const rounds = within(screen.getByText('审批记录').closest('.card') as HTMLElement)
    expect(rounds.getByText('3 条')).toBeInTheDocument()
    expect(rounds.getAllByText('提交成果')).toHaveLength(2)
    expect(rounds.getByText('退回')).toBeInTheDocument()
    expect(rounds.getByText('王建国')).toBeInTheDocument()
    expect(rounds.getByText('意见：请补充走访照片')).toBeInTheDocument()
    expect(rounds.getByText('完成情况：已走访 100 户')).toBeInTheDocument()
    expect(rounds.getAllByText('第 1 轮')).toHaveLength(2)
    expect(rounds.getByText('第 2 轮')).toBeInTheDocument()
  })

  it('approves after confirming, then says so and goes back to the inbox', async () => {
    open({ 'checkins.approveMilestone': decided('approved') })
    fireEvent.click(await screen.findByRole('button', { name: '通过' }))

    await waitFor(() => expect(payloadsOf('checkins.approveMilestone')).toEqual([{ id: 'ms-1' }]))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '通过里程碑' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  it('asks for the approver’s WeChat reminders within the 通过 tap, not at 退回', async () => {
    open({ 'checkins.approveMilestone': decided('approved') })
    fireEvent.click(await screen.findByRole('button', { name: '退回' }))
    expect(askToSubscribe).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: '通过' }))
    expect(askToSubscribe).not.toHaveBeenCalled()
    await waitFor(() => expect(askToSubscribe).toHaveBeenCalledWith('approve'))
    expect((askToSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeGreaterThan(
      (Taro.showModal as jest.Mock).mock.invocationCallOrder[0],
    )
    await waitFor(() => expect(payloadsOf('checkins.approveMilestone')).toEqual([{ id: 'ms-1' }]))
  })

  it('approves nothing when the confirmation is cancelled', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    open({ 'checkins.approveMilestone': decided('approved') })
    fireEvent.click(await screen.findByRole('button', { name: '通过' }))

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(payloadsOf('checkins.approveMilestone')).toHaveLength(0)
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    expect(askToSubscribe).not.toHaveBeenCalled()
  })

  it('returns only with a comment', async () => {
    open({ 'checkins.returnMilestone': decided('returned') })
    fireEvent.click(await screen.findByRole('button', { name: '退回' }))
    expect(screen.getByText('退回里程碑')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))
    expect(screen.getByText('请填写退回意见')).toBeInTheDocument()
    expect(payloadsOf('checkins.returnMilestone')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('退回意见'), { target: { value: '  照片看不清，请重新上传  ' } })
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))
    await waitFor(() =>
      expect(payloadsOf('checkins.returnMilestone')).toEqual([
        { id: 'ms-1', comment: '照片看不清，请重新上传' },
      ]),
    )
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已退回' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  it('shows no decision buttons when `can` is empty, and says why', async () => {
    setRouterParams({ id: 'ms-1' })
    answer({ 'checkins.getSubmission': submission({ can: [] }) })
    render(<SubmissionPage />)
    expect(await screen.findByText('完成首轮走访')).toBeInTheDocument()
    expect(screen.getByText('此里程碑不由你审批')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '通过' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '退回' })).not.toBeInTheDocument()
  })

  it('says in the server’s words when someone else decided first, and shows where it stands now', async () => {
    const approved = submission({
      milestone: { ...submission().milestone, status: 'approved', dueState: 'done' },
      can: [],
    })
    open({
      'checkins.getSubmission': [submission(), approved],
      'checkins.approveMilestone': new CloudError('CONFLICT', '该里程碑已由他人审批，请刷新查看'),
    })
    fireEvent.click(await screen.findByRole('button', { name: '通过' }))

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '该里程碑已由他人审批，请刷新查看' }),
      ),
    )
    expect(await screen.findByText('此里程碑已审核通过')).toBeInTheDocument()
    expect(payloadsOf('checkins.getSubmission')).toHaveLength(2)
    expect(screen.queryByRole('button', { name: '通过' })).not.toBeInTheDocument()
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('shows a load failure in words with 重试', async () => {
    setRouterParams({ id: 'ms-1' })
    answer({ 'checkins.getSubmission': [new CloudError('NOT_FOUND', '里程碑不存在'), submission()] })
    render(<SubmissionPage />)
    expect(await screen.findByText('里程碑不存在')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('完成首轮走访')).toBeInTheDocument()
  })
})
