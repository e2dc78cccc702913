import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { FOLLOW_UP_STATUS_LABELS, SUPERVISION_METHOD_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { PhotoGrid } from '@/components/PhotoGrid'
import { TextField, paragraph } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import { NOTE_LIMIT, useRecord } from '@/features/supervision/hooks/use-record'
import { OVERDUE_WORD } from '@/features/supervision/words'
import '../../admin.css'

/** One 督导记录: the contact, its findings and photos, and each follow-up (its owner closes it here). */
export default function RecordPage() {
  const { params } = useRouter()
  const page = useRecord(params.id)
  usePullDownRefresh(() => void page.record.reload().finally(() => Taro.stopPullDownRefresh()))
  const r = page.record.data
  if (!r)
    return page.record.error ? (
      <ErrorState message={page.record.error.message} onRetry={() => void page.record.reload()} />
    ) : (
      <LoadingState text="正在加载督导记录…" />
    )
  return (
    <View className="admin-page">
      <Card title={`${SUPERVISION_METHOD_LABELS[r.method]} · ${r.branchName}`} extra={`${r.date} ${r.time}`}>
        <Text className="admin-meta">
          督导人 {r.supervisorName} · 联系 {r.contactName}
          {r.projectTitle ? ` · 项目：${r.projectTitle}` : ''}
        </Text>
        {r.mergedNote ? <Text className="admin-meta">{r.mergedNote}</Text> : null}
        <Text className="admin-title">{r.findings}</Text>
        <PhotoGrid files={r.photos} />
      </Card>
      <Card title="跟进事项" extra={r.followUps.length === 0 ? '无' : undefined}>
        {r.followUps.map((f) => (
          <View key={f.id} className="admin-followup">
            <View className="admin-row">
              <View className="admin-row__main">
                <Text className="admin-row__title">{f.text}</Text>
                <Text className="admin-row__sub">
                  责任人 {f.owner.name} · 时限 {f.deadline}
                  {f.overdue ? ` · ${OVERDUE_WORD}` : ''}
                </Text>
              </View>
              <Text className={`admin-word${f.status === 'closed' ? ' admin-word--done' : ''}`}>
                {FOLLOW_UP_STATUS_LABELS[f.status]}
              </Text>
            </View>
            {f.status === 'closed' ? (
              <View>
                <Text className="admin-meta">完成情况：{f.note}</Text>
                <PhotoGrid files={f.photos} />
              </View>
            ) : null}
            {f.canClose ? (
              <View>
                <TextField
                  {...paragraph('完成情况', NOTE_LIMIT, '写明落实了什么，附上照片佐证')}
                  value={page.note}
                  error={page.error}
                  onChange={page.setNote}
                />
                <PhotoPicker photos={page.photos} onChange={page.setPhotos} disabled={page.sending} />
                {page.progress ? <Text className="admin-meta">{page.progress}</Text> : null}
                <View className="admin-actions">
                  <Button type="primary" loading={page.sending} onClick={() => void page.close(f.id)}>
                    提交完成情况
                  </Button>
                </View>
              </View>
            ) : null}
          </View>
        ))}
      </Card>
    </View>
  )
}
