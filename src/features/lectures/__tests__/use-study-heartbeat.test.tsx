import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LectureDetail } from '@contract/api'
import { CloudError } from '@/services/cloud-error'
import { useStudyHeartbeat } from '../hooks/use-study-heartbeat'
import { firePageEvent } from '../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../test/dom/cloud'
import { beat, lecture, study } from './fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

type Beat = { lectureId: string; sessionId: string; progress: number; position: number; seconds: number }
const beats = () => payloadsOf('lectures.heartbeat') as Beat[]
const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms))

function open(l: LectureDetail, progress: () => number = () => 0.5) {
  return renderHook(() => useStudyHeartbeat({ lecture: l, progress, position: () => 12.7 }))
}

beforeEach(() => {
  resetCloud()
  jest.useFakeTimers()
  answer({ 'lectures.heartbeat': (p: unknown) => beat({ progress: (p as Beat).progress, studySeconds: 75 }) })
})

afterEach(() => {
  jest.useRealTimers()
})

describe('useStudyHeartbeat', () => {
  it('sends the foreground seconds every 15 s with this opening’s session id, and counts on screen', async () => {
    const { result } = open(lecture({ my: study({ progress: 0.3, studySeconds: 60 }) }))
    const sessionId = result.current.sessionId
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

    await advance(14_000)
    expect(beats()).toHaveLength(0)
    expect(result.current.sessionSeconds).toBe(14)
    expect(result.current.studySeconds).toBe(60)

    await advance(1_000)
    expect(beats()).toEqual([{ lectureId: 'lec-003', sessionId, progress: 0.5, position: 12, seconds: 15 }])
    expect(result.current.studySeconds).toBe(75)

    await advance(15_000)
    expect(beats().map((b) => [b.sessionId, b.seconds])).toEqual([
      [sessionId, 15],
      [sessionId, 15],
    ])
    expect(result.current.sessionSeconds).toBe(30)
  })

  it('counts only time on screen: hiding reports what is left and stops; showing again continues the session', async () => {
    const { result } = open(lecture())
    await advance(10_000)
    await act(() => firePageEvent('didHide'))
    expect(beats().map((b) => b.seconds)).toEqual([10])

    // Two minutes in the background: no heartbeat, no time.
    await advance(120_000)
    expect(beats()).toHaveLength(1)
    expect(result.current.sessionSeconds).toBe(10)

    await act(() => firePageEvent('didShow'))
    await advance(15_000)
    expect(beats().map((b) => b.seconds)).toEqual([10, 15])
    expect(new Set(beats().map((b) => b.sessionId)).size).toBe(1)
    expect(result.current.sessionSeconds).toBe(25)
  })

  it('never reports more than the lecture’s maxBeatSeconds at once, and catches up after a network failure', async () => {
    answer({ 'lectures.heartbeat': [new Error('offline'), beat()] })
    open(lecture({ study: { minSessionSeconds: 30, maxBeatSeconds: 10, completeAt: 0.95 } }))
    // Beats half the maximum apart (5 s), so a failed one fits into the next.
    await advance(5_000)
    expect(beats().map((b) => b.seconds)).toEqual([5])
    await advance(30_000)
    const seconds = beats().map((b) => b.seconds)
    expect(seconds).toEqual([5, 10, 5, 5, 5, 5, 5])
    expect(Math.max(...seconds)).toBeLessThanOrEqual(10)
    // The failed five seconds were sent again: nothing on screen is lost.
    expect(seconds.slice(1).reduce((a, b) => a + b, 0)).toBe(35)
  })

  it('stops reporting once the function refuses for good (the lecture was withdrawn)', async () => {
    answer({ 'lectures.heartbeat': new CloudError('CONFLICT', '讲坛已撤回，不再记录学习') })
    open(lecture())
    await advance(60_000)
    expect(beats()).toHaveLength(1)
  })

  it('uses a new session id for each opening, and reports the rest on closing', async () => {
    const first = open(lecture())
    await advance(7_000)
    first.unmount()
    await advance(0)
    const second = open(lecture())
    await advance(15_000)

    expect(beats().map((b) => b.seconds)).toEqual([7, 15])
    expect(beats()[0].sessionId).toBe(first.result.current.sessionId)
    expect(beats()[1].sessionId).toBe(second.result.current.sessionId)
    expect(beats()[0].sessionId).not.toBe(beats()[1].sessionId)
  })

  it('never sends progress lower than what was recorded or sent before', async () => {
    const readings = [0.8, 0.2]
    const first = open(lecture({ my: study({ progress: 0.6 }) }), () => readings.shift() ?? 0.1)
    await advance(30_000)
    expect(beats().map((b) => b.progress)).toEqual([0.8, 0.8])
    first.unmount()

    resetCloud()
    answer({ 'lectures.heartbeat': beat() })
    open(lecture({ my: study({ progress: 0.9 }) }), () => 0.5)
    await advance(15_000)
    expect(beats().map((b) => b.progress)).toEqual([0.9])
  })

  it('says 已学完 when the function completes the lecture', async () => {
    answer({
      'lectures.heartbeat': beat({ progress: 1, studySeconds: 130, completed: true, justCompleted: true }),
    })
    const { result } = open(lecture(), () => 1)
    expect(result.current.completed).toBe(false)
    await advance(15_000)
    expect(result.current.completed).toBe(true)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已学完本讲坛' }))
  })

  it('counts nothing for a lecture that is not published (an editor’s preview)', async () => {
    const { result } = open(lecture({ status: 'draft' }))
    await advance(60_000)
    await act(() => firePageEvent('didHide'))
    expect(beats()).toHaveLength(0)
    expect(result.current.sessionSeconds).toBe(0)
  })
})
