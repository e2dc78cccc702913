import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SurveyProblemView, SurveyView } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import SurveyPage from '../index'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const problem = (over: Partial<SurveyProblemView> = {}): SurveyProblemView => ({
  id: 'sp-1',
  text: '党建与业务“两张皮”',
  field: 'efficiency',
  branchName: '运维部党支部',
  authorName: '李海燕',
  count: 2,
  endorsedByMe: false,
  mine: false,
  key: false,
  merged: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  ...over,
})

const view = (over: Partial<SurveyView> = {}): SurveyView => ({
  year: 2026,
  round: { open: true, openedAt: '2026-03-01T00:00:00.000Z', closedAt: null },
  problems: [problem(), problem({ id: 'sp-2', text: '青年创新动力不足', field: 'innovation', count: 0 })],
  canCurate: false,
  canSubmit: true,
  ...over,
})

beforeEach(() => resetCloud())

describe('大调研', () => {
  it('lets a member submit a problem with its field, and says what is missing first', async () => {
    answer({ 'projects.survey': [view(), view()], 'projects.submitProblem': { id: 'sp-3' } })
    render(<SurveyPage />)
    expect(await screen.findByText('2026 年度大调研')).toBeInTheDocument()
    expect(screen.getByText('进行中')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '提交问题' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择问题所属领域' }))
    fireEvent.click(screen.getByRole('radio', { name: '队伍建设' }))
    expect(screen.getByRole('radio', { name: '队伍建设（已选）' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '提交问题' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请写下问题或短板' }))
    expect(payloadsOf('projects.submitProblem')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('问题或短板'), { target: { value: ' 学习流于形式 ' } })
    fireEvent.click(screen.getByRole('button', { name: '提交问题' }))
    await waitFor(() =>
      expect(payloadsOf('projects.submitProblem')).toEqual([
        { year: 2026, text: '学习流于形式', field: 'team' },
      ]),
    )
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '问题已提交' }))
  })

  it('+1s a problem once; the author’s own shows 我提的', async () => {
    answer({
      'projects.survey': [
        view({ problems: [problem(), problem({ id: 'sp-9', mine: true, text: '我的问题', count: 1 })] }),
        view({ problems: [problem({ endorsedByMe: true, count: 3 })] }),
      ],
      'projects.endorseProblem': { id: 'sp-1', count: 3 },
    })
    render(<SurveyPage />)
    expect(await screen.findByText('我提的 · 1 人 +1')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '+1（2）' }))
    await waitFor(() => expect(payloadsOf('projects.endorseProblem')).toEqual([{ id: 'sp-1' }]))
    expect(await screen.findByRole('button', { name: '已 +1（3）' })).toBeDisabled()
  })

  it('lets the committee mark a key problem and merge a duplicate after confirming', async () => {
    answer({
      'projects.survey': view({ canCurate: true, canSubmit: false }),
      'projects.curateProblem': { id: 'sp-2', key: false, mergedInto: 'sp-1' },
    })
    render(<SurveyPage />)
    expect(await screen.findByRole('button', { name: '结束调研' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交问题' })).not.toBeInTheDocument()
    fireEvent.click(screen.getAllByRole('button', { name: '标为重点' })[0])
    await waitFor(() => expect(payloadsOf('projects.curateProblem')).toEqual([{ id: 'sp-1', key: true }]))

    fireEvent.click(screen.getAllByRole('button', { name: '合并到…' })[1])
    expect(await screen.findByText(/把“青年创新动力不足”合并到哪一条/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '合并到这一条' }))
    await waitFor(() =>
      expect(payloadsOf('projects.curateProblem')).toEqual([
        { id: 'sp-1', key: true },
        { id: 'sp-2', mergeInto: 'sp-1' },
      ]),
    )
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '合并重复问题' }))
  })

  it('says when no round is open yet, and why it failed to load', async () => {
    answer({ 'projects.survey': view({ round: null, problems: [], canSubmit: false }) })
    const { unmount } = render(<SurveyPage />)
    expect(await screen.findByText('尚未开启')).toBeInTheDocument()
    expect(screen.getByText('党委开启调研后，党员可以在这里提交问题')).toBeInTheDocument()
    unmount()
    answer({ 'projects.survey': new CloudError('NOT_REGISTERED', '你的微信还未登记为党员，请联系支部书记') })
    render(<SurveyPage />)
    expect(await screen.findByText('你的微信还未登记为党员，请联系支部书记')).toBeInTheDocument()
  })
})
