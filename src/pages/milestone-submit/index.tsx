import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { DUE_STATE_LABELS } from '@domain/labels'
import { FIVE_CLEAR } from '@domain/plan'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { RequestPending } from '@/components/RequestPending'
import { Notice } from '@/components/Notice'
import { TextField, paragraph } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import { DESCRIPTION_LIMIT, useMilestoneSubmit } from '@/features/checkin/hooks/use-milestone-submit'
import './index.css'

export default function MilestoneSubmitPage() {
  const { params } = useRouter()
  const form = useMilestoneSubmit(params.id)
  const detail = form.milestone.data

  if (!detail) {
    return (
      <RequestPending request={form.milestone} errorTitle="里程碑加载失败" loadingText="正在加载里程碑…" />
    )
  }
  const m = detail.milestone
  const row = (label: string, value: string) => (
    <View className="milestone-submit__row">
      <Text className="milestone-submit__label">{label}</Text>
      <Text className="milestone-submit__value">{value}</Text>
    </View>
  )

  return (
    <View className="milestone-submit">
      {m.status === 'returned' && m.lastComment ? <Notice title="退回意见" items={[m.lastComment]} /> : null}
      {!form.allowed ? <Notice tone="info" title="这个里程碑当前不能提交" /> : null}
      <Card title="里程碑">
        <Text className="milestone-submit__title">{m.title}</Text>
        <Text className="milestone-submit__meta">
          {detail.project.title} · 任务：{detail.task.title}
        </Text>
        {row(FIVE_CLEAR.weight, `${m.weight}%`)}
        {row(FIVE_CLEAR.deadline, m.deadline ? `${m.deadline}（${DUE_STATE_LABELS[m.dueState]}）` : '未定')}
        {row(FIVE_CLEAR.qualityStandard, m.qualityStandard)}
        {row(FIVE_CLEAR.expectedGoal, m.expectedGoal)}
        {row('打卡写实', `${m.checkins} 次`)}
      </Card>
      {form.allowed ? (
        <>
          <Card title="完成情况">
            <TextField
              {...paragraph('完成情况', DESCRIPTION_LIMIT, '对照质量标准和预期目标，写明完成了什么')}
              value={form.description}
              error={form.error}
              onChange={form.setDescription}
            />
          </Card>
          <Card title="佐证材料（照片，选填）">
            <PhotoPicker photos={form.photos} onChange={form.setPhotos} disabled={form.sending} />
          </Card>
          <View className="milestone-submit__end" />
          <BottomBar>
            <View className="milestone-submit__bar">
              {form.progress ? <Text className="milestone-submit__progress">{form.progress}</Text> : null}
              <Button type="primary" block loading={form.sending} onClick={() => void form.send()}>
                {m.status === 'returned' ? '重新提交审核' : '提交审核'}
              </Button>
            </View>
          </BottomBar>
        </>
      ) : null}
    </View>
  )
}
