import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud-error'
import PublicPage from '../index'
import { setRouterParams } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { publicView } from '../../../../test/dom/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'prj-001' })
})

describe('四公开', () => {
  it('shows content, tasks with owners’ names, progress, effect and the satisfaction average', async () => {
    answer({ 'projects.publicGet': publicView() })
    render(<PublicPage />)

    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(screen.getByText('实施中')).toBeInTheDocument()
    expect(screen.getByText('社区居民用电诉求响应慢')).toBeInTheDocument()
    expect(screen.getByText('组建党员服务队走进社区')).toBeInTheDocument()
    expect(screen.getByText('1. 走访社区')).toBeInTheDocument()
    expect(screen.getByText('责任人 李海燕 · 时限 2026-04-30')).toBeInTheDocument()
    expect(screen.getByText('已完成')).toBeInTheDocument()
    expect(screen.getByText('进度 40%')).toBeInTheDocument()
    expect(screen.getByText('项目结题验收后公布实施成效')).toBeInTheDocument()
    expect(screen.getByText('4.5 分')).toBeInTheDocument()
    expect(screen.getByText('12 人评价 · 满分 5 分')).toBeInTheDocument()
    expect(payloadsOf('projects.publicGet')).toEqual([{ id: 'prj-001' }])
  })

  it('rates 1–5 stars with an optional comment, then shows 你的评分', async () => {
    answer({
      'projects.publicGet': [
        publicView(),
        publicView({ rating: { count: 13, average: 4.5, mine: { score: 4, comment: '服务及时' } } }),
      ],
      'projects.rate': { count: 13, average: 4.5 },
    })
    render(<PublicPage />)
    expect(await screen.findByText('你对这个项目满意吗？')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '提交评分' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择 1–5 星' }))
    expect(payloadsOf('projects.rate')).toHaveLength(0)

    fireEvent.click(screen.getByRole('button', { name: '4 星' }))
    expect(screen.getByText('4 星 · 满意')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('意见（选填）'), { target: { value: '服务及时' } })
    fireEvent.click(screen.getByRole('button', { name: '提交评分' }))

    await waitFor(() =>
      expect(payloadsOf('projects.rate')).toEqual([{ id: 'prj-001', score: 4, comment: '服务及时' }]),
    )
    expect(await screen.findByText('你的评分：4 星（满意）')).toBeInTheDocument()
    expect(screen.getByText('13 人评价 · 满分 5 分')).toBeInTheDocument()
  })

  it('lets a person change their rating', async () => {
    answer({
      'projects.publicGet': publicView({
        rating: { count: 12, average: 4.5, mine: { score: 3, comment: '' } },
      }),
      'projects.rate': { count: 12, average: 4.7 },
    })
    render(<PublicPage />)
    expect(await screen.findByText('你的评分：3 星（一般）')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '修改评分' }))
    fireEvent.click(screen.getByRole('button', { name: '5 星' }))
    fireEvent.click(screen.getByRole('button', { name: '保存评分' }))

    await waitFor(() => expect(payloadsOf('projects.rate')).toEqual([{ id: 'prj-001', score: 5 }]))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '评分已修改' }))
  })

  it('says why a project cannot be viewed', async () => {
    answer({ 'projects.publicGet': new CloudError('FORBIDDEN', '项目尚未公开') })
    render(<PublicPage />)
    expect(await screen.findByText('项目尚未公开')).toBeInTheDocument()
  })
})
