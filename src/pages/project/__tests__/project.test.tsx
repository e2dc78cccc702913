import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ProjectDetail, TaskView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { askToSubscribe } from '@/services/subscribe'
import ProjectPage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { detail } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
// Asking for WeChat notifications is its own service (tested there); here: that the tap asks, and when.
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

const showModal = Taro.showModal as unknown as jest.Mock

/** Every label the action bar could ever show. */
const ALL_BUTTONS = [
  '编辑立项表',
  '提交立项',
  '撤回',
  '批准立项',
  '退回',
  '编写计划书',
  '修改计划书',
  '开始实施',
  '申请结题',
  '验收评分',
  '退回整改',
  '归档',
]

const shownButtons = () =>
  ALL_BUTTONS.filter((name) => screen.queryByRole('button', { name }) !== null).sort()

const tasks: TaskView[] = [
  {
    id: 't-1',
    title: '走访社区',
    assignees: [
      { id: 'p-li', name: '李海燕' },
      { id: 'p-zhang', name: '张志强' },
    ],
    milestones: [
      {
        id: 'm-1',
        taskId: 't-1',
        title: '完成首轮走访',
        weight: 40,
        owner: { id: 'p-li', name: '李海燕' },
        deadline: '2020-01-31',
        qualityStandard: '覆盖全部小区',
        expectedGoal: '收集诉求清单',
        status: 'approved',
      },
      {
        id: 'm-2',
        taskId: 't-1',
        title: '建立服务台账',
        weight: 60,
        owner: { id: 'p-zhang', name: '张志强' },
        deadline: '2020-02-28',
        qualityStandard: '一户一档',
        expectedGoal: '问题闭环',
        status: 'open',
      },
    ],
  },
]

function open(project: ProjectDetail, extra: Record<string, unknown> = {}) {
  setRouterParams({ id: project.id })
  answer({ 'projects.get': project, ...extra })
  render(<ProjectPage />)
}

beforeEach(() => {
  resetCloud()
})

