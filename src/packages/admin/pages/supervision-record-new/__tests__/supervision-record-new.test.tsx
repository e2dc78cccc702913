import { render, screen } from '@testing-library/react'
import NewRecordPage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { committee, member, members, secretary } from '../../../../../../test/dom/fixtures'
import { useSession } from '@/stores/session'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadPhotos: jest.fn() }))

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: null })
})

describe('记录督导', () => {
  it.each([
    ['member', member],
    ['secretary', secretary],
  ])('tells a %s that only the committee records, without loading the branch', async (_, me) => {
    setRouterParams({ branchId: 'b-yunwei' })
    answer({ 'org.whoami': me, 'org.listMembers': { members } })
    render(<NewRecordPage />)
    expect(await screen.findByText(/只有党委联系指导人可以记录/)).toBeInTheDocument()
    expect(screen.queryByText('保存督导记录')).not.toBeInTheDocument()
    expect(payloadsOf('org.listMembers')).toEqual([])
  })

  it('says which branch is missing when the link names none', async () => {
    setRouterParams({})
    answer({ 'org.whoami': committee, 'org.listMembers': { members } })
    render(<NewRecordPage />)
    expect(await screen.findByText(/没有指定支部/)).toBeInTheDocument()
    expect(payloadsOf('org.listMembers')).toEqual([])
  })

  it('shows the form with the branch people to the committee', async () => {
    setRouterParams({ branchId: 'b-yunwei' })
    answer({ 'org.whoami': committee, 'org.listMembers': { members } })
    render(<NewRecordPage />)
    expect(await screen.findByText('保存督导记录')).toBeInTheDocument()
    expect(screen.getByText(/王建国/)).toBeInTheDocument()
    expect(payloadsOf('org.listMembers')).toEqual([{ branchId: 'b-yunwei' }])
  })
})
