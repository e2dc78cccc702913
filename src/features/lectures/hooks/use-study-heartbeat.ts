import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { HeartbeatResult, LectureDetail } from '@contract/api'
import { toCloudError } from '@/services/cloud-error'
import { newRequestId } from '@/services/request-id'
import { showSuccessToast } from '@/services/show-success-toast'
import { type HeartbeatInput, sendHeartbeat } from '../api/lectures'

/**
 * How often a heartbeat goes while the lecture is on screen; never more than half the rules' maximum apart,
 * so the seconds of a failed heartbeat fit into the following ones.
 */
export const BEAT_EVERY_SECONDS = 15
/** Failures worth trying again at the next heartbeat; any other refusal (withdrawn, not for me) ends counting. */
const RETRYABLE: ReadonlySet<string> = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL'])
const TICK_MS = 1000

export interface StudyHeartbeatOptions {
  /** The loaded lecture; nothing is counted before it arrives, or for one that is not published. */
  lecture: Pick<LectureDetail, 'id' | 'status' | 'study' | 'my'> | undefined
  /** How far the member is now, 0–1 (read at each heartbeat). */
  progress: () => number
  /** Seconds into the audio or video now, to resume there. */
  position: () => number
  /** The clock in ms; tests may pass their own (jest's fake timers also fake Date.now). */
  now?: () => number
  send?: (input: HeartbeatInput) => Promise<HeartbeatResult>
}

export interface StudyHeartbeat {
  /** This opening's id: every heartbeat of it carries it. */
  sessionId: string
  /** Foreground seconds of this opening so far, counted or not yet. */
  sessionSeconds: number
  /** Counted study time of the lecture, as the function last said. */
  studySeconds: number
  /** The furthest progress sent or recorded, 0–1. */
  progress: number
  completed: boolean
  /** True once the function has said so for this session (it passed the minimum session time). */
  sessionCounted: boolean
}

interface Clock {
  visible: boolean
  /** When the current foreground stretch began; null while paused. */
  since: number | null
  /** Foreground ms of the finished stretches. */
  foregroundMs: number
  /** Foreground ms already reported. */
  sentMs: number
  /** Foreground ms at the last heartbeat tried, sent or failed: the next waits a whole interval after it. */
  triedMs: number
  sentProgress: number
  /** The function refused for good: nothing more is sent. */
  refused: boolean
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0)

/**
 * Study time, as the function counts it (domain/lectures.ts): only foreground seconds, reported every
 * ~15 s, when the page hides and when it closes, never more than `study.maxBeatSeconds` at once, with one
 * session id per opening of the page. Showing again after a hide (a photo viewed full screen, the quiz, the
 * phone locked) continues the same session: a new one would have to reach the minimum time again. Progress
 * sent never goes back. A heartbeat lost to the network gives its seconds back to the next one.
 */
export function useStudyHeartbeat({
  lecture,
  progress,
  position,
  now = () => Date.now(),
  send = sendHeartbeat,
}: StudyHeartbeatOptions): StudyHeartbeat {
  const [sessionId] = useState(newRequestId)
  const [sessionSeconds, setSessionSeconds] = useState(0)
  const [result, setResult] = useState<HeartbeatResult>()
  const [visible, setVisible] = useState(true)

  const lectureId = lecture?.id
  const active = Boolean(lectureId) && lecture?.status === 'published'
  const maxBeat = lecture?.study.maxBeatSeconds ?? BEAT_EVERY_SECONDS
  const beatEvery = Math.max(1, Math.min(BEAT_EVERY_SECONDS, Math.floor(maxBeat / 2)))

  const clock = useRef<Clock>({
    visible: true,
    since: null,
    foregroundMs: 0,
    sentMs: 0,
    triedMs: 0,
    sentProgress: 0,
    refused: false,
  })
  const latest = useRef({ lectureId, active, maxBeat, progress, position, now, send })
  latest.current = { lectureId, active, maxBeat, progress, position, now, send }
  const queue = useRef<Promise<void>>(Promise.resolve())
  const mounted = useRef(true)

  const foregroundMs = useCallback(() => {
    const c = clock.current
    return c.foregroundMs + (c.since === null ? 0 : latest.current.now() - c.since)
  }, [])

  const pause = useCallback(() => {
    const c = clock.current
    if (c.since === null) return
    c.foregroundMs += latest.current.now() - c.since
    c.since = null
    if (mounted.current) setSessionSeconds(Math.floor(c.foregroundMs / 1000))
  }, [])

  const beat = useCallback(() => {
    const { lectureId: id, active: on, maxBeat: max, send: post } = latest.current
    const c = clock.current
    if (!id || !on || c.refused) return
    const ms = foregroundMs()
    c.triedMs = ms
    const seconds = Math.max(0, Math.min(max, Math.floor((ms - c.sentMs) / 1000)))
    const next = Math.max(c.sentProgress, clamp01(latest.current.progress()))
    if (seconds === 0 && next <= c.sentProgress) return
    c.sentMs += seconds * 1000
    c.sentProgress = next
    const payload: HeartbeatInput = {
      lectureId: id,
      sessionId,
      progress: next,
      position: Math.max(0, Math.floor(latest.current.position())),
      seconds,
    }
    // One at a time, in order: the function judges each heartbeat by the time since the previous one.
    queue.current = queue.current.then(async () => {
      try {
        const res = await post(payload)
        c.sentProgress = Math.max(c.sentProgress, res.progress)
        if (mounted.current) setResult(res)
        if (res.justCompleted) showSuccessToast('已学完本讲坛')
      } catch (e) {
        c.sentMs -= seconds * 1000
        if (!RETRYABLE.has(toCloudError(e).code)) c.refused = true
      }
    })
  }, [foregroundMs, sessionId])

  useDidHide(() => {
    clock.current.visible = false
    pause()
    beat()
    setVisible(false)
  })
  useDidShow(() => {
    clock.current.visible = true
    setVisible(true)
  })

  // What the record already holds is where progress starts: never send less.
  const recorded = lecture?.my?.progress ?? 0
  useEffect(() => {
    clock.current.sentProgress = Math.max(clock.current.sentProgress, recorded)
  }, [recorded])

  // Counting runs only while the lecture is on screen; the ticker stops when it hides.
  useEffect(() => {
    if (!active || !visible || !clock.current.visible) return
    const c = clock.current
    if (c.since === null) c.since = latest.current.now()
    const timer = setInterval(() => {
      const ms = foregroundMs()
      setSessionSeconds(Math.floor(ms / 1000))
      if (ms - c.triedMs >= beatEvery * 1000) beat()
    }, TICK_MS)
    return () => {
      clearInterval(timer)
      pause()
    }
  }, [active, visible, beatEvery, beat, foregroundMs, pause, lectureId])

  // Closing the lecture reports what is left.
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      pause()
      beat()
    }
  }, [beat, pause])

  const my = lecture?.my
  return {
    sessionId,
    sessionSeconds,
    studySeconds: Math.max(result?.studySeconds ?? 0, my?.studySeconds ?? 0),
    progress: Math.max(result?.progress ?? 0, my?.progress ?? 0),
    completed: Boolean(result?.completed || my?.completed),
    sessionCounted: result?.sessionCounted ?? false,
  }
}
