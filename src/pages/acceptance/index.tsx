import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { TextField } from '@/components/TextField'
import { SUMMARY_LIMIT, useAcceptanceRequest } from '@/features/acceptance/hooks/use-acceptance-request'
import './index.css'

export default function AcceptancePage() {
  const { params } = useRouter()
  const form = useAcceptanceRequest(params.id)
  const detail = form.project.data

  if (!detail) {
    return form.project.error ? (
      <ErrorState message={form.project.error.message} onRetry={() => void form.project.reload()} />
    ) : (
      <LoadingState />
    )
  }

  return (
    <View className="acceptance-page">
      <Card title="结题项目">
        <Text className="acceptance-page__title">{detail.title}</Text>
        <Text className="acceptance-page__meta">
          {detail.branchName} · 当前进度 {Math.round(detail.progress)}%
        </Text>
      </Card>
      {!form.allowed ? <Notice tone="info" title="当前状态不能申请结题" /> : null}
      <Card title="结题总结">
        <TextField
          label="结题总结"
          required
          multiline
          value={form.summary}
          limit={SUMMARY_LIMIT}
          placeholder="项目做了什么、完成情况、取得的成效和群众反映"
          error={form.error}
          disabled={!form.allowed}
          onChange={form.setSummary}
        />
      </Card>
      <Card title="佐证材料">
        <Text className="acceptance-page__note">
          暂不支持上传附件。照片和文件上传将在后续版本提供，请先在总结中写明佐证材料。
        </Text>
      </Card>
      {form.allowed ? (
        <BottomBar>
          <Button type="primary" loading={form.sending} onClick={() => void form.send()}>
            提交结题申请
          </Button>
        </BottomBar>
      ) : null}
    </View>
  )
}
