import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide } from '@tarojs/taro'

export interface AudioPlayerState {
  playing: boolean
  /** Whole seconds played. */
  position: number
  /** Whole seconds long; the lecture's stated length until the player knows better. */
  duration: number | null
  /** Buffering after play was pressed. */
  waiting: boolean
  error: string | null
  toggle: () => void
  /** Seconds from the start. */
  seek: (seconds: number) => void
}

type AudioContext = ReturnType<typeof Taro.createInnerAudioContext>

/**
 * One lecture's audio through the WeChat player (an <audio> element on H5): play and pause, position and
 * length, resuming where the member left off. It pauses when the page hides: time away is not study time.
 */
export function useAudioPlayer(
  src: string | null,
  resumeAt: number,
  knownDuration: number | null,
): AudioPlayerState {
  const [playing, setPlaying] = useState(false)
  // Read once, when the player is made: a reload of the lecture must not jump the audio back. Near the
  // end it starts again from the top rather than resume into silence.
  const [startAt] = useState(() => (!knownDuration || resumeAt < knownDuration - 2 ? resumeAt : 0))
  const [position, setPosition] = useState(() => Math.floor(startAt))
  const [duration, setDuration] = useState<number | null>(knownDuration)
  const [waiting, setWaiting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ctx = useRef<AudioContext | null>(null)

  useEffect(() => {
    if (!src) return
    const audio = Taro.createInnerAudioContext()
    audio.src = src
    audio.startTime = startAt
    const stopped = () => {
      setPlaying(false)
      setWaiting(false)
    }
    audio.onPlay(() => {
      setPlaying(true)
      setWaiting(false)
      setError(null)
    })
    audio.onPause(stopped)
    audio.onStop(stopped)
    audio.onEnded(() => {
      stopped()
      setPosition((p) => Math.max(p, Math.floor(audio.duration || knownDuration || p)))
    })
    audio.onWaiting(() => setWaiting(true))
    audio.onTimeUpdate(() => {
      setPosition(Math.floor(audio.currentTime))
      if (audio.duration > 0) setDuration(Math.round(audio.duration))
    })
    audio.onError(() => {
      stopped()
      setError('音频加载失败，请检查网络后重试')
    })
    ctx.current = audio
    return () => {
      ctx.current = null
      audio.destroy()
    }
  }, [src, knownDuration, startAt])

  useDidHide(() => ctx.current?.pause())

  return {
    playing,
    position,
    duration,
    waiting,
    error,
    toggle: () => {
      const audio = ctx.current
      if (!audio) return
      if (playing) audio.pause()
      else {
        setWaiting(true)
        audio.play()
      }
    },
    seek: (seconds) => {
      ctx.current?.seek(seconds)
      setPosition(Math.floor(seconds))
    },
  }
}
