import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SearchView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { CloudError } from '@/services/cloud-error'
import SearchPage from '../index'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
const call = callCloud as jest.MockedFunction<typeof callCloud>

const first: SearchView = {
  query: '施工',
  notice: null,
  sections: [
    {
      kind: 'project',
      label: '项目',
      hits: [
        {
          kind: 'project',
          id: 'prj-001',
          title: '党员干部施工项目全程负责制',
          sub: '运维部党支部 · 临时任务施工一票直达',
        },
      ],
      more: true,
      page: 0,
    },
    {
      kind: 'person',
      label: '党员',
      hits: [{ kind: 'person', id: 'p009', title: '施工明', sub: '运维部党支部 · 检修工' }],
      more: false,
      page: 0,
    },
  ],
}

const typeAndSearch = (q: string) => {
  fireEvent.change(screen.getByRole('textbox', { name: '搜索内容' }), { target: { value: q } })
  fireEvent.click(screen.getByRole('button', { name: '搜索' }))
}

beforeEach(() => {
  call.mockReset()
  ;(Taro.navigateTo as jest.Mock).mockClear()
})

describe('搜索', () => {
  it('shows each kind with the searched words marked, pages one kind and opens a project', async () => {
    call.mockResolvedValueOnce(first as never).mockResolvedValueOnce({
      ...first,
      sections: [
        {
          kind: 'project',
          label: '项目',
          hits: [
            first.sections[0].hits[0],
            { kind: 'project', id: 'prj-020', title: '施工现场党员示范岗', sub: '运维部党支部' },
          ],
          more: false,
          page: 1,
        },
      ],
    } as never)
    const { container } = render(<SearchPage />)
    typeAndSearch('施工')
    expect(await screen.findByText('项目')).toBeInTheDocument()
    expect(call).toHaveBeenCalledWith('org', 'search', { q: '施工' })
    const marked = Array.from(container.querySelectorAll('.search-hit'), (n) => n.textContent)
    expect(marked).toEqual(['施工', '施工', '施工'])
    expect(screen.getByText('党员已全部列出')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '查看更多项目' }))
    await screen.findByText('项目已全部列出')
    expect(call).toHaveBeenLastCalledWith('org', 'search', { q: '施工', kind: 'project', page: 1 })
    // The project shown on the first page is not shown twice.
    expect(container.querySelectorAll('.search-results__hit')).toHaveLength(3)

    fireEvent.click(container.querySelector('.search-results__hit') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=prj-001' })
  })

  it('says in words why a query finds nothing or cannot be searched', async () => {
    call.mockResolvedValueOnce({
      query: '',
      notice: '请输入文字或数字：只有符号无法搜索',
      sections: [],
    } as never)
    render(<SearchPage />)
    typeAndSearch('！！！')
    expect(await screen.findByText('请输入文字或数字：只有符号无法搜索')).toBeInTheDocument()

    call.mockResolvedValueOnce({
      query: '连心卡',
      notice: '没有找到与「连心卡」相关的项目、党员、微党课或动态',
      sections: [],
    } as never)
    typeAndSearch('连心卡')
    expect(await screen.findByText('没有找到与「连心卡」相关的项目、党员、微党课或动态')).toBeInTheDocument()
    expect(screen.getByText('没有找到')).toBeInTheDocument()
  })

  it('offers a retry when the search fails', async () => {
    call.mockRejectedValueOnce(new CloudError('NETWORK', '网络不给力，请稍后再试'))
    render(<SearchPage />)
    typeAndSearch('党员')
    expect(await screen.findByText('网络不给力，请稍后再试')).toBeInTheDocument()
    call.mockResolvedValueOnce(first as never)
    fireEvent.click(screen.getByRole('button', { name: /重试/ }))
    await waitFor(() => expect(call).toHaveBeenCalledTimes(2))
  })
})
