import { Image, Text, View } from '@tarojs/components'
import type { LectureListItem } from '@contract/api'
import { DUE_STATE_LABELS, LECTURE_STATUS_LABELS, MEDIA_KIND_LABELS } from '@domain/labels'
import { fileUrl } from '@/services/file-url'
import { deadlineWords, progressWord } from '../study-words'
import '@/components/list-card'
import './lecture-card.css'

export interface LectureCardProps {
  lecture: LectureListItem
  /** The editors' view (我发布的): the lecture's state instead of my study of it. */
  manage?: boolean
  onClick: (lecture: LectureListItem) => void
}

/** Where a required lecture's deadline stands, in words; once I finished it the progress word says so. */
function dueWords(l: LectureListItem): string {
  const deadline = deadlineWords(l)
  return l.dueState && l.dueState !== 'done' && l.dueState !== 'no_deadline'
    ? `${deadline} · ${DUE_STATE_LABELS[l.dueState]}`
    : deadline
}

/** One lecture in 微讲坛: what it is, who speaks, what it holds, and how far I am. */
export function LectureCard({ lecture: l, manage = false, onClick }: LectureCardProps) {
  const mine = progressWord(l.my, l.hasQuiz)
  const done = l.my?.completed ?? false
  return (
    <View
      className={`lecture-card list-card list-card--barred${l.dueState === 'overdue' && !manage ? ' lecture-card--overdue list-card--flagged' : ''}`}
      ariaRole="link"
      ariaLabel={l.title || '未命名讲坛'}
      onClick={() => onClick(l)}
    >
      <View className="lecture-card__tags">
        {l.required ? <Text className="lecture-card__tag lecture-card__tag--required">必学</Text> : null}
        {l.mediaKind ? <Text className="lecture-card__tag">{MEDIA_KIND_LABELS[l.mediaKind]}</Text> : null}
        {l.hasQuiz ? <Text className="lecture-card__tag">含测验</Text> : null}
        {manage || l.status !== 'published' ? (
          <Text className={`lecture-card__status lecture-card__status--${l.status}`}>
            {LECTURE_STATUS_LABELS[l.status]}
          </Text>
        ) : null}
      </View>
      <View className="lecture-card__main">
        <View className="lecture-card__text">
          <Text className="lecture-card__title">{l.title || '未命名讲坛'}</Text>
          {l.speaker ? <Text className="lecture-card__speaker">主讲：{l.speaker}</Text> : null}
          {l.summary ? <Text className="lecture-card__summary">{l.summary}</Text> : null}
        </View>
        {l.cover ? <Image className="lecture-card__cover" src={fileUrl(l.cover)} mode="aspectFill" /> : null}
      </View>
      <View className="lecture-card__foot list-card__foot">
        <Text className="lecture-card__meta">
          {l.publisherName}
          {l.required ? ` · ${dueWords(l)}` : ''}
        </Text>
        {manage ? null : (
          <Text className={`lecture-card__mine${done ? ' lecture-card__mine--done' : ''}`}>
            {done ? `✓ ${mine}` : mine}
          </Text>
        )}
      </View>
    </View>
  )
}
