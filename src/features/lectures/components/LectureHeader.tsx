import { Text, View } from '@tarojs/components'
import type { LectureDetail } from '@contract/api'
import { DUE_STATE_LABELS, LECTURE_STATUS_LABELS, MEDIA_KIND_LABELS } from '@domain/labels'
import { deadlineWords } from '../study-words'
import '@/components/list-card'
import './lecture-header.css'

export interface LectureHeaderProps {
  lecture: LectureDetail
}

const audienceWords = (a: LectureDetail['audience']): string =>
  a.scope === 'company' ? '全公司' : a.branches.map((b) => b.name).join('、')

/** Title, speaker, publisher and audience, and for a required lecture its deadline and where it stands. */
export function LectureHeader({ lecture: l }: LectureHeaderProps) {
  const due = l.dueState && l.dueState !== 'no_deadline' ? DUE_STATE_LABELS[l.dueState] : null
  return (
    <View className="lecture-header">
      <View className="list-card__tag lecture-header__tags">
        {l.required ? (
          <Text className="list-card__tag lecture-header__tag lecture-header__tag--required">必学</Text>
        ) : null}
        {l.media ? (
          <Text className="list-card__tag lecture-header__tag">{MEDIA_KIND_LABELS[l.media.kind]}</Text>
        ) : null}
        {l.quiz ? <Text className="list-card__tag lecture-header__tag">含测验</Text> : null}
        {l.status !== 'published' ? (
          <Text className="list-card__tag lecture-header__tag lecture-header__tag--status">
            {LECTURE_STATUS_LABELS[l.status]}
          </Text>
        ) : null}
      </View>
      <Text className="lecture-header__title">{l.title || '未命名讲坛'}</Text>
      {l.speaker ? <Text className="lecture-header__line">主讲：{l.speaker}</Text> : null}
      <Text className="lecture-header__line">发布：{l.publisherName}</Text>
      <Text className="lecture-header__line">面向：{audienceWords(l.audience)}</Text>
      {l.required ? (
        <Text
          className={`lecture-header__line lecture-header__due${l.dueState === 'overdue' ? ' lecture-header__due--overdue' : ''}`}
        >
          {deadlineWords(l)}
          {due ? ` · ${due}` : ''}
        </Text>
      ) : null}
      {l.summary ? <Text className="lecture-header__summary">{l.summary}</Text> : null}
    </View>
  )
}
