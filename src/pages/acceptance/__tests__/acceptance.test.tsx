import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AcceptancePage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { detail } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'prj-001' })
})

describe('申请结题', () => {
  it('requires a summary, says uploads are not supported yet, and sends the request', async () => {
    answer({
      'projects.get': detail({
        status: 'in_progress',
        progress: 100,
        can: ['save_plan', 'request_acceptance'],
      }),
      'projects.requestAcceptance': { id: 'prj-001', status: 'acceptance_requested', version: 7 },
    })
    render(<AcceptancePage />)

    expect(await screen.findByText(/暂不支持上传附件/)).toBeInTheDocument()
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
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已申请结题' }))
  })

  it('does not offer the request when it is not allowed', async () => {
    answer({ 'projects.get': detail({ status: 'in_progress', can: [] }) })
    render(<AcceptancePage />)
    expect(await screen.findByText('当前状态不能申请结题')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交结题申请' })).not.toBeInTheDocument()
  })
})
