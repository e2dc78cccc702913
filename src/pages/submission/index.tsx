import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { MilestoneStatus } from '@contract/entities'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { PhotoGrid } from '@/components/PhotoGrid'
import { CheckinCard } from '@/features/checkin/components/CheckinCard'
import { useSubmission } from '@/features/checkin/hooks/use-submission'
import { timeText } from '@domain/time'
import { MilestoneStatusWord } from '@/features/projects'
import { CommentSheet } from '@/features/projects/components/CommentSheet'
import { FiveClearCard } from './components/FiveClearCard'
import { ReviewHistory } from './components/ReviewHistory'
import '@/components/list-card'
import './index.css'

/** Why there is nothing to decide, when the caller may not approve or return it. */
const NO_DECISION: Record<MilestoneStatus, string> = {
  open: '尚未提交成果，暂不需要审批',
  submitted: '此里程碑不由你审批',
  approved: '此里程碑已审核通过',
  returned: '此里程碑已退回，等待责任人重新提交',
}

export default function SubmissionPage() {
  const { params } = useRouter()
  const submission = useSubmission(params.id)
  const { detail } = submission

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const data = detail.data
  if (!data) {
    return (
      <View className="submission-page">
        {detail.error ? (
          <ErrorState title="加载失败" message={detail.error.message} onRetry={() => void detail.reload()} />
        ) : (
          <LoadingState text="正在加载里程碑…" />
        )}
      </View>
    )
  }

  const { milestone, project, task, checkins, history } = data
  const deciding = submission.canApprove || submission.canReturn

  return (
    <View className="submission-page">
      <View className="submission-page__head">
        <View className="submission-page__title-row list-card__head">
          <Text className="submission-page__title list-card__title">{milestone.title}</Text>
          <MilestoneStatusWord status={milestone.status} />
        </View>
        <Text className="submission-page__meta">
          项目：{project.title}（{project.branchName}）
        </Text>
        <Text className="submission-page__meta">任务：{task.title}</Text>
        {milestone.round > 1 ? (
          <Text className="submission-page__round list-card__tag">第 {milestone.round} 次提交</Text>
        ) : null}
      </View>

      {!deciding ? <Notice tone="info" title={NO_DECISION[milestone.status]} /> : null}

      <FiveClearCard milestone={milestone} />

      <Card title="提交的成果">
        {milestone.submittedBy || milestone.submittedAt ? (
          <Text className="submission-page__by">
            {milestone.submittedBy?.name ?? '责任人'}
            {milestone.submittedAt ? ` 提交于 ${timeText(milestone.submittedAt)}` : ''}
          </Text>
        ) : (
          <Text className="submission-page__muted">尚未提交</Text>
        )}
        <Text className="submission-page__label">完成情况</Text>
        <Text className="submission-page__text">{milestone.description || '未填写'}</Text>
        <Text className="submission-page__label">佐证材料（{milestone.evidence.length}）</Text>
        <PhotoGrid files={milestone.evidence} emptyText="未上传佐证材料" />
      </Card>

      <Card title="打卡写实" extra={`共 ${task.checkins} 条`}>
        {checkins.length === 0 ? (
          <Text className="submission-page__muted">该任务还没有打卡记录</Text>
        ) : (
          checkins.map((c) => <CheckinCard key={c.id} checkin={c} showProject={false} />)
        )}
        {task.checkins > checkins.length ? (
          <Text className="submission-page__muted">仅显示最近 {checkins.length} 条</Text>
        ) : null}
      </Card>

      <ReviewHistory history={history} currentRound={milestone.round} />
      <View className="submission-page__end" />

      {deciding ? (
        <BottomBar>
          {submission.canReturn ? (
            <Button type="default" disabled={submission.busy} onClick={submission.openReturn}>
              退回
            </Button>
          ) : null}
          {submission.canApprove ? (
            <Button type="primary" disabled={submission.busy} onClick={() => void submission.approve()}>
              通过
            </Button>
          ) : null}
        </BottomBar>
      ) : null}

      {submission.returning ? (
        <CommentSheet
          title="退回里程碑"
          placeholder="请写明哪里未达到质量标准、需要补充什么"
          confirmText="确认退回"
          busy={submission.busy}
          onCancel={submission.closeReturn}
          onConfirm={(comment) => void submission.sendBack(comment)}
        />
      ) : null}
    </View>
  )
}
