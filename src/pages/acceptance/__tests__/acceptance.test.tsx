import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AcceptancePage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { detail, secretary } from '../../../../test/dom/fixtures'
import { uploadFile } from '@/services/upload-file'
import { useSession } from '@/stores/session'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadFile: jest.fn() }))

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'prj-001' })
  useSession.setState({ me: secretary })
})

describe('申请结题', () => {
  it('requires a summary and sends the request', async () => {
    answer({
      'projects.get': detail({
        status: 'in_progress',
        progress: 100,
        can: ['save_plan', 'request_acceptance'],
      }),
      'projects.requestAcceptance': { id: 'prj-001', status: 'acceptance_requested', version: 7 },
    })
    render(<AcceptancePage />)

    expect(await screen.findByText('佐证材料（照片，选填，最多 9 张）')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '提交结题申请' }))
    expect(screen.getByText('请填写结题总结')).toBeInTheDocument()
    expect(payloadsOf('projects.requestAcceptance')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('结题总结'), { target: { value: '完成走访 320 户' } })
    fireEvent.click(screen.getByRole('button', { name: '提交结题申请' }))

    await waitFor(() =>
      expect(payloadsOf('projects.requestAcceptance')).toEqual([
        { id: 'prj-001', summary: '完成走访 320 户', evidence: [] },
      ]),
    )
    // At 100% with nothing open, the usual confirmation, no warning.
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '申请结题' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已申请结题' }))
  })

  it('warns before 结题 at 40% with milestones unfinished, and sends nothing when the secretary steps back', async () => {
    const milestone = (id: string, title: string, status: 'approved' | 'open' | 'submitted') => ({
      id,
      taskId: 't1',
      title,
      weight: 25,
      owner: null,
      deadline: null,
      qualityStandard: '',
      expectedGoal: '',
      status,
    })
    answer({
      'projects.get': detail({
        status: 'in_progress',
        progress: 40,
        can: ['save_plan', 'request_acceptance'],
        tasks: [
          {
            id: 't1',
            title: '走访',
            assignees: [],
            milestones: [
              milestone('m1', '摸底', 'approved'),
              milestone('m2', '走访', 'submitted'),
              milestone('m3', '回访', 'open'),
            ],
          },
        ],
      }),
      'projects.requestAcceptance': { id: 'prj-001', status: 'acceptance_requested', version: 7 },
    })
    const showModal = Taro.showModal as unknown as jest.Mock
    render(<AcceptancePage />)
    fireEvent.change(await screen.findByLabelText('结题总结'), { target: { value: '完成一半' } })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByRole('button', { name: '提交结题申请' }))
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '计划尚未完成',
          confirmText: '仍要申请',
          content: expect.stringContaining('当前进度 40%，还有 2 个里程碑未通过审核（“走访”、“回访”）'),
        }),
      ),
    )
    expect(payloadsOf('projects.requestAcceptance')).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: '提交结题申请' }))
    await waitFor(() => expect(payloadsOf('projects.requestAcceptance')).toHaveLength(1))
  })

  it('uploads the chosen evidence photos, in order, and sends their file ids', async () => {
    answer({
      'projects.get': detail({ status: 'in_progress', progress: 100, can: ['request_acceptance'] }),
      'projects.requestAcceptance': { id: 'prj-001', status: 'acceptance_requested', version: 7 },
    })
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:one', 'blob:two'] })
    ;(uploadFile as jest.Mock).mockImplementation(
      async (local: string, personId: string) =>
        `cloud://local.localcloud/uploads/${personId}/${local.slice(5)}-evidence.jpg`,
    )
    render(<AcceptancePage />)
    fireEvent.click(await screen.findByLabelText('添加照片'))
    expect(await screen.findByLabelText('照片 2')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('结题总结'), { target: { value: '完成走访 320 户' } })
    fireEvent.click(screen.getByRole('button', { name: '提交结题申请' }))

    await waitFor(() =>
      expect(payloadsOf('projects.requestAcceptance')).toEqual([
        {
          id: 'prj-001',
          summary: '完成走访 320 户',
          evidence: [
            'cloud://local.localcloud/uploads/p-wang/one-evidence.jpg',
            'cloud://local.localcloud/uploads/p-wang/two-evidence.jpg',
          ],
        },
      ]),
    )
  })

  it('does not offer the request when it is not allowed', async () => {
    answer({ 'projects.get': detail({ status: 'in_progress', can: [] }) })
    render(<AcceptancePage />)
    expect(await screen.findByText('当前状态不能申请结题')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交结题申请' })).not.toBeInTheDocument()
  })
})
