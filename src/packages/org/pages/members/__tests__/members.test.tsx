import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView, MemberView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { CloudError } from '@/services/cloud-error'
import { useSession } from '@/stores/session'
import { OrgAdminEntries } from '@/features/org/components/OrgAdminEntries'
import BranchMembersPage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
const call = callCloud as jest.MockedFunction<typeof callCloud>

const secretary: MeView = {
  id: 'p001',
  name: '王建国',
  title: '党支部书记',
  branch: { id: 'b-yunwei', name: '运维部党支部' },
  group: null,
  roles: ['secretary', 'member'],
  grants: [
    { role: 'member', branchId: 'b-yunwei' },
    { role: 'secretary', branchId: 'b-yunwei' },
  ],
}

const members: MemberView[] = [
  {
    id: 'p002',
    name: '李海燕',
    title: '运维检修工',
    roles: ['member'],
    groupName: '运维部第一党小组',
    phone: null,
    bound: true,
  },
  {
    id: 'p-new',
    name: '赵新民',
    title: '配电运维工',
    roles: ['member'],
    groupName: null,
    phone: null,
    bound: false,
  },
]

function answer(routes: Record<string, unknown>) {
  call.mockImplementation(async (fn: string, action: string) => {
    const value = routes[`${fn}.${action}`]
    if (value instanceof Error) throw value
    if (value === undefined) throw new Error(`no answer for ${fn}.${action}`)
    return value as never
  })
}

beforeEach(() => {
  call.mockReset()
  useSession.getState().setMe(null)
  ;(Taro.showModal as jest.Mock).mockClear()
})

describe('支部党员名册', () => {
  it('shows who has bound WeChat and gives the secretary an invite 小程序码 and code for who has not', async () => {
    answer({
      'org.whoami': secretary,
      'org.listMembers': { members },
      'org.createInvite': {
        code: 'ABCD-EFGH',
        expiresAt: '2025-03-08T08:00:00.000Z',
        person: { id: 'p-new', name: '赵新民' },
        qr: {
          image: 'data:image/png;base64,iVBORw0KGgo=',
          page: 'packages/org/pages/bind/index',
          scene: 'c=ABCDEFGH',
        },
        qrProblem: null,
      },
    })
    render(<BranchMembersPage />)

    expect(await screen.findByText('赵新民')).toBeInTheDocument()
    expect(screen.getByText('已绑定微信')).toBeInTheDocument()
    expect(screen.getByText('2 人 · 未绑定 1 人')).toBeInTheDocument()
    expect(call).toHaveBeenCalledWith('org', 'listMembers', { branchId: 'b-yunwei' })

    fireEvent.click(screen.getByRole('button', { name: '生成邀请码' }))
    expect(await screen.findByText('赵新民的邀请')).toBeInTheDocument()
    expect(call).toHaveBeenCalledWith('org', 'createInvite', { personId: 'p-new' })
    expect(screen.getByText('ABCD-EFGH')).toBeInTheDocument()
    expect(screen.getByLabelText('赵新民的邀请小程序码')).toHaveAttribute(
      'src',
      'data:image/png;base64,iVBORw0KGgo=',
    )
    expect(screen.getByText(/只能使用一次/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '关闭' }))
    expect(screen.queryByText('ABCD-EFGH')).not.toBeInTheDocument()
  })

  it('still gives the code in words when WeChat refused the 小程序码', async () => {
    answer({
      'org.whoami': secretary,
      'org.listMembers': { members },
      'org.createInvite': {
        code: 'ABCD-EFGH',
        expiresAt: '2025-03-08T08:00:00.000Z',
        person: { id: 'p-new', name: '赵新民' },
        qr: null,
        qrProblem: '小程序码暂时生成失败，请稍后再试',
      },
    })
    render(<BranchMembersPage />)
    fireEvent.click(await screen.findByRole('button', { name: '生成邀请码' }))
    expect(await screen.findByText('ABCD-EFGH')).toBeInTheDocument()
    expect(screen.getByText('小程序码暂时生成失败，请稍后再试，请改用邀请码')).toBeInTheDocument()
    expect(screen.queryByLabelText('赵新民的邀请小程序码')).not.toBeInTheDocument()
  })

  it('says so when the code cannot be made', async () => {
    answer({
      'org.whoami': secretary,
      'org.listMembers': { members },
      'org.createInvite': new CloudError('CONFLICT', '赵新民已绑定微信，无需邀请码'),
    })
    render(<BranchMembersPage />)
    fireEvent.click(await screen.findByRole('button', { name: '生成邀请码' }))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '赵新民已绑定微信，无需邀请码' }),
      ),
    )
    expect(screen.queryByText('赵新民的邀请')).not.toBeInTheDocument()
  })
})

describe('支部党员名册 opened by the committee from 组织管理', () => {
  afterEach(() => setRouterParams({}))

  it("lists the branch it was opened for, under that branch's name, not the committee member's own", async () => {
    setRouterParams({ branchId: 'b-sales', branchName: '营销部党支部' })
    answer({
      'org.whoami': { ...secretary, roles: ['committee', 'member'], grants: [{ role: 'committee' }] },
      'org.listMembers': { members },
    })
    render(<BranchMembersPage />)
    expect(await screen.findByText('赵新民')).toBeInTheDocument()
    expect(call).toHaveBeenCalledWith('org', 'listMembers', { branchId: 'b-sales' })
    expect(screen.getByText('营销部党支部')).toBeInTheDocument()
    expect(screen.queryByText('运维部党支部')).not.toBeInTheDocument()
  })
})

describe('我的 › 组织入口', () => {
  it('offers the roster to secretaries and the import to the committee, nothing to members', () => {
    const onMembers = jest.fn()
    const onImport = jest.fn()
    const { rerender } = render(<OrgAdminEntries me={secretary} onMembers={onMembers} onImport={onImport} />)
    fireEvent.click(screen.getByRole('button', { name: '支部党员名册' }))
    expect(onMembers).toHaveBeenCalled()
    expect(screen.queryByRole('button', { name: '导入党员名册' })).not.toBeInTheDocument()

    rerender(
      <OrgAdminEntries
        me={{ ...secretary, roles: ['committee'], grants: [{ role: 'committee' }] }}
        onMembers={onMembers}
        onImport={onImport}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: '导入党员名册' }))
    expect(onImport).toHaveBeenCalled()

    rerender(
      <OrgAdminEntries
        me={{ ...secretary, roles: ['member'], grants: [{ role: 'member', branchId: 'b-yunwei' }] }}
        onMembers={onMembers}
        onImport={onImport}
      />,
    )
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })
})
