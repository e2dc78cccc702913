import { View, Text } from '@tarojs/components'
import './new-project-entry.css'

export interface NewProjectEntryProps {
  onClick: () => void
}

/** The secretary's way into a new 立项表. */
export function NewProjectEntry({ onClick }: NewProjectEntryProps) {
  return (
    <View className="new-project-entry" ariaRole="button" ariaLabel="新建立项" onClick={onClick}>
      <View className="new-project-entry__icon">
        <Text className="new-project-entry__plus">+</Text>
      </View>
      <View className="new-project-entry__body">
        <Text className="new-project-entry__title">新建立项</Text>
        <Text className="new-project-entry__hint">起草本支部的党建项目立项表</Text>
      </View>
      <Text className="new-project-entry__arrow">›</Text>
    </View>
  )
}
