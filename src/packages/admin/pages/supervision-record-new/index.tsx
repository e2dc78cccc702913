import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { SUPERVISION_METHODS } from '@contract/entities'
import type { SupervisionMethod } from '@contract/entities'
import { SUPERVISION_METHOD_LABELS } from '@domain/labels'
import { isCommittee } from '@domain/roles'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { TextField, paragraph, optionalParagraph } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import {
  FINDINGS_LIMIT,
  FOLLOW_UP_LIMIT,
  NO_BRANCH,
  useRecordForm,
} from '@/features/supervision/hooks/use-record-form'
import { routes } from '@/routes'
import '../../admin.css'
import { PickerRow } from '@/packages/admin/components/PickerRow'

const isMethod = (m: string | undefined): m is SupervisionMethod =>
  (SUPERVISION_METHODS as readonly string[]).includes(m ?? '')

/**
 * 记录督导: only the committee's supervisors record (as `supervision.createRecord` allows); anyone else is told so
 * before any form is shown. A link without its branch says so first.
 */
export default function NewRecordPage() {
  const { params } = useRouter()
  const me = useMe()
  if (!params.branchId) return <ErrorState title="无法记录" message={NO_BRANCH} />
  if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
  if (!me.data)
    return me.error ? (
      <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
    ) : (
      <LoadingState />
    )
  if (!isCommittee(me.data))
    return (
      <View className="admin-page">
        <ErrorState title="没有权限" message="督导记录只有党委联系指导人可以记录，支部可在分片督导里查看" />
      </View>
    )
  return <RecordForm />
}

/** One contact with a branch — how, when, whom, what was found, photos and follow-ups. */
function RecordForm() {
  const { params } = useRouter()
  const form = useRecordForm({
    branchId: params.branchId ?? '',
    method: isMethod(params.method) ? params.method : undefined,
    contactId: params.contactId,
    time: params.time,
  })
  const people = form.members.data
  if (!people)
    return form.members.error ? (
      <ErrorState message={form.members.error.message} onRetry={() => void form.members.reload()} />
    ) : (
      <LoadingState text="正在加载支部人员…" />
    )
  const names = people.map((m) => m.name)
  const indexOf = (id: string) =>
    Math.max(
      0,
      people.findIndex((m) => m.id === id),
    )
  const save = async () => {
    const id = await form.save()
    if (id) void Taro.redirectTo({ url: routes.supervisionRecord(id) })
  }

  return (
    <View className="admin-page">
      {form.error ? <Notice title="还不能保存" items={[form.error]} /> : null}
      <Card title="督导方式">
        <Picker
          mode="selector"
          range={SUPERVISION_METHODS.map((m) => SUPERVISION_METHOD_LABELS[m])}
          value={SUPERVISION_METHODS.indexOf(form.method)}
          onChange={(e) => form.setMethod(SUPERVISION_METHODS[Number(e.detail.value)])}
        >
          <PickerRow title="方式" value={SUPERVISION_METHOD_LABELS[form.method]} label="选择督导方式" />
        </Picker>
        <Picker
          mode="date"
          value={form.date}
          end={form.today}
          onChange={(e) => form.setDate(String(e.detail.value))}
        >
          <PickerRow title="日期" value={form.date} label="选择督导日期" />
        </Picker>
        <Picker
          mode="time"
          value={form.time || '09:00'}
          onChange={(e) => form.setTime(String(e.detail.value))}
        >
          <PickerRow title="时间" value={form.time || '选填'} label="选择督导时间" />
        </Picker>
      </Card>
      <Card title="联系了谁">
        {people.length === 0 ? <Text className="admin-meta">这个支部还没有人员</Text> : null}
        {people.map((m) => (
          <View key={m.id} className="admin-row">
            <View
              className="admin-row__main"
              ariaRole="button"
              ariaLabel={`联系人：${m.name}`}
              onClick={() => form.setContactId(m.id)}
            >
              <Text className="admin-row__title">
                {form.contactId === m.id ? '● ' : '○ '}
                {m.name}
              </Text>
              <Text className="admin-row__sub">
                {m.title || (m.roles.includes('secretary') ? '支部书记' : '党员')}
              </Text>
            </View>
            {m.phone ? (
              <Button size="small" type="primary" fill="outline" onClick={() => form.call(m)}>
                电话调度
              </Button>
            ) : null}
          </View>
        ))}
      </Card>
      <Card title="督导发现">
        <TextField
          {...paragraph('发现的情况', FINDINGS_LIMIT, '进度、质量、存在的问题和群众反映')}
          value={form.findings}
          onChange={form.setFindings}
        />
        <PhotoPicker photos={form.photos} onChange={form.setPhotos} disabled={form.sending} />
      </Card>
      <Card title="跟进事项（选填）">
        {form.followUps.map((f, k) => (
          <View key={k} className="admin-followup">
            <TextField
              {...optionalParagraph(`跟进事项 ${k + 1}`, FOLLOW_UP_LIMIT, '需要支部落实的事项')}
              value={f.text}
              onChange={(text) => form.changeFollowUp(k, { text })}
            />
            <Picker
              mode="selector"
              range={names}
              value={indexOf(f.ownerId)}
              onChange={(e) => form.changeFollowUp(k, { ownerId: people[Number(e.detail.value)].id })}
            >
              <PickerRow
                title="责任人"
                value={people.find((m) => m.id === f.ownerId)?.name ?? '请选择'}
                label={`选择跟进事项 ${k + 1} 的责任人`}
              />
            </Picker>
            <Picker
              mode="date"
              value={f.deadline}
              start={form.today}
              onChange={(e) => form.changeFollowUp(k, { deadline: String(e.detail.value) })}
            >
              <PickerRow title="时限" value={f.deadline} label={`选择跟进事项 ${k + 1} 的时限`} />
            </Picker>
            <View className="admin-actions">
              <Button size="small" fill="none" onClick={() => form.removeFollowUp(k)}>
                删除此项
              </Button>
            </View>
          </View>
        ))}
        {form.followUps.length < 10 ? (
          <View className="admin-actions">
            <Button size="small" type="primary" fill="outline" onClick={form.addFollowUp}>
              添加跟进事项
            </Button>
          </View>
        ) : null}
      </Card>
      <View className="admin-page__end" />
      <BottomBar>
        {form.progress ? <Text className="admin-meta">{form.progress}</Text> : null}
        <Button type="primary" block loading={form.sending} onClick={() => void save()}>
          保存督导记录
        </Button>
      </BottomBar>
    </View>
  )
}
