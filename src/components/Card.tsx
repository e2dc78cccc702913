import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './card.css'

export interface CardProps {
  title?: string
  /** Right of the title: a count, a hint. */
  extra?: ReactNode
  id?: string
  children: ReactNode
}

/** A white card on the grey ground, the unit every screen is built from. */
export function Card({ title, extra, id, children }: CardProps) {
  return (
    <View id={id} className="card">
      {title ? (
        <View className="card__head">
          <Text className="card__title">{title}</Text>
          {extra ? <View className="card__extra">{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  )
}
