import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RectificationView, SpotCheckDetail } from '@contract/api'
import SpotCheckPage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock

const task = (over: Partial<RectificationView> = {}): RectificationView => ({
  mergedNote: null,
  id: 'rf-1',
  spotCheckId: 'sc-1',
  projectId: 'prj-001',
  projectTitle: '“党建+供电服务”连心桥',
  branchName: '营销党支部',
  text: '补齐党员写实记录',
  owner: { id: 'p-wang', name: '王建国' },
  deadline: '2026-06-30',
  status: 'open',
  overdue: false,
  note: '',
  lastComment: '',
  updatedAt: '2026-05-10T04:00:00.000Z',
  can: [],
  ...over,
})

function check(over: Partial<SpotCheckDetail> = {}): SpotCheckDetail {
  return {
    id: 'sc-1',
    // 2026-05-11 02:00 in China (the device's clock in UTC would say 5月10日).
    createdAt: '2026-05-10T18:00:00.000Z',
    createdByName: '赵振华',
    scopeName: '全部党支部',
    size: 2,
    algorithm: 'sfc32-fisher-yates-v1',
    seed: '0123456789abcdef0123456789abcdef',
    candidates: ['prj-001', 'prj-002', 'prj-003'],
    picked: [
      {
        id: 'prj-001',
        title: '“党建+供电服务”连心桥',
        branchId: 'b-sales',
        branchName: '营销党支部',
        status: 'in_progress',
        progress: 40,
        finding: {
          conclusion: 'issues',
          text: '写实记录不全',
          byName: '赵振华',
          at: '2026-05-11T04:00:00.000Z',
        },
      },
      {
        id: 'prj-003',
        title: '安全帮扶',
        branchId: 'b-ops',
        branchName: '运维党支部',
        status: 'in_progress',
        progress: 20,
        finding: null,
      },
    ],
    rectifications: [task({ overdue: true })],
    events: [
      {
        id: 'e1',
        subjectId: 'sc-1',
        action: 'draw',
        from: null,
        to: 'prj-001,prj-003',
        actorName: '赵振华',
        comment: '从全部党支部3 个实施中项目中随机抽取 2 个',
        at: '2026-05-10T18:00:00.000Z',
      },
    ],
    canRecord: true,
    ...over,
  }
}

const card = (title: string) => screen.getAllByText(title)[0].closest('.card') as HTMLElement

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'sc-1' })
})

