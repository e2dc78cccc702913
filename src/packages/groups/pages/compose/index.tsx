import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { POST_LIMITS } from '@domain/groups'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { TextField } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import { PinToggle } from '@/features/groups/components/PinToggle'
import { useCompose } from '@/features/groups/hooks/use-compose'
import { useGroupSummary } from '@/features/groups/hooks/use-my-groups'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import './index.css'

export default function ComposePage() {
  const { params } = useRouter()
  const announcement = params.kind === 'announcement'
  const form = useCompose(params.groupId, announcement ? 'announcement' : 'post')
  // Only a group of one's own can be written to: say so before the person writes anything.
  const group = useGroupSummary(params.groupId)

  if (group.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void group.reload()} />
  if (group.error) {
    return <ErrorState title="无法发布" message={group.error.message} onRetry={() => void group.reload()} />
  }
  if (!group.data) return <LoadingState />

  return (
    <View className="compose-page">
      <Card title={announcement ? '发通知' : '发布动态'}>
        <TextField
          label={announcement ? '通知内容' : '内容'}
          required={announcement}
          multiline
          value={form.text}
          limit={POST_LIMITS.text}
          placeholder={
            announcement ? '写明通知事项、时间、地点和要求' : '分享工作进展、学习心得，也可以只发照片'
          }
          error={form.error}
          disabled={form.sending}
          onChange={form.setText}
        />
        <Text className="compose-page__label">照片（选填，最多 {POST_LIMITS.photos} 张）</Text>
        <PhotoPicker
          photos={form.photos}
          onChange={form.setPhotos}
          max={POST_LIMITS.photos}
          disabled={form.sending}
        />
        {announcement ? <PinToggle value={form.pin} onChange={form.setPin} disabled={form.sending} /> : null}
      </Card>
      {announcement ? (
        <Text className="compose-page__hint">
          组员在动态顶部看到置顶通知或打开通知即记为已读；发布后可在通知下方查看阅读情况。
        </Text>
      ) : null}
      <View className="compose-page__end" />
      <BottomBar>
        <View className="compose-page__bar">
          {form.progress ? <Text className="compose-page__progress">{form.progress}</Text> : null}
          <Button type="primary" block loading={form.sending} onClick={() => void form.send()}>
            {form.sending ? '正在发布…' : '发布'}
          </Button>
        </View>
      </BottomBar>
    </View>
  )
}
