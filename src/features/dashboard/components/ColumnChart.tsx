import { Text, View } from '@tarojs/components'
import { columnChart, percent } from '../charts'
import './column-chart.css'

export interface ColumnChartProps {
  points: { label: string; value: number }[]
  /** What one column counts, for the words: 次打卡. */
  unit: string
  /** The chart in one sentence, read out instead of the columns. */
  summary: string
}

/** A column chart made of views: each column's figure stands on top of it and its label under it. */
export function ColumnChart({ points, unit, summary }: ColumnChartProps) {
  const { columns, axisMax } = columnChart(points)
  return (
    <View className="column-chart">
      <Text className="column-chart__summary">{summary}</Text>
      <View className="column-chart__plot" ariaRole="img" ariaLabel={summary}>
        <Text className="column-chart__axis">{axisMax}</Text>
        <View className="column-chart__grid" />
        <View className="column-chart__columns">
          {columns.map((c) => (
            <View key={c.label} className="column-chart__slot" ariaLabel={`${c.label} ${c.value} ${unit}`}>
              <Text className="column-chart__value">{c.value}</Text>
              <View className="column-chart__bar" style={{ height: percent(c.fraction, 2) }} />
            </View>
          ))}
        </View>
      </View>
      <View className="column-chart__labels">
        {columns.map((c) => (
          <Text key={c.label} className="column-chart__label">
            {c.labelled ? c.label : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}
