import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PROPOSAL_LIMITS } from '@domain/proposal'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { PhotoGrid } from '@/components/PhotoGrid'
import { RequestPending } from '@/components/RequestPending'
import { Notice } from '@/components/Notice'
import { TextField, optionalParagraph } from '@/components/TextField'
import { AcceptanceMethodsCard } from '@/features/acceptance/components/AcceptanceMethodsCard'
import { RubricScoreRow } from '@/features/acceptance/components/RubricScoreRow'
import { useAcceptanceMethods } from '@/features/acceptance/hooks/use-acceptance-methods'
import { ScoreTotal } from '@/features/acceptance/components/ScoreTotal'
import { useReview } from '@/features/acceptance/hooks/use-review'
import './index.css'

export default function ReviewPage() {
  const { params } = useRouter()
  const review = useReview(params.id)
  const methods = useAcceptanceMethods(params.id, review.project.reload)
  const detail = review.project.data

  if (!detail) {
    return <RequestPending request={review.project} />
  }
  const deciding = review.canAccept || review.canReturn

  return (
    <View className="review-page">
      <Card title="结题申请">
        <Text className="card__subject">{detail.title}</Text>
        <Text className="review-page__meta">
          {detail.branchName} · 进度 {Math.round(detail.progress)}%
          {detail.rating.count > 0
            ? ` · 群众满意度 ${detail.rating.average} 分（${detail.rating.count} 人）`
            : ''}
        </Text>
        <Text className="review-page__summary">{detail.acceptance?.summary || '未填写结题总结'}</Text>
        <PhotoGrid files={detail.acceptance?.evidence ?? []} emptyText="未附佐证材料" />
      </Card>
      {!deciding ? <Notice tone="info" title="当前状态不能验收评分" /> : null}
      <AcceptanceMethodsCard
        recorded={detail.acceptanceMethods}
        form={review.canAccept ? methods : undefined}
        satisfaction={
          detail.rating.count > 0
            ? `群众满意度 ${detail.rating.average} 分，${detail.rating.count} 人评价`
            : '暂无群众满意度评价'
        }
      />
      {review.canAccept && detail.acceptanceMethods.length === 0 ? (
        <Notice tone="info" title="验收通过前，请至少记录一种验收方式：听取汇报、调查走访或察看现场" />
      ) : null}
      <Card title="评分表">
        {review.rubric.map((item) => (
          <RubricScoreRow
            key={item.key}
            item={item}
            value={review.inputs[item.key] ?? ''}
            disabled={!review.canAccept}
            onChange={(text) => review.setScore(item.key, text)}
          />
        ))}
        <ScoreTotal rubric={review.rubric} result={review.result} />
      </Card>
      <Card title="验收意见">
        <TextField
          {...optionalParagraph('意见', PROPOSAL_LIMITS.comment, '验收通过可选填评语；退回整改必须写明问题')}
          value={review.comment}
          error={review.commentError}
          disabled={!deciding}
          onChange={review.setComment}
        />
      </Card>
      {deciding ? (
        <BottomBar>
          {review.canReturn ? (
            <Button type="default" disabled={review.busy} onClick={() => void review.sendBack()}>
              退回整改
            </Button>
          ) : null}
          {review.canAccept ? (
            <Button type="primary" disabled={review.busy} onClick={() => void review.accept()}>
              验收通过
            </Button>
          ) : null}
        </BottomBar>
      ) : null}
    </View>
  )
}
