import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AssignmentsView, BranchView, MyBranchesView, Page, SpotCheckSummary } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { useSession } from '@/stores/session'
import SupervisionPage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { committee, member, secretary } from '../../../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock

const myBranches: MyBranchesView = {
  supervisor: true,
  today: '2026-05-20',
  branches: [
    {
      id: 'b-sales',
      name: '营销党支部',
      running: 2,
      waitingAcceptance: 0,
      overdueMilestones: 3,
      quietProjects: 1,
      lastContact: { date: '2026-05-12', method: 'phone', supervisorName: '赵振华' },
      inspection: {
        cadence: 'monthly',
        periodLabel: '2026年5月',
        periodEnd: '2026-05-31',
        doneOn: null,
        daysLeft: 11,
      },
      openFollowUps: 1,
      projects: [
        {
          id: 'prj-001',
          title: '“党建+供电服务”连心桥',
          status: 'in_progress',
          progress: 40,
          overdueMilestones: 3,
          quiet: false,
        },
        {
          id: 'prj-002',
          title: '党员服务队进社区',
          status: 'in_progress',
          progress: 70,
          overdueMilestones: 0,
          quiet: true,
        },
      ],
    },
    {
      id: 'b-ops',
      name: '运维党支部',
      running: 0,
      waitingAcceptance: 0,
      overdueMilestones: 0,
      quietProjects: 0,
      lastContact: null,
      inspection: null,
      openFollowUps: 0,
      projects: [],
    },
  ],
}
const checks: Page<SpotCheckSummary> = {
  items: [
    {
      id: 'sc-1',
      createdAt: '2026-05-10T04:00:00.000Z',
      createdByName: '赵振华',
      scopeName: '全部党支部',
      size: 2,
      pickedCount: 2,
      candidateCount: 7,
      findingsCount: 1,
      openRectifications: 1,
      projectTitles: ['“党建+供电服务”连心桥', '安全帮扶'],
    },
  ],
  page: 1,
  pageSize: 20,
  total: 1,
  hasMore: false,
}
const branches: BranchView[] = [
  { id: 'b-sales', name: '营销党支部', kind: 'branch', parentId: null, memberCount: 12 },
  { id: 'b-ops', name: '运维党支部', kind: 'branch', parentId: null, memberCount: 9 },
]
const assignments: AssignmentsView = {
  year: 2026,
  people: [
    {
      id: 'p-zhao',
      name: '赵振华',
      title: '党委书记',
      branchIds: ['b-sales'],
      cadence: { thisYear: null, nextYear: null },
    },
    {
      id: 'p-qian',
      name: '钱文博',
      title: '政工专责',
      branchIds: [],
      cadence: { thisYear: null, nextYear: null },
    },
  ],
  branches: [
    { id: 'b-sales', name: '营销党支部' },
    { id: 'b-ops', name: '运维党支部' },
  ],
}