describe('项目详情', () => {
  it('announces pending 整改 after a spot check and opens it', async () => {
    open(
      detail({
        status: 'in_progress',
        rectifications: [
          {
            id: 'rf-1',
            spotCheckId: 'sc-1',
            text: '补齐党员写实记录',
            deadline: '2026-06-30',
            status: 'open',
            overdue: true,
          },
        ],
      }),
    )
    expect(await screen.findByText('随机抽查后有 1 项整改任务待完成')).toBeInTheDocument()
    expect(screen.getByText('· 补齐党员写实记录（时限 2026-06-30，已逾期）')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '查看整改任务' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/admin/pages/spot-check/index?id=sc-1',
    })
  })

  it('shows the header: title, status word, category, branch, slogan and progress', async () => {
    open(detail({ status: 'in_progress', progress: 40, tasks }))

    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(screen.getByText('实施中')).toBeInTheDocument()
    expect(screen.getByText('服务关怀项目')).toBeInTheDocument()
    expect(screen.getByText('营销党支部 · 2026年度')).toBeInTheDocument()
    expect(screen.getByText('“电力先锋，服务万家”')).toBeInTheDocument()
    expect(screen.getByText('进度 40%')).toBeInTheDocument()
    expect(screen.getByText('查看四公开页面')).toBeInTheDocument()
    expect(payloadsOf('projects.get')).toEqual([{ id: 'prj-001' }])
  })

  it('概况 shows the problem, the six answers with their labels, and the owner', async () => {
    open(detail())
    expect(await screen.findByText('社区居民用电诉求响应慢')).toBeInTheDocument()
    for (const [label, text] of [
      ['做什么', '组建党员服务队走进社区'],
      ['为什么做', '居民用电问题反映渠道不畅'],
      ['谁来做', '营销党支部全体党员'],
      ['怎么做', '每月一次上门服务'],
      ['何时做', '2026年3月至12月'],
      ['做到什么程度', '辖区居民满意率达到95%以上'],
    ]) {
      expect(screen.getByText(label)).toBeInTheDocument()
      expect(screen.getByText(text)).toBeInTheDocument()
    }
    expect(screen.getByText('项目负责人')).toBeInTheDocument()
    expect(screen.getByText('王建国')).toBeInTheDocument()
    expect(screen.queryByText('查看四公开页面')).not.toBeInTheDocument()
  })

  it('shows only the actions in `can`, and the fields still missing', async () => {
    open(detail({ can: ['edit', 'submit'], missingFields: ['口号', '怎么做'] }))

    expect(await screen.findByText('立项表还需填写以下内容才能提交')).toBeInTheDocument()
    expect(screen.getByText('· 口号')).toBeInTheDocument()
    expect(screen.getByText('· 怎么做')).toBeInTheDocument()
    expect(shownButtons()).toEqual(['提交立项', '编辑立项表'].sort())

    // Submitting an incomplete proposal says what is missing and offers to fill it in; nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '立项表还不完整', content: '还需填写：口号、怎么做' }),
      ),
    )
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/proposal/index?id=prj-001' }),
    )
    expect(payloadsOf('projects.submit')).toHaveLength(0)
  })

  it('shows no action bar to someone who may only read', async () => {
    open(
      detail({ status: 'in_progress', can: [], missingFields: ['口号'], planProblems: ['计划书还没有任务'] }),
    )
    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(shownButtons()).toEqual([])
    // Notices are for whoever can act on them.
    expect(screen.queryByText('立项表还需填写以下内容才能提交')).not.toBeInTheDocument()
    expect(screen.queryByText('计划书还不完整，暂不能开始实施')).not.toBeInTheDocument()
  })

  it('lets the committee approve after confirming, then reloads and says so', async () => {
    open(detail({ status: 'submitted', can: ['approve', 'return'] }), {
      'projects.get': [
        detail({ status: 'submitted', can: ['approve', 'return'] }),
        detail({ status: 'approved', can: [] }),
      ],
      'projects.approve': { id: 'prj-001', status: 'approved', version: 4 },
    })

    await screen.findByText('待立项审批')
    expect(shownButtons()).toEqual(['批准立项', '退回'].sort())

    fireEvent.click(screen.getByRole('button', { name: '批准立项' }))

    await waitFor(() => expect(payloadsOf('projects.approve')).toEqual([{ id: 'prj-001' }]))
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '批准立项' }))
    expect(await screen.findByText('已立项')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已批准立项' }))
    expect(payloadsOf('projects.get')).toHaveLength(2)
    expect(shownButtons()).toEqual([])
  })

  it('asks for the committee’s WeChat reminders within the 批准立项 tap', async () => {
    open(detail({ status: 'submitted', can: ['approve', 'return'] }), {
      'projects.approve': { id: 'prj-001', status: 'approved', version: 4 },
    })
    fireEvent.click(await screen.findByRole('button', { name: '批准立项' }))
    await waitFor(() => expect(askToSubscribe).toHaveBeenCalledWith('review'))
    expect((askToSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeGreaterThan(
      (Taro.showModal as jest.Mock).mock.invocationCallOrder[0],
    )
    await waitFor(() => expect(payloadsOf('projects.approve')).toHaveLength(1))
  })

  it('asks for the secretary’s WeChat reminders within the 提交立项 tap', async () => {
    open(detail({ status: 'draft', can: ['edit', 'submit'] }), {
      'projects.submit': { id: 'prj-001', status: 'submitted', version: 2 },
    })
    fireEvent.click(await screen.findByRole('button', { name: '提交立项' }))
    await waitFor(() => expect(askToSubscribe).toHaveBeenCalledWith('propose'))
    expect((askToSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeGreaterThan(
      (Taro.showModal as jest.Mock).mock.invocationCallOrder[0],
    )
  })

  it('asks for no WeChat reminders when the confirmation is cancelled', async () => {
    open(detail({ status: 'draft', can: ['edit', 'submit'] }), {
      'projects.submit': { id: 'prj-001', status: 'submitted', version: 2 },
    })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByRole('button', { name: '提交立项' }))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(askToSubscribe).not.toHaveBeenCalled()
  })

  it('asks for no WeChat reminders at actions that bring none', async () => {
    open(detail({ status: 'closed', can: ['archive'] }), {
      'projects.archive': { id: 'prj-001', status: 'archived', version: 9 },
    })
    fireEvent.click(await screen.findByRole('button', { name: '归档' }))
    await waitFor(() => expect(payloadsOf('projects.archive')).toHaveLength(1))
    expect(askToSubscribe).not.toHaveBeenCalled()
  })

  it('changes nothing when the confirmation is cancelled', async () => {
    open(detail({ status: 'closed', can: ['archive'] }), {
      'projects.archive': { id: 'prj-001', status: 'archived', version: 9 },
    })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })

    fireEvent.click(await screen.findByRole('button', { name: '归档' }))

    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(payloadsOf('projects.archive')).toHaveLength(0)
  })

  it('requires a comment to return a proposal', async () => {
    open(detail({ status: 'submitted', can: ['approve', 'return'] }), {
      'projects.return': { id: 'prj-001', status: 'returned', version: 4 },
    })

    fireEvent.click(await screen.findByRole('button', { name: '退回' }))
    expect(screen.getByText('退回立项申请')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))

    expect(screen.getByText('请填写退回意见')).toBeInTheDocument()
    expect(showModal).not.toHaveBeenCalled()
    expect(payloadsOf('projects.return')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('退回意见'), { target: { value: '  预期目标不够具体  ' } })
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))

    await waitFor(() =>
      expect(payloadsOf('projects.return')).toEqual([{ id: 'prj-001', comment: '预期目标不够具体' }]),
    )
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已退回' }))
    await waitFor(() => expect(screen.queryByText('退回立项申请')).not.toBeInTheDocument())
  })

  it('says why the plan cannot start and sends the secretary to the plan instead of starting', async () => {
    open(
      detail({
        status: 'approved',
        can: ['save_plan', 'start'],
        planProblems: ['任务“走访社区”还没有落实到人', '里程碑“建立服务台账”缺少：责任人、时限要求'],
      }),
      { 'projects.start': { id: 'prj-001', status: 'in_progress', version: 5 } },
    )

    expect(await screen.findByText('计划书还不完整，暂不能开始实施')).toBeInTheDocument()
    expect(screen.getByText('· 里程碑“建立服务台账”缺少：责任人、时限要求')).toBeInTheDocument()
    expect(shownButtons()).toEqual(['开始实施', '编写计划书'].sort())

    fireEvent.click(screen.getByRole('button', { name: '开始实施' }))

    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '计划书还不完整' })),
    )
    expect(payloadsOf('projects.start')).toHaveLength(0)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/plan/index?id=prj-001' }))
  })

  it('opens the scoring page for 验收评分 and returns for rework with a comment', async () => {
    open(detail({ status: 'acceptance_requested', can: ['accept', 'return_acceptance'] }), {
      'projects.returnAcceptance': { id: 'prj-001', status: 'in_progress', version: 8 },
    })

    fireEvent.click(await screen.findByRole('button', { name: '验收评分' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/review/index?id=prj-001' })

    fireEvent.click(screen.getByRole('button', { name: '退回整改' }))
    fireEvent.change(screen.getByLabelText('退回意见'), { target: { value: '佐证材料不足' } })
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))
    await waitFor(() =>
      expect(payloadsOf('projects.returnAcceptance')).toEqual([{ id: 'prj-001', comment: '佐证材料不足' }]),
    )
  })

  it('shows the latest return comment', async () => {
    open(
      detail({
        status: 'returned',
        can: ['edit', 'submit'],
        events: [
          {
            id: 'e2',
            action: 'return',
            from: 'submitted',
            to: 'returned',
            actorName: '赵振华',
            comment: '请补充量化目标',
            at: '2026-03-06T02:00:00.000Z',
          },
        ],
      }),
    )
    expect(await screen.findByText('退回立项申请意见（赵振华）')).toBeInTheDocument()
    expect(screen.getByText('· 请补充量化目标')).toBeInTheDocument()
  })

  it('计划 shows tasks, assignees and each milestone’s 五个明确', async () => {
    open(
      detail({ status: 'in_progress', tasks, checklist: [{ id: 'c1', text: '建立居民微信群', done: true }] }),
    )
    fireEvent.click(await screen.findByText('计划'))

    expect(screen.getByText('任务1：走访社区')).toBeInTheDocument()
    expect(screen.getByText('落实到：李海燕、张志强')).toBeInTheDocument()
    expect(screen.getByText('40%')).toBeInTheDocument()
    expect(screen.getByText('覆盖全部小区')).toBeInTheDocument()
    expect(screen.getByText('收集诉求清单')).toBeInTheDocument()
    expect(screen.getAllByText('责任人')).toHaveLength(2)
    expect(screen.getByText('建立居民微信群')).toBeInTheDocument()
    expect(screen.getByText('1/1 已完成')).toBeInTheDocument()
  })

  it('进度 marks a milestone past its deadline and not approved with 已逾期', async () => {
    open(detail({ status: 'in_progress', tasks }))
    fireEvent.click(await screen.findByText('进度'))

    const done = screen.getByText('完成首轮走访').closest('.progress-panel__item') as HTMLElement
    const late = screen.getByText('建立服务台账').closest('.progress-panel__item') as HTMLElement
    expect(within(done).getByText('已完成')).toBeInTheDocument()
    expect(within(done).queryByText('已逾期')).not.toBeInTheDocument()
    expect(within(late).getByText('进行中')).toBeInTheDocument()
    expect(within(late).getByText('已逾期')).toBeInTheDocument()
    expect(screen.getByText('已完成 1/2 个里程碑，1 个已逾期')).toBeInTheDocument()
  })

  it('动态 shows who, when, from → to in words, and the comment', async () => {
    open(
      detail({
        status: 'approved',
        events: [
          {
            id: 'e2',
            action: 'approve',
            from: 'submitted',
            to: 'approved',
            actorName: '赵振华',
            comment: '同意立项',
            at: '2026-03-07T02:30:00.000Z',
          },
          {
            id: 'e1',
            action: 'submit',
            from: 'draft',
            to: 'submitted',
            actorName: '王建国',
            comment: '',
            at: '2026-03-05T01:00:00.000Z',
          },
        ],
      }),
    )
    fireEvent.click(await screen.findByText('动态'))

    expect(screen.getByText('批准立项')).toBeInTheDocument()
    expect(screen.getByText('待立项审批 → 已立项')).toBeInTheDocument()
    expect(screen.getByText('意见：同意立项')).toBeInTheDocument()
    expect(screen.getByText('草稿 → 待立项审批')).toBeInTheDocument()
    expect(screen.getByText('王建国')).toBeInTheDocument()
  })

  it('台账 lists milestones with owners, deadlines and states', async () => {
    open(detail({ status: 'in_progress', tasks }))
    fireEvent.click(await screen.findByText('台账'))

    expect(screen.getByText('管理台账')).toBeInTheDocument()
    expect(screen.getByText('2020-02-28')).toBeInTheDocument()
    expect(screen.getByText('进行中·已逾期')).toBeInTheDocument()
    expect(screen.getByText('李海燕、张志强')).toBeInTheDocument()
  })

  it('shows a load failure in words with 重试', async () => {
    setRouterParams({ id: 'prj-404' })
    answer({ 'projects.get': [new CloudError('NOT_FOUND', '项目不存在'), detail()] })
    render(<ProjectPage />)

    expect(await screen.findByText('项目加载失败')).toBeInTheDocument()
    expect(screen.getByText('项目不存在')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
  })
})
