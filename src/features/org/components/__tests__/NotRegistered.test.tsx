import { fireEvent, render, screen } from '@testing-library/react'
import type { MeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { CloudError } from '@/services/cloud-error'
import { useSession } from '@/stores/session'
import { NotRegistered } from '../NotRegistered'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
const call = callCloud as jest.MockedFunction<typeof callCloud>

const me: MeView = {
  id: 'p-new',
  name: '赵新民',
  title: '',
  branch: { id: 'b-yunwei', name: '运维部党支部' },
  group: null,
  roles: ['member'],
  grants: [{ role: 'member', branchId: 'b-yunwei' }],
}

beforeEach(() => {
  call.mockReset()
  useSession.getState().setMe(null)
})

describe('NotRegistered', () => {
  it('binds with the invite code the secretary gave, then enters', async () => {
    call.mockResolvedValueOnce(me)
    const onRetry = jest.fn()
    render(<NotRegistered onRetry={onRetry} />)

    expect(screen.getByText('你的微信还未登记为党员，请联系支部书记')).toBeInTheDocument()
    fireEvent.change(screen.getByRole('textbox', { name: '输入邀请码' }), { target: { value: 'abcd-efgh' } })
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))

    await screen.findByRole('button', { name: '绑定' })
    expect(call).toHaveBeenCalledWith('org', 'bindInvite', { code: 'abcd-efgh' })
    await new Promise((r) => setTimeout(r, 0))
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(useSession.getState().me?.id).toBe('p-new')
  })

  it('says why a code was refused and stays', async () => {
    call.mockRejectedValueOnce(
      new CloudError('NOT_FOUND', '邀请码无效、已使用或已过期，请向支部书记核对（还可再试 4 次）'),
    )
    const onRetry = jest.fn()
    render(<NotRegistered onRetry={onRetry} />)

    fireEvent.change(screen.getByRole('textbox', { name: '输入邀请码' }), { target: { value: 'AAAA-AAAA' } })
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))

    expect(
      await screen.findByText('邀请码无效、已使用或已过期，请向支部书记核对（还可再试 4 次）'),
    ).toBeInTheDocument()
    expect(onRetry).not.toHaveBeenCalled()
  })

  it('asks for a code before calling, and can still just reload', () => {
    const onRetry = jest.fn()
    render(<NotRegistered onRetry={onRetry} />)
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    expect(screen.getByText('请输入支部书记给你的邀请码')).toBeInTheDocument()
    expect(call).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '已登记，重新进入' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})