describe('随机抽查 detail', () => {
  it('shows the picked projects with findings, tasks in words, the seed and the record', async () => {
    answer({ 'supervision.getSpotCheck': check() })
    render(<SpotCheckPage />)
    await screen.findByText('范围：全部党支部 · 抽取 2 个 · 发起人 赵振华')
    const first = card('“党建+供电服务”连心桥')
    expect(within(first).getByText('实施中 · 进度 40%')).toBeInTheDocument()
    expect(within(first).getByText('检查情况：存在问题——写实记录不全（赵振华）')).toBeInTheDocument()
    expect(within(first).getByText('待整改')).toBeInTheDocument()
    expect(within(first).getByText('已逾期')).toBeInTheDocument()
    expect(within(first).getByText('责任人 王建国 · 时限 2026-06-30')).toBeInTheDocument()
    expect(within(card('安全帮扶')).getByText('尚未记录检查情况')).toBeInTheDocument()
    expect(screen.getByText('0123456789abcdef0123456789abcdef')).toBeInTheDocument()
    expect(screen.getByText('算法：sfc32-fisher-yates-v1')).toBeInTheDocument()
    expect(screen.getByText('随机抽取 · 赵振华')).toBeInTheDocument()
    // Times read China time (UTC+8) on any device.
    expect(screen.getByText('2026年5月11日')).toBeInTheDocument()
    expect(screen.getByText('2026-05-11 02:00')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '查看候选名单' }))
    expect(screen.getByText('prj-001，prj-002，prj-003')).toBeInTheDocument()
    fireEvent.click(within(first).getByRole('button', { name: '查看项目：“党建+供电服务”连心桥' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-001' })
  })

  it('verifies the draw and says whether it matches', async () => {
    const verdict = {
      algorithm: 'sfc32-fisher-yates-v1',
      seed: '0123456789abcdef0123456789abcdef',
      candidateCount: 3,
      recorded: ['prj-001', 'prj-003'],
    }
    answer({
      'supervision.getSpotCheck': check(),
      'supervision.verifySpotCheck': [
        { ...verdict, matches: true, redrawn: ['prj-001', 'prj-003'] },
        { ...verdict, matches: false, redrawn: ['prj-002', 'prj-003'] },
      ],
    })
    render(<SpotCheckPage />)
    fireEvent.click(await screen.findByRole('button', { name: '验证抽取结果' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      '验证通过：用记录的随机种子和 3 个候选重新抽取，结果与记录一致。',
    )
    fireEvent.click(screen.getByRole('button', { name: '验证抽取结果' }))
    expect(await screen.findByText(/验证不一致/)).toHaveTextContent('prj-002、prj-003')
    expect(payloadsOf('supervision.verifySpotCheck')).toEqual([{ id: 'sc-1' }, { id: 'sc-1' }])
  })

  it('lets the committee record findings and set a rectification with a deadline', async () => {
    answer({
      'supervision.getSpotCheck': check({ rectifications: [] }),
      'supervision.recordFinding': {
        projectId: 'prj-003',
        finding: { conclusion: 'meets', text: '', byName: '', at: '' },
      },
      'supervision.addRectification': { id: 'rf-2', status: 'open', version: 1 },
    })
    render(<SpotCheckPage />)
    await screen.findByText('尚未记录检查情况')
    const second = card('安全帮扶')
    fireEvent.click(within(second).getByRole('button', { name: '结论：存在问题' }))
    fireEvent.change(within(second).getByLabelText('检查情况'), { target: { value: '台账未按月更新' } })
    await act(async () => {
      fireEvent.click(within(second).getByRole('button', { name: '保存检查情况' }))
    })
    expect(payloadsOf('supervision.recordFinding')).toEqual([
      { id: 'sc-1', projectId: 'prj-003', conclusion: 'issues', text: '台账未按月更新' },
    ])

    const add = within(second).getByRole('button', { name: '下达整改' })
    expect(add).toBeDisabled()
    fireEvent.change(within(second).getByLabelText('整改要求'), { target: { value: '每月更新管理台账' } })
    fireEvent.change(second.querySelector('input[type="date"]') as HTMLInputElement, {
      target: { value: '2099-07-31' },
    })
    await act(async () => {
      fireEvent.click(add)
    })
    expect(payloadsOf('supervision.addRectification')).toEqual([
      { id: 'sc-1', projectId: 'prj-003', text: '每月更新管理台账', deadline: '2099-07-31' },
    ])
  })

  it('lets the secretary report a task done with a note, and nothing else', async () => {
    answer({
      'supervision.getSpotCheck': check({
        canRecord: false,
        picked: [check().picked[0]],
        rectifications: [task({ can: ['complete'] })],
      }),
      'supervision.completeRectification': { id: 'rf-1', status: 'done', version: 2 },
    })
    render(<SpotCheckPage />)
    fireEvent.click(await screen.findByRole('button', { name: '报告整改完成' }))
    expect(screen.queryByRole('button', { name: '保存检查情况' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '下达整改' })).not.toBeInTheDocument()
    const submit = screen.getByRole('button', { name: '提交整改完成' })
    expect(submit).toBeDisabled()
    fireEvent.change(screen.getByLabelText('整改情况'), { target: { value: '已补齐 12 条写实' } })
    await act(async () => {
      fireEvent.click(submit)
    })
    expect(payloadsOf('supervision.completeRectification')).toEqual([
      { id: 'rf-1', note: '已补齐 12 条写实' },
    ])
  })

  it('lets the committee confirm after asking, or send a task back with a reason', async () => {
    answer({
      'supervision.getSpotCheck': check({
        rectifications: [task({ status: 'done', note: '已补齐', can: ['confirm', 'reopen'] })],
      }),
      'supervision.confirmRectification': { id: 'rf-1', status: 'confirmed', version: 3 },
      'supervision.reopenRectification': { id: 'rf-1', status: 'open', version: 3 },
    })
    render(<SpotCheckPage />)
    expect(await screen.findByText('待确认')).toBeInTheDocument()
    expect(screen.getByText('整改情况：已补齐')).toBeInTheDocument()
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认销号' }))
    })
    expect(payloadsOf('supervision.confirmRectification')).toHaveLength(0)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认销号' }))
    })
    expect(payloadsOf('supervision.confirmRectification')).toEqual([{ id: 'rf-1' }])

    fireEvent.click(screen.getByRole('button', { name: '退回重改' }))
    fireEvent.change(screen.getByLabelText('退回原因'), { target: { value: '缺少照片' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交退回重改' }))
    })
    expect(payloadsOf('supervision.reopenRectification')).toEqual([{ id: 'rf-1', comment: '缺少照片' }])
  })

  it('says when the check cannot be loaded', async () => {
    answer({ 'supervision.getSpotCheck': new Error('offline') })
    render(<SpotCheckPage />)
    expect(await screen.findByText('抽查加载失败')).toBeInTheDocument()
  })
})
