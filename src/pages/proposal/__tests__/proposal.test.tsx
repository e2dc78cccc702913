import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { AUTOSAVE_DELAY_MS } from '@/features/proposal/hooks/use-proposal-form'
import { useSession } from '@/stores/session'
import { askToSubscribe } from '@/services/subscribe'
import ProposalPage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { detail, secretary } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
// Asking for WeChat notifications is its own service (tested there); here: that the tap asks, and when.
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

const change = { id: 'prj-new', status: 'draft', version: 1, missingFields: [] }
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const showModal = Taro.showModal as unknown as jest.Mock

beforeEach(() => {
  resetCloud()
  setRouterParams({})
  useSession.setState({ me: secretary })
})

afterEach(() => {
  jest.useRealTimers()
})

/** Renders the page and lets its 我 request settle inside act, before the test types into the form. */
async function renderSettled() {
  render(<ProposalPage />)
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve()
  })
}

describe('立项表 (new draft)', () => {
  it('names exactly the empty fields on submit, marks them, scrolls to the first and sends nothing', async () => {
    answer({ 'projects.saveDraft': change })
    await renderSettled()

    type('项目名称', '党员服务队进社区')
    fireEvent.click(screen.getByText('服务关怀项目'))
    type('口号', '电力先锋，服务万家')
    type('做什么', '组建党员服务队')
    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))

    expect(
      screen.getByText('还需填写：问题导向（要解决的问题）、为什么做、谁来做、怎么做、何时做、做到什么程度'),
    ).toBeInTheDocument()
    expect(screen.getByText('请填写问题导向（要解决的问题）')).toBeInTheDocument()
    expect(screen.getByText('请填写做到什么程度')).toBeInTheDocument()
    expect(screen.queryByText('请填写项目名称')).not.toBeInTheDocument()
    expect(screen.queryByText('请选择项目类别')).not.toBeInTheDocument()
    expect(screen.queryByText('请填写做什么')).not.toBeInTheDocument()
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#proposal-problem' }))
    expect(showModal).not.toHaveBeenCalled()
    expect(payloadsOf('projects.submit')).toHaveLength(0)

    // Filling a marked field clears its mark and shortens the sentence.
    type('问题导向（要解决的问题）', '社区用电诉求响应慢')
    expect(screen.queryByText('请填写问题导向（要解决的问题）')).not.toBeInTheDocument()
    expect(screen.getByText('还需填写：为什么做、谁来做、怎么做、何时做、做到什么程度')).toBeInTheDocument()
  })

  it('names the title and the category when only they are missing', async () => {
    answer({ 'projects.saveDraft': change })
    await renderSettled()
    for (const label of [
      '口号',
      '问题导向（要解决的问题）',
      '做什么',
      '为什么做',
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
    ])
      type(label, '已填写')

    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))

    expect(screen.getByText('还需填写：项目名称、项目类别')).toBeInTheDocument()
    expect(screen.getByText('请选择项目类别')).toBeInTheDocument()
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#proposal-title' }))
  })

  it('refuses text beyond each limit and says what was cut', async () => {
    answer({ 'projects.saveDraft': change })
    await renderSettled()

    type('项目名称', '党'.repeat(61))
    expect(screen.getByLabelText('项目名称')).toHaveValue('党'.repeat(60))
    expect(screen.getByText('60/60')).toBeInTheDocument()
    expect(screen.getByText('最多 60 字，已截去超出的 1 字')).toBeInTheDocument()

    type('口号', '先'.repeat(45))
    expect(screen.getByLabelText('口号')).toHaveValue('先'.repeat(40))
    expect(screen.getByText('40/40')).toBeInTheDocument()
    expect(screen.getByText('最多 40 字，已截去超出的 5 字')).toBeInTheDocument()

    type('做什么', '做'.repeat(1200))
    expect((screen.getByLabelText('做什么') as HTMLTextAreaElement).value).toHaveLength(1000)
    expect(screen.getByText('1000/1000')).toBeInTheDocument()
  })

  it('saves as you go, then a complete form is confirmed and submitted with the draft id', async () => {
    jest.useFakeTimers()
    answer({
      'projects.saveDraft': change,
      'projects.submit': { id: 'prj-new', status: 'submitted', version: 2 },
    })
    render(<ProposalPage />)
    expect(screen.getByText('填写后自动保存')).toBeInTheDocument()

    type('项目名称', '党员服务队进社区')
    fireEvent.click(screen.getByText('服务关怀项目'))
    expect(screen.getByText('有修改待保存')).toBeInTheDocument()
    expect(payloadsOf('projects.saveDraft')).toHaveLength(0)

    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    })
    expect(await screen.findByText('已保存')).toBeInTheDocument()
    expect(payloadsOf('projects.saveDraft')).toEqual([
      {
        branchId: 'b-sales',
        title: '党员服务队进社区',
        category: 'service',
        slogan: '',
        problem: '',
        answers: { what: '', why: '', who: '', how: '', when: '', extent: '' },
        problemIds: [],
      },
    ])

    type('口号', '电力先锋，服务万家')
    type('问题导向（要解决的问题）', '社区用电诉求响应慢')
    const six = {
      做什么: '上门服务',
      为什么做: '诉求多',
      谁来做: '全体党员',
      怎么做: '每月走访',
      何时做: '全年',
      做到什么程度: '满意率95%',
    }
    for (const [label, text] of Object.entries(six)) type(label, text)

    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))

    await waitFor(() => expect(payloadsOf('projects.submit')).toEqual([{ id: 'prj-new' }]))
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交立项' }))
    // The pending edits were saved (with the new id) before submitting.
    expect(payloadsOf('projects.saveDraft')[1]).toEqual({
      id: 'prj-new',
      title: '党员服务队进社区',
      category: 'service',
      slogan: '电力先锋，服务万家',
      problem: '社区用电诉求响应慢',
      answers: {
        what: '上门服务',
        why: '诉求多',
        who: '全体党员',
        how: '每月走访',
        when: '全年',
        extent: '满意率95%',
      },
      problemIds: [],
    })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交立项' }))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-new' })
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    answer({
      'projects.saveDraft': change,
      'projects.submit': { id: 'prj-new', status: 'submitted', version: 2 },
    })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await renderSettled()
    type('项目名称', '党员服务队进社区')
    fireEvent.click(screen.getByText('服务关怀项目'))
    for (const label of [
      '口号',
      '问题导向（要解决的问题）',
      '做什么',
      '为什么做',
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
    ])
      type(label, '已填写')

    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))

    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(payloadsOf('projects.submit')).toHaveLength(0)
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})

