import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './stats-row.css'

export interface StatsRowProps {
  title: string
  /** The figures in words, one line. */
  detail: string
  children?: ReactNode
  /** Makes the row a button (a branch that opens its members). */
  onClick?: () => void
  actionText?: string
  selected?: boolean
}

/** One line of a figures list: a name, its figures in words, and a bar. */
export function StatsRow({ title, detail, children, onClick, actionText, selected = false }: StatsRowProps) {
  return (
    <View
      className={`stats-row${selected ? ' stats-row--selected' : ''}`}
      ariaRole={onClick ? 'button' : undefined}
      ariaLabel={onClick ? `${title}${actionText ? `，${actionText}` : ''}` : undefined}
      onClick={onClick}
    >
      <View className="stats-row__head">
        <Text className="stats-row__title">{title}</Text>
        {actionText ? <Text className="stats-row__action">{actionText}</Text> : null}
      </View>
      <Text className="stats-row__detail">{detail}</Text>
      {children}
    </View>
  )
}
