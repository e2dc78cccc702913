import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useAudioPlayer } from '../hooks/use-audio-player'
import { clockText, percentOf } from '../study-words'
import './audio-player-bar.css'

export interface AudioPlayerBarProps {
  /** What the player can load (fileUrl of the cloud file). */
  src: string
  /** Where the member stopped last time, in seconds. */
  resumeAt: number
  /** The length the editor's upload reported, if any. */
  knownDuration: number | null
  /** Where the audio is, each time it moves a whole second: the page's progress and resume position. */
  onProgress: (position: number, duration: number | null) => void
}

/** The lecture's audio: one big 播放 / 暂停 button (in words), where it is and how long it runs. */
export function AudioPlayerBar({ src, resumeAt, knownDuration, onProgress }: AudioPlayerBarProps) {
  const player = useAudioPlayer(src, resumeAt, knownDuration)
  const { playing, position, duration, waiting, error } = player
  useEffect(() => onProgress(position, duration), [position, duration, onProgress])

  const percent = duration ? percentOf(position / duration) : 0
  const label = playing ? '暂停' : position > 0 ? '继续播放' : '播放'
  return (
    <View className="audio-player">
      <View className="audio-player__row">
        <View
          className={`audio-player__button${playing ? ' audio-player__button--playing' : ''}`}
          ariaRole="button"
          ariaLabel={label}
          onClick={player.toggle}
        >
          <Text className="audio-player__icon">{playing ? '❚❚' : '▶'}</Text>
          <Text className="audio-player__label">{label}</Text>
        </View>
        <View className="audio-player__body">
          <Text className="audio-player__title">{waiting && !playing ? '音频缓冲中…' : '音频讲解'}</Text>
          <View className="audio-player__track">
            <View className="audio-player__fill" style={{ width: `${percent}%` }} />
          </View>
          <Text className="audio-player__time">
            {clockText(position)} / {duration ? clockText(duration) : '--:--'}
          </Text>
        </View>
      </View>
      {error ? <Text className="audio-player__error">{error}</Text> : null}
    </View>
  )
}
