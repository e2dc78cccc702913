import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MergeJobView, OrgTreeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { groupChoices, unitChoices } from '@/features/org/org-admin-forms'
import OrgAdminPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
const call = callCloud as jest.MockedFunction<typeof callCloud>
const sheet = Taro.showActionSheet as unknown as jest.Mock
const modal = Taro.showModal as unknown as jest.Mock

const empty: OrgTreeView = { units: [], groups: [] }
const company: OrgTreeView = {
  units: [
    { id: 'c1', kind: 'committee', name: '示范公司党委', parentId: null, memberCount: 0, secretaries: [] },
    {
      id: 'b1',
      kind: 'branch',
      name: '运维部党支部',
      parentId: 'c1',
      memberCount: 12,
      secretaries: [{ id: 'p1', name: '王书记' }],
    },
    { id: 'b2', kind: 'branch', name: '营销部党支部', parentId: 'c1', memberCount: 8, secretaries: [] },
  ],
  groups: [{ id: 'g1', branchId: 'b1', name: '运维部第一党小组', leader: null, memberCount: 6 }],
}
const changed = { id: 'x', message: '已完成', moved: {} }

beforeEach(() => {
  call.mockReset()
  sheet.mockClear()
  modal.mockClear()
})

describe('组织管理', () => {
  it('lets the first committee member of an empty company create the 党委', async () => {
    call.mockResolvedValueOnce(empty as never).mockResolvedValueOnce(changed as never)
    call.mockResolvedValueOnce(company as never)
    render(<OrgAdminPage />)
    fireEvent.click(await screen.findByRole('button', { name: '建立党委' }))
    fireEvent.change(screen.getByRole('textbox', { name: '党委名称' }), { target: { value: '示范公司党委' } })
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('org', 'createUnit', {
        kind: 'committee',
        parentId: null,
        name: '示范公司党委',
      }),
    )
    expect(await screen.findByText('运维部党支部')).toBeTruthy()
  })

  it('shows the tree with secretaries and groups, and merges a branch only after asking', async () => {
    call.mockResolvedValueOnce(company as never)
    render(<OrgAdminPage />)
    expect(await screen.findByText('党支部 · 书记：王书记 · 12 人')).toBeTruthy()
    expect(screen.getByText('组长：未设 · 6 人')).toBeTruthy()
    // 营销部: 新建党小组, 设置支部书记, 调动本支部党员, 更名, 移至其他上级, 并入其他组织
    sheet.mockResolvedValueOnce({ tapIndex: 5 })
    fireEvent.click(screen.getByRole('button', { name: '管理营销部党支部' }))
    expect(await screen.findByText('把「营销部党支部」并入')).toBeTruthy()
    modal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    await waitFor(() => expect(modal).toHaveBeenCalled())
    expect(call).toHaveBeenCalledTimes(1)
    call.mockResolvedValueOnce(changed as never).mockResolvedValueOnce(company as never)
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('org', 'mergeUnits', { fromId: 'b2', intoId: 'b1' }),
    )
  })

  it("takes the committee to a branch's roster, where it makes the invite of a secretary it just set", async () => {
    call.mockResolvedValueOnce(company as never)
    render(<OrgAdminPage />)
    await screen.findByText('党支部 · 书记：王书记 · 12 人')
    fireEvent.click(screen.getByRole('button', { name: '营销部党支部党员名册与邀请码' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/org/pages/members/index?branchId=b2&branchName=${encodeURIComponent('营销部党支部')}`,
    })
    expect(sheet).not.toHaveBeenCalled()
  })

  it("offers at most 6 things for a unit: WeChat's action sheet shows no more", () => {
    for (const kind of ['committee', 'general_branch', 'branch'] as const)
      expect(unitChoices({ ...company.units[0], kind }).length).toBeLessThanOrEqual(6)
    expect(groupChoices().length).toBeLessThanOrEqual(6)
  })

  it('follows a large merge as a job: 进行中 x/y, then what was moved', async () => {
    jest.useFakeTimers()
    try {
      const job: MergeJobView = {
        jobId: 'oj1',
        status: 'queued',
        fromId: 'b2',
        intoId: 'b1',
        fromName: '营销部党支部',
        intoName: '运维部党支部',
        total: 22500,
        done: 0,
        moved: {},
        message: null,
        error: null,
      }
      const running = { ...job, status: 'running' as const, done: 12000 }
      const done = {
        ...job,
        status: 'done' as const,
        done: 22500,
        moved: { checkins: 20000, milestones: 2000, people: 500 },
        message: '已将「营销部党支部」并入「运维部党支部」',
      }
      let finishRun: (v: MergeJobView) => void = () => undefined
      call.mockImplementation((async (_fn: string, action: string) => {
        if (action === 'orgTree') return company
        if (action === 'mergeUnits') return { id: 'b1', message: '已排队', moved: {}, job }
        if (action === 'mergeJob') return running
        if (action === 'runMergeJob') return new Promise((resolve) => (finishRun = resolve))
        throw new Error(action)
      }) as never)
      render(<OrgAdminPage />)
      await screen.findByText('党支部 · 书记：王书记 · 12 人')
      sheet.mockResolvedValueOnce({ tapIndex: 5 })
      fireEvent.click(screen.getByRole('button', { name: '管理营销部党支部' }))
      await screen.findByText('把「营销部党支部」并入')
      modal.mockResolvedValueOnce({ confirm: true })
      fireEvent.click(screen.getByRole('button', { name: '确定' }))
      expect(await screen.findByText('合并进行中')).toBeTruthy()
      expect(screen.getByText('「营销部党支部」并入「运维部党支部」已排队，即将开始')).toBeTruthy()
      expect(call).toHaveBeenCalledWith('org', 'runMergeJob', { jobId: 'oj1' })
      // While the run goes on, the page asks how far it has got.
      await act(() => jest.advanceTimersByTimeAsync(2000))
      expect(screen.getByText('「营销部党支部」并入「运维部党支部」进行中 12,000/22,500')).toBeTruthy()
      await act(async () => finishRun(done))
      await act(() => jest.advanceTimersByTimeAsync(2000))
      expect(screen.getByText('合并完成')).toBeTruthy()
      expect(screen.getByText('已将「营销部党支部」并入「运维部党支部」')).toBeTruthy()
      expect(screen.getByText('已迁移：党员 500 人、里程碑 2,000 个、打卡写实 20,000 条')).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: '知道了' }))
      expect(screen.queryByText('合并完成')).toBeNull()
    } finally {
      jest.useRealTimers()
    }
  })

  it('follows a merge still under way when the page is opened again', async () => {
    const job: MergeJobView = {
      jobId: 'oj2',
      status: 'running',
      fromId: 'b2',
      intoId: 'b1',
      fromName: '营销部党支部',
      intoName: '运维部党支部',
      total: 22500,
      done: 9000,
      moved: {},
      message: null,
      error: null,
    }
    call.mockImplementation((async (_fn: string, action: string) => {
      if (action === 'orgTree') return { ...company, jobs: [job] }
      if (action === 'runMergeJob') return new Promise(() => undefined)
      throw new Error(action)
    }) as never)
    render(<OrgAdminPage />)
    expect(await screen.findByText('「营销部党支部」并入「运维部党支部」进行中 9,000/22,500')).toBeTruthy()
    expect(call).toHaveBeenCalledWith('org', 'runMergeJob', { jobId: 'oj2' })
  })
})
