import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { RequestPending } from '@/components/RequestPending'
import { TextField, paragraph } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import {
  CHECKIN_PHOTO_LABEL,
  CHECKIN_PHOTO_LIMIT,
  CHECKIN_TEXT_LIMIT,
  useCheckinForm,
} from '@/features/checkin/hooks/use-checkin-form'
import { PickerRow } from '@/features/plan/components/PickerRow'
import './index.css'

export default function CheckinNewPage() {
  const { params } = useRouter()
  const form = useCheckinForm({
    projectId: params.projectId,
    taskId: params.taskId,
    milestoneId: params.milestoneId,
  })
  const item = form.item.data

  if (!item) {
    return <RequestPending request={form.item} errorTitle="无法打卡" loadingText="正在加载任务…" />
  }

  return (
    <View className="checkin-new">
      <Card title="打卡任务">
        <Text className="checkin-new__title">{item.milestone?.title ?? item.task.title}</Text>
        <Text className="checkin-new__meta">
          {item.project.title}
          {item.milestone ? ` · 任务：${item.task.title}` : ''}
        </Text>
      </Card>
      <Card title="写实">
        <TextField
          {...paragraph('做了什么', CHECKIN_TEXT_LIMIT, '写下今天为这项任务做了什么、效果如何')}
          value={form.text}
          error={form.error}
          onChange={form.setText}
        />
        <Text className="checkin-new__label">{CHECKIN_PHOTO_LABEL}</Text>
        <PhotoPicker
          photos={form.photos}
          onChange={form.setPhotos}
          max={CHECKIN_PHOTO_LIMIT}
          disabled={form.sending}
        />
      </Card>
      <Card title="时间和地点">
        <Picker
          mode="date"
          value={form.at.format('YYYY-MM-DD')}
          start={form.range.start}
          end={form.range.end}
          onChange={(e) => form.setDay(String(e.detail.value))}
        >
          <PickerRow label="日期" value={form.at.format('YYYY-MM-DD')} placeholder="请选择日期" />
        </Picker>
        <Picker
          mode="time"
          value={form.at.format('HH:mm')}
          onChange={(e) => form.setTime(String(e.detail.value))}
        >
          <PickerRow label="时间" value={form.at.format('HH:mm')} placeholder="请选择时间" />
        </Picker>
        {process.env.TARO_ENV === 'weapp' ? (
          <View onClick={() => void form.chooseLocation()}>
            <PickerRow label="地点（选填）" value={form.place?.name ?? null} placeholder="选择打卡地点" />
          </View>
        ) : null}
        {form.place ? (
          <Text className="checkin-new__clear" onClick={() => form.setPlace(null)}>
            不记录地点
          </Text>
        ) : null}
      </Card>
      <View className="checkin-new__end" />
      <BottomBar>
        <Button type="primary" block loading={form.sending} onClick={() => void form.send()}>
          {form.sending ? '正在提交…' : '提交打卡'}
        </Button>
      </BottomBar>
    </View>
  )
}
