import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { TaskView } from '@contract/api'
import PlanPage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { detail, members } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const task: TaskView = {
  id: 't-1',
  title: '走访社区',
  assignees: [{ id: 'p-li', name: '李海燕' }],
  milestones: [
    {
      id: 'm-1',
      taskId: 't-1',
      title: '完成首轮走访',
      weight: 40,
      owner: null,
      deadline: null,
      qualityStandard: '覆盖全部小区',
      expectedGoal: '收集诉求清单',
      status: 'open',
    },
  ],
}

const milestoneCard = (n: number) =>
  screen.getByText(`里程碑 ${n}`).closest('.milestone-editor') as HTMLElement

function open(extra: Record<string, unknown> = {}) {
  setRouterParams({ id: 'prj-001' })
  answer({
    'projects.get': detail({ status: 'approved', can: ['save_plan', 'start'], tasks: [task] }),
    'org.listMembers': { members },
    ...extra,
  })
  render(<PlanPage />)
}

beforeEach(() => {
  resetCloud()
})

describe('计划书', () => {
  it('loads the plan and the branch roster, and marks which of the 五个明确 each milestone lacks', async () => {
    open()

    expect(await screen.findByText('五个明确缺少：责任人、时限要求')).toBeInTheDocument()
    expect(payloadsOf('org.listMembers')).toEqual([{ branchId: 'b-sales' }])
    expect(screen.getByLabelText('任务名称')).toHaveValue('走访社区')
    expect(screen.getByText('✓ 李海燕')).toBeInTheDocument()
    expect(screen.getByText('请选择责任人')).toBeInTheDocument()
    expect(screen.getByText('· 里程碑“完成首轮走访”缺少：责任人、时限要求')).toBeInTheDocument()

    const card = milestoneCard(1)
    fireEvent.change(within(card).getByRole('combobox'), { target: { value: '2' } })
    expect(within(card).getByText('张志强', { selector: '.picker-row__value' })).toBeInTheDocument()
    expect(within(card).getByText('五个明确缺少：时限要求')).toBeInTheDocument()

    fireEvent.change(card.querySelector('input[type="date"]') as HTMLInputElement, {
      target: { value: '2026-06-30' },
    })
    expect(within(card).getByText('✓ 五个明确已齐全')).toBeInTheDocument()
    expect(within(card).getByText('2026-06-30')).toBeInTheDocument()
    expect(screen.queryByText('开始实施前还需完善')).not.toBeInTheDocument()
  })

  it('a new milestone lacks all five until filled in; weight is a whole number up to 100', async () => {
    open()
    fireEvent.click(await screen.findByText('+ 添加里程碑'))

    const card = milestoneCard(2)
    expect(
      within(card).getByText('五个明确缺少：进度（权重）、责任人、时限要求、质量标准、预期目标'),
    ).toBeInTheDocument()

    fireEvent.change(within(card).getByLabelText('进度（权重）'), { target: { value: '250' } })
    expect(within(card).getByLabelText('进度（权重）')).toHaveValue('100')
    fireEvent.change(within(card).getByLabelText('质量标准'), { target: { value: '一户一档' } })
    expect(within(card).getByText('五个明确缺少：责任人、时限要求、预期目标')).toBeInTheDocument()
    expect(screen.getByText('权重合计 140%（建议合计为 100%）')).toBeInTheDocument()
  })

  it('saves the whole plan and shows what the function says still blocks starting', async () => {
    open({
      'projects.savePlan': {
        id: 'prj-001',
        status: 'approved',
        version: 5,
        planProblems: ['里程碑“完成首轮走访”缺少：时限要求'],
      },
    })
    await screen.findByText('五个明确缺少：责任人、时限要求')
    fireEvent.change(within(milestoneCard(1)).getByRole('combobox'), { target: { value: '1' } })
    fireEvent.click(screen.getByText('+ 添加清单事项'))
    fireEvent.change(screen.getByPlaceholderText('清单第 1 项'), { target: { value: '建立居民微信群' } })
    fireEvent.click(screen.getByRole('button', { name: '保存计划书' }))

    await waitFor(() =>
      expect(payloadsOf('projects.savePlan')).toEqual([
        {
          id: 'prj-001',
          tasks: [
            {
              id: 't-1',
              title: '走访社区',
              assigneeIds: ['p-li'],
              milestones: [
                {
                  id: 'm-1',
                  title: '完成首轮走访',
                  weight: 40,
                  ownerId: 'p-li',
                  deadline: null,
                  qualityStandard: '覆盖全部小区',
                  expectedGoal: '收集诉求清单',
                },
              ],
            },
          ],
          checklist: [{ text: '建立居民微信群', done: false }],
        },
      ]),
    )
    expect(await screen.findByText('计划书已保存，开始实施前还需完善')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '计划书已保存' }))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('goes back to the project when the saved plan is complete', async () => {
    open({ 'projects.savePlan': { id: 'prj-001', status: 'approved', version: 5, planProblems: [] } })
    await screen.findByText('五个明确缺少：责任人、时限要求')
    fireEvent.click(screen.getByRole('button', { name: '保存计划书' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  it('will not save a task or milestone without a name', async () => {
    open({ 'projects.savePlan': { id: 'prj-001', status: 'approved', version: 5, planProblems: [] } })
    fireEvent.click(await screen.findByText('+ 添加任务'))
    fireEvent.click(screen.getByRole('button', { name: '保存计划书' }))

    expect(screen.getByText('· 任务2还没有名称')).toBeInTheDocument()
    expect(screen.getByText('· 任务2的里程碑1还没有名称')).toBeInTheDocument()
    expect(payloadsOf('projects.savePlan')).toHaveLength(0)
  })

  it('is read-only when the plan may not be changed', async () => {
    setRouterParams({ id: 'prj-001' })
    answer({
      'projects.get': detail({ status: 'acceptance_requested', can: [], tasks: [task] }),
      'org.listMembers': { members },
    })
    render(<PlanPage />)
    expect(await screen.findByText('当前状态不能修改计划书')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '保存计划书' })).not.toBeInTheDocument()
    expect(screen.queryByText('+ 添加任务')).not.toBeInTheDocument()
  })
})
