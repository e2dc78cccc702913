import { View, Text } from '@tarojs/components'
import type { MilestoneRecordView } from '@contract/api'
import { MILESTONE_ACTION_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { timeText } from '@domain/time'
import './review-history.css'

export interface ReviewHistoryProps {
  /** Newest first. */
  history: MilestoneRecordView[]
  /** The round on screen above: its description is not repeated here. */
  currentRound: number
}

/** 审批记录: every round's submission and decision, who and when, with the comment. */
export function ReviewHistory({ history, currentRound }: ReviewHistoryProps) {
  return (
    <Card title="审批记录" extra={`${history.length} 条`}>
      {history.length === 0 ? <Text className="review-history__none">还没有审批记录</Text> : null}
      {history.map((r) => (
        <View key={r.id} className="review-history__item">
          <View className="review-history__head">
            <Text className={`review-history__action review-history__action--${r.action}`}>
              {MILESTONE_ACTION_LABELS[r.action]}
            </Text>
            <Text className="review-history__round">第 {r.round} 轮</Text>
            <Text className="review-history__time">{timeText(r.at)}</Text>
          </View>
          <Text className="review-history__who">{r.actorName}</Text>
          {r.action === 'submit' && r.round !== currentRound && r.description ? (
            <Text className="review-history__text">完成情况：{r.description}</Text>
          ) : null}
          {r.action === 'submit' && r.round !== currentRound ? (
            <Text className="review-history__who">佐证材料 {r.evidence.length} 件</Text>
          ) : null}
          {r.comment ? <Text className="review-history__text">意见：{r.comment}</Text> : null}
        </View>
      ))}
    </Card>
  )
}