describe('立项表 and WeChat reminders', () => {
  it('asks for the secretary’s WeChat reminders within the 提交立项 tap, once the form is complete', async () => {
    answer({ 'projects.saveDraft': change })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<ProposalPage />)
    type('项目名称', '党员服务队进社区')
    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))
    expect(askToSubscribe).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('服务关怀项目'))
    for (const label of [
      '口号',
      '问题导向（要解决的问题）',
      '做什么',
      '为什么做',
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
    ])
      type(label, '已填写')
    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))

    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    // Cancelled: no reminders asked for, and no dialog stacked on the confirmation.
    expect(askToSubscribe).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))
    await waitFor(() => expect(askToSubscribe).toHaveBeenCalledWith('propose'))
    expect((askToSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeGreaterThan(
      (Taro.showModal as jest.Mock).mock.invocationCallOrder[1],
    )
  })
})

describe('立项表 (returned proposal)', () => {
  it('loads the fields, shows the committee comment, and goes back to the project after resubmitting', async () => {
    setRouterParams({ id: 'prj-001' })
    answer({
      'projects.get': detail({
        status: 'returned',
        can: ['edit', 'submit'],
        events: [
          {
            id: 'ev-2',
            action: 'return',
            from: 'submitted',
            to: 'returned',
            actorName: '赵振华',
            comment: '请把预期目标写具体',
            at: '2026-03-06T02:00:00.000Z',
          },
        ],
      }),
      'projects.saveDraft': { ...change, id: 'prj-001' },
      'projects.submit': { id: 'prj-001', status: 'submitted', version: 5 },
    })
    render(<ProposalPage />)

    expect(await screen.findByText('· 请把预期目标写具体')).toBeInTheDocument()
    expect(screen.getByLabelText('项目名称')).toHaveValue('“党建+供电服务”连心桥')
    expect(screen.getByText('✓ 服务关怀项目')).toBeInTheDocument()
    expect(screen.getByText('已保存')).toBeInTheDocument()

    type('做到什么程度', '满意率达到98%')
    fireEvent.click(screen.getByRole('button', { name: '提交立项' }))

    await waitFor(() => expect(payloadsOf('projects.submit')).toEqual([{ id: 'prj-001' }]))
    expect(payloadsOf('projects.saveDraft')[0]).toMatchObject({
      id: 'prj-001',
      answers: { extent: '满意率达到98%' },
    })
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('is read-only while the proposal waits for the committee', async () => {
    setRouterParams({ id: 'prj-001' })
    answer({ 'projects.get': detail({ status: 'submitted', can: ['withdraw'] }) })
    render(<ProposalPage />)

    expect(await screen.findByText('立项表已提交，当前不能修改')).toBeInTheDocument()
    expect(screen.getByLabelText('项目名称')).toBeDisabled()
    expect(screen.queryByRole('button', { name: '提交立项' })).not.toBeInTheDocument()
  })
})

describe('立项表 and the year’s 选题指南', () => {
  const guide = (state: 'open' | 'closed') => ({
    year: 2026,
    guide: {
      categories: [
        { id: 'basic', label: '基础规范项目', note: '' },
        { id: 'service', label: '优质服务项目', note: '' },
      ],
      focusFields: [],
      focus: '',
      opensOn: '2026-01-05',
      deadline: '2026-03-31',
      published: true,
      publishedAt: '2026-01-05T02:00:00.000Z',
      history: [],
    },
    window:
      state === 'open'
        ? { state, text: '立项申报进行中，2026-03-31 截止' }
        : { state, text: '立项申报已于 2026-03-31 截止' },
    keyProblems: [
      {
        id: 'sp-1',
        text: '党建与业务“两张皮”',
        field: 'efficiency',
        branchName: '运维部党支部',
        count: 9,
        takenBy: null,
      },
      {
        id: 'sp-3',
        text: '城区故障报修响应慢',
        field: 'harmony',
        branchName: '城区供电所党支部',
        count: 4,
        takenBy: null,
      },
    ],
    canEdit: false,
    progress: null,
  })

  it('offers the guide’s categories by their names and links the key problems the draft takes up', async () => {
    jest.useFakeTimers()
    answer({ 'projects.saveDraft': change, 'projects.guide': guide('open') })
    render(<ProposalPage />)
    expect(await screen.findByText('2026 年选题指南：立项申报进行中，2026-03-31 截止')).toBeInTheDocument()
    expect(payloadsOf('projects.guide')).toEqual([{}])
    // Only the year's two categories, by the year's names.
    expect(screen.getByRole('radio', { name: '优质服务项目' })).toBeInTheDocument()
    expect(screen.queryByText('主题实践项目')).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('radio', { name: '优质服务项目' }))
    fireEvent.click(screen.getByRole('checkbox', { name: '城区故障报修响应慢' }))
    expect(screen.getByRole('checkbox', { name: '城区故障报修响应慢（已关联）' })).toBeInTheDocument()
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    })
    await waitFor(() => expect(payloadsOf('projects.saveDraft')).toHaveLength(1))
    expect(payloadsOf('projects.saveDraft')[0]).toMatchObject({ category: 'service', problemIds: ['sp-3'] })
    fireEvent.click(screen.getByRole('checkbox', { name: '城区故障报修响应慢（已关联）' }))
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    })
    await waitFor(() => expect(payloadsOf('projects.saveDraft')).toHaveLength(2))
    expect(payloadsOf('projects.saveDraft')[1]).toMatchObject({ problemIds: [] })
  })

  it('says the window has closed: the draft is kept, sending needs the committee to extend it', async () => {
    answer({ 'projects.saveDraft': change, 'projects.guide': guide('closed') })
    render(<ProposalPage />)
    expect(await screen.findByText('2026 年选题指南：立项申报已于 2026-03-31 截止')).toBeInTheDocument()
    expect(screen.getByText(/草稿会自动保存；不在申报时间内不能提交，如需补报请联系党委/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('link', { name: '查看选题指南' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/guide/index' })
  })
})
