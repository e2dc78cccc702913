import { View, Text } from '@tarojs/components'
import type { MeView } from '@contract/api'
import { roleLabelsOf, unitNameOf } from '../labels'
import './me-summary.css'

export interface MeSummaryProps {
  me: MeView
}

/** The greeting at the top of 首页: who you are and where you belong. */
export function MeSummary({ me }: MeSummaryProps) {
  return (
    <View className="me-summary">
      <Text className="me-summary__hello">你好，{me.name}</Text>
      <View className="me-summary__meta">
        <Text className="me-summary__unit">{unitNameOf(me)}</Text>
        {roleLabelsOf(me).map((label) => (
          <Text key={label} className="me-summary__role">
            {label}
          </Text>
        ))}
      </View>
    </View>
  )
}
