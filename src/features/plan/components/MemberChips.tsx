import { View, Text } from '@tarojs/components'
import type { MemberView } from '@contract/api'
import '@/components/chips'

export interface MemberChipsProps {
  members: MemberView[]
  selected: string[]
  onChange: (ids: string[]) => void
  disabled?: boolean
}

/** Pick several people by tapping their names; a picked name carries a tick. */
export function MemberChips({ members, selected, onChange, disabled = false }: MemberChipsProps) {
  if (members.length === 0) return <Text className="chips__empty">本支部暂无党员名单</Text>
  const toggle = (id: string) =>
    onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id])
  return (
    <View className="chips">
      {members.map((m) => {
        const on = selected.includes(m.id)
        return (
          <View
            key={m.id}
            className={`chips__chip${on ? ' chips__chip--on' : ''}`}
            ariaRole="checkbox"
            ariaLabel={m.name}
            onClick={disabled ? undefined : () => toggle(m.id)}
          >
            <Text className="chips__text">
              {on ? '✓ ' : ''}
              {m.name}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
