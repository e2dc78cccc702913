import { Text, View } from '@tarojs/components'
import type { LeagueRow } from '@contract/api'
import { LEAGUE_PART_LABELS } from '@domain/labels'
import { percent } from '../charts'
import { partText, pointsLine } from '../words'
import './league-row-card.css'

export interface LeagueRowCardProps {
  row: LeagueRow
  /** How many branches compete: 第 3 名 / 共 8 个. */
  of?: number
  /** Every part spelled out (value × weight = points) rather than one line of points. */
  detailed?: boolean
  onClick?: () => void
}

/** One branch of the league: its rank and score, a bar of the points each part gives, and the parts in words. */
export function LeagueRowCard({ row, of, detailed = false, onClick }: LeagueRowCardProps) {
  const rank = of ? `第 ${row.rank} 名 / 共 ${of} 个支部` : `第 ${row.rank} 名`
  return (
    <View
      className={`league-row${onClick ? ' league-row--link' : ''}`}
      onClick={onClick}
      ariaRole={onClick ? 'button' : undefined}
      ariaLabel={`${rank} ${row.branchName} 得分 ${row.score}${onClick ? '，查看支部看板' : ''}`}
    >
      <View className="league-row__head">
        <Text className="league-row__rank">{row.rank}</Text>
        <Text className="league-row__name">{row.branchName}</Text>
        <Text className="league-row__score">{row.score} 分</Text>
      </View>
      {of ? <Text className="league-row__of">{rank}</Text> : null}
      <View className="league-row__track">
        {row.parts
          .filter((p) => p.points > 0)
          .map((p, i) => (
            <View
              key={p.part}
              className={`league-row__segment league-row__segment--${i}`}
              style={{ width: percent(p.points / 100) }}
              ariaLabel={`${LEAGUE_PART_LABELS[p.part]} ${p.points} 分`}
            />
          ))}
      </View>
      {detailed ? (
        <View className="league-row__parts">
          {row.parts.map((p) => (
            <Text key={p.part} className="league-row__part">
              {partText(p)}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="league-row__points">{pointsLine(row.parts)}</Text>
      )}
    </View>
  )
}
