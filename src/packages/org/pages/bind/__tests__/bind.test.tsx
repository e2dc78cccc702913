import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { CloudError } from '@/services/cloud-error'
import { useSession } from '@/stores/session'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import BindPage from '../index'

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

const openWith = (params: Record<string, string>) => setRouterParams(params)

beforeEach(() => {
  call.mockReset()
  useSession.getState().setMe(null)
  ;(Taro.switchTab as jest.Mock).mockClear()
})

describe('绑定微信 (opened by an invite 小程序码)', () => {
  it('fills in the code from the URL-encoded scene and binds with one tap', async () => {
    openWith({ scene: encodeURIComponent('c=ABCD2345') })
    call.mockImplementation(async (_fn: string, action: string) => {
      if (action === 'whoami') throw new CloudError('NOT_REGISTERED', '尚未登记')
      return me as never
    })
    render(<BindPage />)
    const input = await screen.findByRole('textbox', { name: '输入邀请码' })
    expect(input).toHaveValue('ABCD-2345')
    expect(screen.getByText('已从小程序码填入邀请码，核对后点「绑定」')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(call).toHaveBeenCalledWith('org', 'bindInvite', { code: 'ABCD-2345' })
  })

  it('says in words when a scanned code is used or expired', async () => {
    openWith({ scene: encodeURIComponent('c=ABCD2345') })
    call.mockImplementation(async (_fn: string, action: string) => {
      if (action === 'whoami') throw new CloudError('NOT_REGISTERED', '尚未登记')
      throw new CloudError('NOT_FOUND', '这个邀请码已过期，请联系支部书记重新生成（还可再试 4 次）')
    })
    render(<BindPage />)
    fireEvent.click(await screen.findByRole('button', { name: '绑定' }))
    expect(
      await screen.findByText('这个邀请码已过期，请联系支部书记重新生成（还可再试 4 次）'),
    ).toBeInTheDocument()
  })

  it('asks for the code by hand when the scene holds none', async () => {
    openWith({ scene: encodeURIComponent('x=1') })
    call.mockRejectedValue(new CloudError('NOT_REGISTERED', '尚未登记'))
    render(<BindPage />)
    expect(
      await screen.findByText('无法从小程序码读出邀请码，请手动输入支部书记给你的邀请码'),
    ).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: '输入邀请码' })).toHaveValue('')
  })

  it('tells someone already registered and sends them home', async () => {
    openWith({ scene: encodeURIComponent('c=ABCD2345') })
    call.mockResolvedValue(me as never)
    render(<BindPage />)
    expect(await screen.findByText('你的微信已登记为赵新民')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '进入首页' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })
})
