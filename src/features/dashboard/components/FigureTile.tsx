import { Text, View } from '@tarojs/components'
import './figure-tile.css'

export interface FigureTileProps {
  /** What the number is, in words: 完成率, 已逾期里程碑 … */
  label: string
  value: string
  unit?: string
  /** A line under the number: how it was counted, or what it is out of. */
  hint?: string
  /** Opens the list behind the number. */
  onClick?: () => void
}

/** A big figure with its words: the number, its unit, what it means; tappable when a list stands behind it. */
export function FigureTile({ label, value, unit, hint, onClick }: FigureTileProps) {
  const spoken = `${label} ${value}${unit ?? ''}${hint ? `，${hint}` : ''}${onClick ? '，查看明细' : ''}`
  return (
    <View
      className={`figure-tile${onClick ? ' figure-tile--link' : ''}`}
      onClick={onClick}
      ariaRole={onClick ? 'button' : undefined}
      ariaLabel={spoken}
    >
      <Text className="figure-tile__label">{label}</Text>
      <View className="figure-tile__value-row">
        <Text className="figure-tile__value">{value}</Text>
        {unit ? <Text className="figure-tile__unit">{unit}</Text> : null}
      </View>
      {hint ? <Text className="figure-tile__hint">{hint}</Text> : null}
      {onClick ? <Text className="figure-tile__more">明细 ›</Text> : null}
    </View>
  )
}
