import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { RequestPending } from '@/components/RequestPending'
import { Notice } from '@/components/Notice'
import { TextField, paragraph } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import { SUMMARY_LIMIT, useAcceptanceRequest } from '@/features/acceptance/hooks/use-acceptance-request'
import './index.css'

export default function AcceptancePage() {
  const { params } = useRouter()
  const form = useAcceptanceRequest(params.id)
  const detail = form.project.data

  if (!detail) {
    return <RequestPending request={form.project} />
  }

  return (
    <View className="acceptance-page">
      <Card title="结题项目">
        <Text className="card__subject">{detail.title}</Text>
        <Text className="acceptance-page__meta">
          {detail.branchName} · 当前进度 {Math.round(detail.progress)}%
        </Text>
      </Card>
      {!form.allowed ? <Notice tone="info" title="当前状态不能申请结题" /> : null}
      <Card title="结题总结">
        <TextField
          {...paragraph('结题总结', SUMMARY_LIMIT, '项目做了什么、完成情况、取得的成效和群众反映')}
          value={form.summary}
          error={form.error}
          disabled={!form.allowed}
          onChange={form.setSummary}
        />
      </Card>
      <Card title="佐证材料（照片，选填，最多 9 张）">
        <PhotoPicker
          photos={form.photos}
          onChange={form.setPhotos}
          disabled={!form.allowed || form.sending}
        />
      </Card>
      {form.allowed ? (
        <BottomBar>
          <View className="acceptance-page__bar">
            {form.progress ? <Text className="acceptance-page__progress">{form.progress}</Text> : null}
            <Button type="primary" block loading={form.sending} onClick={() => void form.send()}>
              提交结题申请
            </Button>
          </View>
        </BottomBar>
      ) : null}
    </View>
  )
}
