import { View, Text } from '@tarojs/components'
import type { MilestoneRecordView } from '@contract/api'
import type { MilestoneAction } from '@contract/entities'
import { MILESTONE_ACTION_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { timeText } from '@domain/time'
import '@/components/list-card'
import './review-history.css'

export interface ReviewHistoryProps {
  /** Newest first. */
  history: MilestoneRecordView[]
  /** The round on screen above: its description is not repeated here. */
  currentRound: number
}

/** How each step reads at a glance: a submission waits (amber), an approval is green, a return red. */
const TONE: Record<MilestoneAction, string> = { submit: 'warn', approve: 'good', return: 'bad' }

/** 审批记录: every round's submission and decision, who and when, with the comment. */
export function ReviewHistory({ history, currentRound }: ReviewHistoryProps) {
  return (
    <Card title="审批记录" extra={`${history.length} 条`}>
      {history.length === 0 ? <Text className="review-history__none">还没有审批记录</Text> : null}
      {history.map((r) => (
        <View key={r.id} className="review-history__item list-card__entry">
          <View className="review-history__head">
            <Text className={`review-history__action list-card__tag list-card__tag--${TONE[r.action]}`}>
              {MILESTONE_ACTION_LABELS[r.action]}
            </Text>
            <Text className="review-history__round">第 {r.round} 轮</Text>
            <Text className="review-history__time">{timeText(r.at)}</Text>
          </View>
          <Text className="review-history__who">{r.actorName}</Text>
          {r.action === 'submit' && r.round !== currentRound && r.description ? (
            <Text className="review-history__text list-card__quote">完成情况：{r.description}</Text>
          ) : null}
          {r.action === 'submit' && r.round !== currentRound ? (
            <Text className="review-history__who">佐证材料 {r.evidence.length} 件</Text>
          ) : null}
          {r.comment ? (
            <Text className="review-history__text list-card__quote">意见：{r.comment}</Text>
          ) : null}
        </View>
      ))}
    </Card>
  )
}
