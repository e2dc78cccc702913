import { Text, View } from '@tarojs/components'
import './round-mark'
import './entry-row.css'

export interface EntryRowProps {
  /** The whole row's name, as a button. */
  title: string
  hint?: string
  /** One character in the round mark: "+" to create, "统" for figures. */
  mark: string
  onClick: () => void
}

/** A gold-edged row that leads to an editor's page (新建立项, 新建微讲坛, 学习统计). */
export function EntryRow({ title, hint, mark, onClick }: EntryRowProps) {
  return (
    <View className="entry-row" ariaRole="button" ariaLabel={title} onClick={onClick}>
      <View className="round-mark entry-row__mark">
        <Text className="entry-row__mark-text">{mark}</Text>
      </View>
      <View className="entry-row__body">
        <Text className="entry-row__title">{title}</Text>
        {hint ? <Text className="entry-row__hint">{hint}</Text> : null}
      </View>
      <Text className="entry-row__arrow">›</Text>
    </View>
  )
}
