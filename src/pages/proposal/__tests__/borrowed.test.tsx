import { render, screen } from '@testing-library/react'
import { useSession } from '@/stores/session'
import ProposalPage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, resetCloud } from '../../../../test/dom/cloud'
import { detail, secretary } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

beforeEach(() => {
  resetCloud()
  useSession.setState({ me: secretary })
})

describe('立项表 of a 借鉴 draft', () => {
  it('says which 十佳 project it was borrowed from, with that plan’s outline', async () => {
    setRouterParams({ id: 'prj-new' })
    answer({
      'projects.get': detail({
        id: 'prj-new',
        can: ['edit', 'submit'],
        borrowedFrom: {
          projectId: 'prj-013',
          title: '网上课堂与网络党支部试点',
          branchName: '机关党支部',
          year: 2025,
          rank: 1,
          outline: [{ task: '网络党支部建设', milestones: ['建立网络党支部', '流动党员全部入网'] }],
        },
      }),
    })
    render(<ProposalPage />)
    expect(
      await screen.findByText('借鉴自 2025 年十佳第 1 名：机关党支部《网上课堂与网络党支部试点》'),
    ).toBeInTheDocument()
    expect(screen.getByText('· 网络党支部建设：建立网络党支部、流动党员全部入网')).toBeInTheDocument()
  })

  it('says nothing of 借鉴 on a draft written from scratch', async () => {
    setRouterParams({ id: 'prj-001' })
    answer({ 'projects.get': detail({ can: ['edit', 'submit'] }) })
    render(<ProposalPage />)
    expect(await screen.findByDisplayValue('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(screen.queryByText(/借鉴自/)).not.toBeInTheDocument()
  })
})
