import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AcceptanceMethodView } from '@contract/api'
import { ACCEPTANCE_METHODS } from '@contract/entities'
import { ACCEPTANCE_METHOD_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { PhotoGrid } from '@/components/PhotoGrid'
import { TextField, paragraph } from '@/components/TextField'
import { PhotoPicker } from '@/components/PhotoPicker'
import { METHOD_NOTES_LIMIT, OPINION_LIMIT, type useAcceptanceMethods } from '../hooks/use-acceptance-methods'
import './acceptance-methods-card.css'

export interface AcceptanceMethodsCardProps {
  recorded: AcceptanceMethodView[]
  /** The form, for the committee while the project waits for acceptance. */
  form?: ReturnType<typeof useAcceptanceMethods>
  /** 群众满意度 (四公开), shown beside what the visited said. */
  satisfaction: string
}

/** 验收方式: how the committee judged the project, and a form to record one more. */
export function AcceptanceMethodsCard({ recorded, form, satisfaction }: AcceptanceMethodsCardProps) {
  return (
    <Card title="验收方式" extra={recorded.length === 0 ? '尚未记录' : `已记录 ${recorded.length} 种`}>
      {recorded.map((m) => (
        <View key={m.method} className="acceptance-method">
          <Text className="acceptance-method__title">
            {ACCEPTANCE_METHOD_LABELS[m.method]} · {m.byName}
          </Text>
          <Text className="acceptance-method__text">{m.notes}</Text>
          {m.method === 'survey' ? (
            <Text className="acceptance-method__text">
              走访 {m.visited} 人：{m.opinion}（{satisfaction}）
            </Text>
          ) : null}
          <PhotoGrid files={m.photos} />
        </View>
      ))}
      {form ? (
        <View className="acceptance-method__form">
          <View className="acceptance-method__chips">
            {ACCEPTANCE_METHODS.map((m) => (
              <View
                key={m}
                className={`acceptance-method__chip${form.method === m ? ' acceptance-method__chip--on' : ''}`}
                ariaRole="button"
                ariaLabel={`验收方式：${ACCEPTANCE_METHOD_LABELS[m]}`}
                onClick={() => form.setMethod(m)}
              >
                <Text>{ACCEPTANCE_METHOD_LABELS[m]}</Text>
              </View>
            ))}
          </View>
          <TextField
            {...paragraph('验收情况', METHOD_NOTES_LIMIT, '听到、看到、了解到的情况')}
            value={form.notes}
            error={form.error}
            onChange={form.setNotes}
          />
          {form.method === 'survey' ? (
            <>
              <TextField
                label="走访人数"
                required
                value={form.visited}
                limit={6}
                placeholder="走访了多少名职工群众或党员"
                onChange={form.setVisited}
              />
              <TextField
                {...paragraph('群众评价', OPINION_LIMIT, '走访对象怎么评价这个项目')}
                value={form.opinion}
                onChange={form.setOpinion}
              />
            </>
          ) : null}
          <PhotoPicker photos={form.photos} onChange={form.setPhotos} disabled={form.saving} />
          {form.progress ? <Text className="acceptance-method__text">{form.progress}</Text> : null}
          <Button type="primary" fill="outline" block loading={form.saving} onClick={() => void form.save()}>
            保存{ACCEPTANCE_METHOD_LABELS[form.method]}记录
          </Button>
        </View>
      ) : null}
    </Card>
  )
}
