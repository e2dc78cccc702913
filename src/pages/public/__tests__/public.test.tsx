import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CloudError } from '@/services/cloud-error'
import { useSession } from '@/stores/session'
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
    // Twelve ratings make a sample (10 and up): nothing says otherwise.
    expect(screen.queryByText(/样本不足/)).not.toBeInTheDocument()
    // Running: nothing to rate yet, and the page says so instead of offering stars.
    expect(screen.getByText('项目申请结题验收后开放群众评价')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交评分' })).not.toBeInTheDocument()
    expect(payloadsOf('projects.publicGet')).toEqual([{ id: 'prj-001' }])
  })

  it('rates 1–5 stars with an optional comment, once, then shows 你的评分', async () => {
    const open = { count: 12, average: 4.5, mine: null, canRate: true, closed: null, lastDay: '2026-12-31' }
    const rated = {
      count: 13,
      average: 4.5,
      mine: { score: 4, comment: '服务及时' },
      canRate: false,
      closed: '你已评价，每个微信只能评价一次',
      lastDay: '2026-12-31',
    }
    answer({
      'projects.publicGet': [
        publicView({ status: 'closed', rating: open }),
        publicView({ status: 'closed', rating: rated }),
      ],
      'projects.rate': { count: 13, average: 4.5 },
    })
    render(<PublicPage />)
    expect(await screen.findByText('你对这个项目满意吗？')).toBeInTheDocument()
    expect(screen.getByText('每个微信评价一次，提交后不能修改；2026-12-31 前可评价')).toBeInTheDocument()

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
    expect(screen.getByText('你已评价，每个微信只能评价一次')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交评分' })).not.toBeInTheDocument()
  })

  it('says 样本不足 below ten ratings: the average does not count yet', async () => {
    answer({
      'projects.publicGet': publicView({
        status: 'closed',
        rating: { count: 9, average: 4.7, mine: null, canRate: true, closed: null, lastDay: '2026-12-31' },
      }),
    })
    render(<PublicPage />)
    expect(await screen.findByText('9 人评价 · 满分 5 分')).toBeInTheDocument()
    expect(screen.getByText('样本不足：满 10 人评价后计入年度评价')).toBeInTheDocument()
  })

  it('tells a Party member why they do not rate', async () => {
    answer({
      'projects.publicGet': publicView({
        status: 'closed',
        rating: {
          count: 12,
          average: 4.5,
          mine: null,
          canRate: false,
          closed: '群众满意度由职工群众评价，党员不参与评分',
          lastDay: '2026-12-31',
        },
      }),
    })
    render(<PublicPage />)
    expect(await screen.findByText('群众满意度由职工群众评价，党员不参与评分')).toBeInTheDocument()
    expect(screen.queryByText('你对这个项目满意吗？')).not.toBeInTheDocument()
  })

  it('says why a project cannot be viewed', async () => {
    answer({ 'projects.publicGet': new CloudError('FORBIDDEN', '项目尚未公开') })
    render(<PublicPage />)
    expect(await screen.findByText('项目尚未公开')).toBeInTheDocument()
  })
})

describe('四公开 poster and 小程序码', () => {
  const secretary = {
    id: 'p001',
    name: '周晓东',
    title: '党支部书记',
    branch: { id: 'b-yunwei', name: '运维部党支部' },
    group: null,
    roles: ['secretary' as const, 'member' as const],
    grants: [
      { role: 'member' as const, branchId: 'b-yunwei' },
      { role: 'secretary' as const, branchId: 'b-yunwei' },
    ],
  }
  const code = { image: 'data:image/png;base64,iVBORw0KGgo=', page: 'pages/public/index', scene: 'p=prj-001' }
  afterEach(() => act(() => useSession.getState().setMe(null)))

  it('reads its project from the scene of a scanned 小程序码', async () => {
    setRouterParams({ scene: encodeURIComponent('p=prj-001') })
    answer({ 'projects.publicGet': publicView() })
    render(<PublicPage />)
    expect(await screen.findByText('“党建+供电服务”连心桥')).toBeInTheDocument()
    expect(payloadsOf('projects.publicGet')).toEqual([{ id: 'prj-001' }])
    // Members of the public get no poster button.
    expect(screen.queryByRole('button', { name: '保存四公开海报' })).not.toBeInTheDocument()
  })

  it('draws the poster with title, slogan, branch, progress, the 小程序码 and 扫码评价, and saves it', async () => {
    useSession.getState().setMe(secretary)
    answer({ 'projects.publicGet': publicView(), 'projects.posterCode': { code } })
    render(<PublicPage />)
    fireEvent.click(await screen.findByRole('button', { name: '保存四公开海报' }))
    await waitFor(() =>
      expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'tmp://poster.png' }),
    )
    expect(payloadsOf('projects.posterCode')).toEqual([{ id: 'prj-001' }])
    const ctx = (Taro.createCanvasContext as jest.Mock).mock.results.at(-1)?.value as {
      calls: [string, unknown[]][]
    }
    const texts = ctx.calls.filter(([n]) => n === 'fillText').map(([, a]) => a[0])
    expect(texts).toEqual(
      expect.arrayContaining([
        '党建项目四公开',
        '“电力先锋，服务万家”',
        '营销党支部',
        '项目进度 40%',
        '扫码评价',
      ]),
    )
    expect(texts.some((t) => String(t).includes('连心桥'))).toBe(true)
    expect(ctx.calls.find(([n]) => n === 'drawImage')?.[1][0]).toBe(code.image)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册' }))
  })

  it('explains a refused album permission and how to allow it', async () => {
    useSession.getState().setMe(secretary)
    answer({ 'projects.publicGet': publicView(), 'projects.posterCode': { code } })
    ;(Taro.saveImageToPhotosAlbum as jest.Mock).mockRejectedValueOnce({
      errMsg: 'saveImageToPhotosAlbum:fail auth deny',
    })
    ;(Taro.showModal as jest.Mock).mockClear()
    render(<PublicPage />)
    fireEvent.click(await screen.findByRole('button', { name: '保存四公开海报' }))
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.stringContaining('添加到相册') }),
      ),
    )
    expect(Taro.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册' }))
  })

  it('says why a poster cannot be made', async () => {
    useSession.getState().setMe(secretary)
    answer({
      'projects.publicGet': publicView(),
      'projects.posterCode': new CloudError('FORBIDDEN', '只有本支部书记和党委可以生成四公开海报'),
    })
    render(<PublicPage />)
    fireEvent.click(await screen.findByRole('button', { name: '保存四公开海报' }))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '只有本支部书记和党委可以生成四公开海报' }),
      ),
    )
    expect(Taro.saveImageToPhotosAlbum).not.toHaveBeenCalledWith({ filePath: 'tmp://poster.png' })
  })
})
