import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView } from '@contract/api'
import { useSession } from '@/stores/session'
import ProjectPage from '@/pages/project/index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, resetCloud } from '../../../../test/dom/cloud'
import { committee, detail, member, secretary } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/subscribe', () => ({ askToSubscribe: jest.fn(() => Promise.resolve()) }))

const project = detail({ status: 'in_progress', branchId: 'b-sales' })
const otherSecretary: MeView = {
  ...secretary,
  id: 'p-zhou',
  branch: { id: 'b-ops', name: '运维党支部' },
  grants: [
    { role: 'secretary', branchId: 'b-ops' },
    { role: 'member', branchId: 'b-ops' },
  ],
}

async function openLedgerTab(me: MeView) {
  resetCloud()
  useSession.setState({ me: null })
  setRouterParams({ id: 'prj-001' })
  answer({ 'projects.get': project, 'org.whoami': me })
  render(<ProjectPage />)
  fireEvent.click(await screen.findByText('台账'))
  await screen.findByText('台账暂无内容')
}

describe('台账 tab → 导出台账', () => {
  it.each([
    ['the branch secretary', secretary],
    ['the committee', committee],
  ])('is offered to %s and opens the ledger page of the project', async (_who, me) => {
    await openLedgerTab(me)
    fireEvent.click(await screen.findByRole('button', { name: '导出台账' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/admin/pages/ledger/index?projectId=prj-001',
    })
  })

  it.each([
    ['a member', member],
    ['another branch’s secretary', otherSecretary],
  ])('is not offered to %s', async (_who, me) => {
    await openLedgerTab(me)
    await Promise.resolve()
    expect(screen.queryByRole('button', { name: '导出台账' })).not.toBeInTheDocument()
  })
})
