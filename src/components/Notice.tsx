import { View, Text } from '@tarojs/components'
import { NoticeBar } from '@nutui/nutui-react-taro'
import './notice.css'

export interface NoticeProps {
  title: string
  /** One line each; none renders just the title. */
  items?: string[]
  tone?: 'warning' | 'info'
}

/** Something the person must know before acting, e.g. which fields are still empty: NutUI's NoticeBar, wrapping. */
export function Notice({ title, items = [], tone = 'warning' }: NoticeProps) {
  return (
    <View className={`notice notice--${tone}`} ariaRole="alert">
      <NoticeBar className="notice__bar" wrap scrollable={false} leftIcon={null}>
        <Text className="notice__title">{title}</Text>
        {items.map((item) => (
          <Text key={item} className="notice__item">
            · {item}
          </Text>
        ))}
      </NoticeBar>
    </View>
  )
}
