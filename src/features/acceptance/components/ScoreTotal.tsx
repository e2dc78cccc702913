import { View, Text } from '@tarojs/components'
import type { RubricItem } from '@contract/entities'
import type { ScoreResult } from '@domain/acceptance'
import './score-total.css'

export interface ScoreTotalProps {
  rubric: readonly RubricItem[]
  result: ScoreResult
}

/** The live total (总分 n / max), or what still has to be scored. */
export function ScoreTotal({ rubric, result }: ScoreTotalProps) {
  const max = rubric.reduce((s, r) => s + r.max, 0)
  return (
    <View className="score-total">
      <Text className="score-total__label">总分</Text>
      <Text className="score-total__value">
        {result.ok ? result.total : '—'} / {max}
      </Text>
      {!result.ok ? <Text className="score-total__hint">{result.message}</Text> : null}
    </View>
  )
}