const committeeRoutes = {
  'org.whoami': committee,
  'org.listBranches': { branches },
  'supervision.myBranches': myBranches,
  'supervision.listSpotChecks': checks,
  'supervision.candidates': (p: unknown) =>
    (p as { branchId?: string }).branchId
      ? { count: 2, scopeName: '营销党支部' }
      : { count: 7, scopeName: '全部党支部' },
  'supervision.assignments': assignments,
}

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('分片督导 (committee)', () => {
  it('shows my branches first: running projects, most overdue first, overdue counts in words', async () => {
    answer(committeeRoutes)
    render(<SupervisionPage />)
    const card = (await screen.findByText('营销党支部')).closest('.card') as HTMLElement
    expect(within(card).getByText('逾期节点 3 个')).toBeInTheDocument()
    expect(within(card).getByText('实施中 · 进度 40% · 已逾期 3 个节点')).toBeInTheDocument()
    // At risk: a running project with no check-in for 14 days says so, and the branch counts it.
    expect(within(card).getByText('实施中 · 进度 70% · 14天无打卡')).toBeInTheDocument()
    expect(within(card).getByText('实施中 2 个 · 待验收 0 个 · 14天无打卡 1 个')).toBeInTheDocument()
    expect(screen.getByText('暂无实施中的项目')).toBeInTheDocument()

    fireEvent.click(within(card).getByRole('button', { name: '查看项目：“党建+供电服务”连心桥' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-001' })
    fireEvent.click(within(card).getByRole('button', { name: '导出营销党支部本年台账' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/admin/pages/ledger/index?branchId=b-sales&year=2026',
    })
  })

  it('draws a spot check after saying how many from how many, and opens it', async () => {
    answer({ ...committeeRoutes, 'supervision.createSpotCheck': { id: 'sc-9', created: true } })
    render(<SupervisionPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '随机抽查' }))

    expect(await screen.findByText('可抽查的实施中项目：7 个')).toBeInTheDocument()
    expect(screen.getByText('2026年5月10日 · 全部党支部')).toBeInTheDocument()
    expect(screen.getByText('已记录检查 1 个 · 整改未销号 1 项')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '增加' }))
    expect(screen.getByText('4 个')).toBeInTheDocument()
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByRole('button', { name: '随机抽取' }))
    await act(async () => undefined)
    expect(payloadsOf('supervision.createSpotCheck')).toHaveLength(0)

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '随机抽取' }))
    })
    expect(showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({
        title: '确认随机抽取',
        content: expect.stringContaining('将从全部党支部的 7 个实施中项目中随机抽取 4 个'),
      }),
    )
    const [sent] = payloadsOf('supervision.createSpotCheck') as { requestId: string; size: number }[]
    expect(sent).toMatchObject({ size: 4 })
    expect(sent.requestId.length).toBeGreaterThanOrEqual(8)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/spot-check/index?id=sc-9' })
  })

  it('limits a draw to one branch when chosen', async () => {
    answer({ ...committeeRoutes, 'supervision.createSpotCheck': { id: 'sc-10', created: true } })
    render(<SupervisionPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '随机抽查' }))
    await screen.findByText('可抽查的实施中项目：7 个')
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '1' } })
    expect(await screen.findByText('可抽查的实施中项目：2 个')).toBeInTheDocument()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '随机抽取' }))
    })
    expect(payloadsOf('supervision.candidates')).toContainEqual({ branchId: 'b-sales' })
    expect(payloadsOf('supervision.createSpotCheck')[0]).toMatchObject({ size: 3, branchId: 'b-sales' })
  })

  it('assigns a branch with a tap and takes it back on failure', async () => {
    answer({
      ...committeeRoutes,
      'supervision.setAssignment': [
        { personId: 'p-qian', branchId: 'b-ops', assigned: true, changed: true },
        new CloudError('NETWORK'),
      ],
    })
    render(<SupervisionPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '分片设置' }))
    const chip = await screen.findByRole('button', { name: '钱文博联系运维党支部：未分配' })
    await act(async () => {
      fireEvent.click(chip)
    })
    expect(payloadsOf('supervision.setAssignment')).toEqual([
      { personId: 'p-qian', branchId: 'b-ops', assigned: true },
    ])
    expect(screen.getByRole('button', { name: '钱文博联系运维党支部：已分配' })).toHaveTextContent(
      '✓ 运维党支部',
    )

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '赵振华联系营销党支部：已分配' }))
    })
    expect(payloadsOf('supervision.setAssignment')[1]).toEqual({
      personId: 'p-zhao',
      branchId: 'b-sales',
      assigned: false,
    })
    expect(screen.getByRole('button', { name: '赵振华联系营销党支部：已分配' })).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalled()
  })
  it('shows what 定期检查 is due this period on each branch', async () => {
    answer(committeeRoutes)
    render(<SupervisionPage />)
    const card = (await screen.findByText('营销党支部')).closest('.card') as HTMLElement
    expect(
      within(card).getByText('定期检查（每月一次）：2026年5月待检查，还有 11 天（5月31日前）'),
    ).toBeInTheDocument()
    const other = screen.getByText('运维党支部').closest('.card') as HTMLElement
    expect(within(other).queryByText(/定期检查（/)).not.toBeInTheDocument()
  })

  it('sets a supervisor’s 定期检查 cadence for the year, and puts it back when saving fails', async () => {
    answer({
      ...committeeRoutes,
      'supervision.setCadence': [{ branches: 1 }, new CloudError('NETWORK')],
    })
    render(<SupervisionPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '分片设置' }))
    const row = await screen.findByRole('button', { name: '赵振华2026年定期检查频次：不设置' })
    // 钱文博 supervises no branch yet: nothing to set.
    expect(screen.queryByRole('button', { name: /钱文博2026年定期检查/ })).not.toBeInTheDocument()
    const select = row.parentElement?.querySelector('select') as HTMLSelectElement
    await act(async () => {
      fireEvent.change(select, { target: { value: '2' } })
    })
    expect(payloadsOf('supervision.setCadence')).toEqual([
      { personId: 'p-zhao', year: 2026, cadence: 'quarterly' },
    ])
    expect(screen.getByRole('button', { name: '赵振华2026年定期检查频次：每季度一次' })).toBeInTheDocument()

    const nextYear = screen.getByRole('button', { name: '赵振华2027年定期检查频次：不设置' })
    await act(async () => {
      fireEvent.change(nextYear.parentElement?.querySelector('select') as HTMLSelectElement, {
        target: { value: '1' },
      })
    })
    expect(payloadsOf('supervision.setCadence')[1]).toEqual({
      personId: 'p-zhao',
      year: 2027,
      cadence: 'monthly',
    })
    expect(screen.getByRole('button', { name: '赵振华2027年定期检查频次：不设置' })).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalled()
  })

  it('shows my branches as they are now when I come back from 分片设置', async () => {
    answer(committeeRoutes)
    render(<SupervisionPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '分片设置' }))
    const before = payloadsOf('supervision.myBranches').length
    fireEvent.click(screen.getByRole('tab', { name: '我的联系支部' }))
    await waitFor(() => expect(payloadsOf('supervision.myBranches').length).toBe(before + 1))
  })
})

describe('分片督导 (others)', () => {
  it('shows a secretary their branch and the checks of it, without drawing or assigning', async () => {
    answer({
      'org.whoami': secretary,
      'supervision.myBranches': { ...myBranches, supervisor: false, branches: [myBranches.branches[0]] },
      'supervision.listSpotChecks': checks,
    })
    render(<SupervisionPage />)
    expect(await screen.findByRole('tab', { name: '本支部' })).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: '分片设置' })).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('tab', { name: '抽查整改' }))
    expect(await screen.findByText('2026年5月10日 · 全部党支部')).toBeInTheDocument()
    expect(screen.queryByText('新建抽查')).not.toBeInTheDocument()
    expect(payloadsOf('org.listBranches')).toHaveLength(0)
  })

  it('tells a member this is not for them', async () => {
    answer({
      'org.whoami': member,
      'supervision.myBranches': new CloudError('FORBIDDEN', '分片督导仅供党委和支部书记使用'),
      'supervision.listSpotChecks': new CloudError('FORBIDDEN', '随机抽查仅供党委和支部书记查看'),
    })
    render(<SupervisionPage />)
    expect(await screen.findByText('没有权限')).toBeInTheDocument()
    expect(screen.getByText('分片督导和随机抽查仅供党委和支部书记使用')).toBeInTheDocument()
  })
})
