import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REMINDER_KIND_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { KindSwitch } from '@/features/messages/components/KindSwitch'
import { useReminderSettings } from '@/features/messages/hooks/use-reminder-settings'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import './index.css'

export default function ReminderSettingsPage() {
  const reminders = useReminderSettings()
  const { settings, groups } = reminders
  const data = settings.data

  if (!data) {
    return (
      <View className="reminder-settings">
        {settings.error?.code === 'NOT_REGISTERED' ? (
          <NotRegistered onRetry={() => void settings.reload()} />
        ) : settings.error ? (
          <ErrorState
            title="提醒设置加载失败"
            message={settings.error.message}
            onRetry={() => void settings.reload()}
          />
        ) : (
          <LoadingState text="正在加载提醒设置…" />
        )}
      </View>
    )
  }

  const { start, end } = data.quietHours
  return (
    <View className="reminder-settings">
      <Card title="接收哪些提醒">
        <Text className="reminder-settings__text">关闭后，这类提醒不再进入“消息”，也不推送微信通知。</Text>
        {data.kinds.map(({ kind, templateId }) => (
          <KindSwitch
            key={kind}
            label={REMINDER_KIND_LABELS[kind]}
            on={reminders.isOn(kind)}
            busy={reminders.saving(kind)}
            hint={templateId ? undefined : '只在“消息”中提醒，不推送微信通知'}
            onToggle={() => void reminders.toggle(kind)}
          />
        ))}
      </Card>

      <Card title="免打扰时段">
        <Text className="reminder-settings__text">
          {start}–{end} 不推送微信通知，消息仍会记录
        </Text>
      </Card>

      <Card title="订阅微信通知">
        <Text className="reminder-settings__text">
          微信规定：小程序每推送一条通知，都要你事先同意一次。点下面的按钮，在微信弹窗中选择“允许”，下一条对应的提醒就会推送到微信；提交打卡、审批时也会顺便询问。
        </Text>
        {groups.length === 0 ? (
          <Text className="reminder-settings__hint">你开启的提醒都只在“消息”中显示，无需订阅。</Text>
        ) : (
          groups.map((group, i) => (
            <View key={group.templateIds.join(',')} className="reminder-settings__group">
              {/* One tap = one WeChat dialog, which asks for at most 3 templates. */}
              <Button
                className="reminder-settings__subscribe"
                type="primary"
                onClick={() => void reminders.subscribe(group)}
              >
                {groups.length > 1 ? `开启微信提醒（${i + 1}/${groups.length}）` : '开启微信提醒'}
              </Button>
              <Text className="reminder-settings__hint">包括：{group.labels.join('、')}</Text>
            </View>
          ))
        )}
      </Card>
    </View>
  )
}
