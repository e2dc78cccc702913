import { View, Text, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { GuideView } from '@contract/api'
import { SURVEY_FIELDS } from '@contract/entities'
import type { GuideContent } from '@contract/entities'
import { SURVEY_FIELD_LABELS } from '@domain/survey'
import { Card } from '@/components/Card'
import { TextField, optionalParagraph } from '@/components/TextField'
import { useGuideEditor } from '@/features/guide'
import { PickerRow } from '@/packages/admin/components/PickerRow'

export interface GuideEditorCardProps {
  year: number
  saved: GuideView['guide']
  busy: boolean
  onSave: (content: GuideContent, publish: boolean) => void
  onCancel?: () => void
}

/** The committee's form: the year's categories (in or out, renamed, explained), focus, and the window. */
export function GuideEditorCard({ year, saved, busy, onSave, onCancel }: GuideEditorCardProps) {
  const form = useGuideEditor(year, saved)
  const published = Boolean(saved?.published)
  return (
    <Card title={`编辑 ${year} 年选题指南`}>
      <Text className="admin-meta">
        项目类别：点选纳入本年度的类别，可改名称、写说明（已立项的项目保留原类别）。
      </Text>
      {form.rows.map((r) => (
        <View key={r.id} className="guide__category">
          <View
            className={`admin-chip guide__toggle${r.on ? ' admin-chip--on' : ''}`}
            ariaRole="checkbox"
            ariaLabel={`纳入${r.label || '该类别'}${r.on ? '（已纳入）' : ''}`}
            onClick={() => form.toggle(r.id)}
          >
            <Text>{r.on ? '✓ 纳入' : '不纳入'}</Text>
          </View>
          {r.on ? (
            <>
              <TextField
                label={`类别名称（${r.id}）`}
                value={r.label}
                limit={12}
                onChange={(v) => form.setLabel(r.id, v)}
              />
              <TextField
                label={`${r.label || '类别'}说明`}
                value={r.note}
                limit={100}
                placeholder="选填：本年度这一类项目的方向"
                onChange={(v) => form.setNote(r.id, v)}
              />
            </>
          ) : (
            <Text className="admin-row__sub">{r.label}（本年度不申报）</Text>
          )}
        </View>
      ))}
      <Text className="admin-meta">重点领域</Text>
      <View className="guide__chips" ariaRole="group" ariaLabel="重点领域">
        {SURVEY_FIELDS.map((f) => {
          const on = form.focusFields.includes(f)
          return (
            <View
              key={f}
              className={`admin-chip${on ? ' admin-chip--on' : ''}`}
              ariaRole="checkbox"
              ariaLabel={`${SURVEY_FIELD_LABELS[f]}${on ? '（已选）' : ''}`}
              onClick={() => form.toggleField(f)}
            >
              <Text>{SURVEY_FIELD_LABELS[f]}</Text>
            </View>
          )
        })}
      </View>
      <TextField
        {...optionalParagraph('重点方向', 500, '例如：围绕调研梳理的重点问题选题，每个项目破解一类难题')}
        value={form.focus}
        onChange={form.setFocus}
      />
      <Picker mode="date" value={form.opensOn} onChange={(e) => form.setOpensOn(String(e.detail.value))}>
        <PickerRow title="申报开始" value={form.opensOn} label="选择申报开始日期" />
      </Picker>
      <Picker mode="date" value={form.deadline} onChange={(e) => form.setDeadline(String(e.detail.value))}>
        <PickerRow title="申报截止" value={form.deadline} label="选择申报截止日期" />
      </Picker>
      <Text className="admin-meta">
        截止后草稿仍可保存，但不能提交立项；延后截止日期即可补报。被退回的立项随时可以重新提交。
      </Text>
      <View className="guide__actions">
        {onCancel ? (
          <Button disabled={busy} onClick={onCancel}>
            取消
          </Button>
        ) : null}
        {!published ? (
          <Button disabled={busy} onClick={() => onSave(form.content(), false)}>
            保存草稿
          </Button>
        ) : null}
        <Button type="primary" loading={busy} onClick={() => onSave(form.content(), true)}>
          {published ? '发布修改' : '发布指南'}
        </Button>
      </View>
    </Card>
  )
}
