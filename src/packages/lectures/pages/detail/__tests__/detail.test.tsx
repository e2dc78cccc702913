import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import LecturePage from '../index'
import { type fakeAudioContext, firePageEvent, setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { beat, IMAGE_ID, lecture, SAFETY_QUIZ, study } from '@/features/lectures/__tests__/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const audioPlayer = () =>
  (Taro.createInnerAudioContext as unknown as jest.Mock).mock.results.at(-1)?.value as ReturnType<
    typeof fakeAudioContext
  >
const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms))

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'lec-003' })
})

afterEach(() => {
  jest.useRealTimers()
})

describe('微讲坛 lecture page', () => {
  it('shows who speaks, who publishes, for whom, and the body with its images loadable', async () => {
    answer({ 'lectures.get': lecture(), 'lectures.heartbeat': beat() })
    const { container } = render(<LecturePage />)

    expect(await screen.findByText('身边的电网先锋：抢修一线的党员突击队')).toBeInTheDocument()
    expect(screen.getByText('主讲：黄文博（党委副书记）')).toBeInTheDocument()
    expect(screen.getByText('发布：国网某县供电公司党委')).toBeInTheDocument()
    expect(screen.getByText('面向：全公司')).toBeInTheDocument()
    expect(screen.getByText('音频')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '抢修一线的党员突击队' })).toBeInTheDocument()
    expect(screen.getByText('今年入夏以来，突击队累计完成抢修任务一百余次。')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '党员突击队在抢修现场' })).toHaveAttribute(
      'src',
      '/files/uploads/p058/demo-lecture-photo-1.png',
    )
    expect(container.innerHTML).not.toContain('cloud://')
    expect(payloadsOf('lectures.get')).toEqual([{ id: 'lec-003' }])
  })

  it('shows body images through the links the function sends (rich-text cannot load cloud ids)', async () => {
    const link = 'https://tcb.example.invalid/uploads/p058/demo-lecture-photo-1.png?sign=abc'
    answer({
      'lectures.get': lecture({ bodyImages: { [IMAGE_ID]: link } }),
      'lectures.heartbeat': beat(),
    })
    render(<LecturePage />)
    expect(await screen.findByRole('img', { name: '党员突击队在抢修现场' })).toHaveAttribute('src', link)
  })

  it('plays the audio from where I stopped, and reports study with the audio’s progress', async () => {
    jest.useFakeTimers()
    answer({
      'lectures.get': lecture({ my: study({ progress: 0.1, position: 10, studySeconds: 45 }) }),
      'lectures.heartbeat': beat({ progress: 0.5, studySeconds: 60 }),
    })
    render(<LecturePage />)
    await advance(0)

    const audio = audioPlayer()
    expect(audio.src).toBe('/files/uploads/p058/demo-lecture-audio-1.mp3')
    expect(audio.startTime).toBe(10)
    expect(screen.getByText('00:10 / 01:40')).toBeInTheDocument()
    expect(screen.getByText('本次学习 00:00 · 累计学习 0 分钟')).toBeInTheDocument()
    expect(screen.getByText('学习中')).toBeInTheDocument()
    expect(screen.getByText('本次学习满 30 秒后计入学习时长')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '继续播放' }))
    expect(audio.play).toHaveBeenCalled()
    expect(screen.getByRole('button', { name: '暂停' })).toBeInTheDocument()
    audio.currentTime = 50
    audio.duration = 100
    act(() => audio.emit('timeUpdate'))
    expect(screen.getByText('00:50 / 01:40')).toBeInTheDocument()

    await advance(15_000)
    expect(payloadsOf('lectures.heartbeat')).toEqual([
      expect.objectContaining({ lectureId: 'lec-003', progress: 0.5, position: 50, seconds: 15 }),
    ])
    expect(screen.getByText('本次学习 00:15 · 累计学习 1 分钟')).toBeInTheDocument()
    expect(screen.getByText('已学 50%')).toBeInTheDocument()
    expect(screen.getByText('还需读完全文或听完音频')).toBeInTheDocument()

    // Leaving the page pauses the audio: time away is not study time.
    await act(() => firePageEvent('didHide'))
    expect(audio.pause).toHaveBeenCalled()
  })

  it('says 已学完 once the function says the lecture is complete', async () => {
    jest.useFakeTimers()
    answer({
      'lectures.get': lecture({ my: study({ progress: 0.96, studySeconds: 50 }) }),
      'lectures.heartbeat': beat({ progress: 0.96, studySeconds: 65, completed: true, justCompleted: true }),
    })
    render(<LecturePage />)
    await advance(0)
    expect(screen.getByText('还需学习 1 分钟')).toBeInTheDocument()

    await advance(15_000)
    expect(screen.getByText('✓ 已学完')).toBeInTheDocument()
    expect(screen.queryByText('还需学习 1 分钟')).not.toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已学完本讲坛' }))
  })

  it('offers the quiz with my best score in words, and takes me to it', async () => {
    answer({
      'lectures.get': lecture({
        quiz: SAFETY_QUIZ,
        my: study({ quiz: { attempts: 2, bestScore: 33, passed: false } }),
      }),
      'lectures.heartbeat': beat(),
    })
    render(<LecturePage />)

    expect(await screen.findByText('共 3 题 · 60 分及格')).toBeInTheDocument()
    expect(screen.getByText('最高得分 33 分 · 已作答 2 次')).toBeInTheDocument()
    expect(screen.getByText('未通过')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '再做一次' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/lectures/pages/quiz/index?id=lec-003' })
  })

  it('lets an editor withdraw a published lecture, with a reason', async () => {
    answer({
      'lectures.get': [lecture({ can: ['withdraw'] }), lecture({ status: 'withdrawn', can: [] })],
      'lectures.withdraw': { id: 'lec-003', status: 'withdrawn', version: 4 },
      'lectures.heartbeat': beat(),
    })
    render(<LecturePage />)

    fireEvent.click(await screen.findByRole('button', { name: '撤回' }))
    expect(screen.getByText(/撤回后党员将看不到这个讲坛/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '确认撤回' }))
    expect(screen.getByText('请填写撤回原因')).toBeInTheDocument()
    expect(payloadsOf('lectures.withdraw')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('撤回原因'), { target: { value: '内容需要更新' } })
    fireEvent.click(screen.getByRole('button', { name: '确认撤回' }))
    await waitFor(() =>
      expect(payloadsOf('lectures.withdraw')).toEqual([{ id: 'lec-003', reason: '内容需要更新' }]),
    )
    expect(await screen.findByText('讲坛已撤回，不再记录学习')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤回' }))
  })

  it('previews a draft for its editor without recording study', async () => {
    jest.useFakeTimers()
    answer({ 'lectures.get': lecture({ status: 'draft', can: ['edit', 'publish'] }) })
    render(<LecturePage />)
    await advance(20_000)

    expect(screen.getByText('草稿预览：发布后党员才能学习，预览不记录学习')).toBeInTheDocument()
    expect(screen.queryByText(/本次学习/)).not.toBeInTheDocument()
    expect(payloadsOf('lectures.heartbeat')).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: '编辑' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/lectures/pages/edit/index?id=lec-003' })
  })

  it('says when the lecture cannot be opened', async () => {
    answer({ 'lectures.get': new Error('offline') })
    render(<LecturePage />)
    expect(await screen.findByText('讲坛加载失败')).toBeInTheDocument()
  })
})
