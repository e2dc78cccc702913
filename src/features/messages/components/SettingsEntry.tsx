import { Text, View } from '@tarojs/components'
import './settings-entry.css'

export interface SettingsEntryProps {
  onClick: () => void
}

/** The way to 提醒设置, on 消息 and on 我的: a white row, named as a whole for screen readers. */
export function SettingsEntry({ onClick }: SettingsEntryProps) {
  return (
    <View className="settings-entry" ariaRole="button" ariaLabel="提醒设置" onClick={onClick}>
      <View className="settings-entry__body">
        <Text className="settings-entry__title">提醒设置</Text>
        <Text className="settings-entry__hint">接收哪些提醒 · 开启微信通知</Text>
      </View>
      <Text className="settings-entry__arrow">›</Text>
    </View>
  )
}
