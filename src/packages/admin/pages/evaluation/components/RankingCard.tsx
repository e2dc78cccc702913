import { View, Text } from '@tarojs/components'
import type { EvaluationView } from '@contract/api'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'

export interface RankingCardProps {
  view: EvaluationView
  onOpen: (id: string) => void
}

const pct = (x: number) => `${Math.round(x * 100)}%`

/** Accepted projects by 综合得分, the formula in words, and which are (or would be) 十佳. */
export function RankingCard({ view, onOpen }: RankingCardProps) {
  const { rules } = view
  const proposed = new Set(view.proposedTopTen)
  return (
    <Card title="项目排名" extra={`${view.ranking.length} 个已结题项目`}>
      <Text className="admin-meta">
        综合得分 = 验收总分 × {pct(rules.acceptanceWeight)} + 群众满意度平均分 × {rules.satisfactionScale} ×{' '}
        {pct(rules.satisfactionWeight)}；满意度满 {rules.minRatings}{' '}
        人评价才计入，不足时为“样本不足”，综合得分即验收总分；同分按验收总分、再按项目编号排序。
      </Text>
      {view.ranking.length === 0 ? (
        <EmptyState title="本年度还没有通过验收的项目" />
      ) : (
        view.ranking.map((r) => (
          <View
            key={r.id}
            className="admin-row"
            ariaRole="button"
            ariaLabel={`第 ${r.rank} 名：${r.title}`}
            onClick={() => onOpen(r.id)}
          >
            <View className="admin-row__main">
              <Text className="admin-row__title">
                第 {r.rank} 名 · {r.title}
                {r.topTen ? <Text className="admin-word admin-word--done">十佳</Text> : null}
                {!r.topTen && proposed.has(r.id) ? (
                  <Text className="admin-word admin-word--muted">拟入选十佳</Text>
                ) : null}
              </Text>
              <Text className="admin-row__sub">
                {r.branchName} · 验收 {r.acceptanceTotal} 分 · 满意度{' '}
                {r.satisfactionCounted && r.satisfaction !== null
                  ? `${r.satisfaction.toFixed(1)} 分（${r.ratingCount} 人）`
                  : `样本不足（${r.ratingCount} 人评价，满 ${rules.minRatings} 人计入）`}
              </Text>
            </View>
            <Text className="admin-row__value">综合 {r.rankScore}</Text>
          </View>
        ))
      )}
    </Card>
  )
}
