import { View, Text } from '@tarojs/components'
import type { EvaluationView } from '@contract/api'
import { INELIGIBILITY_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'

export interface EligibilityCardProps {
  view: EvaluationView
}

/** 电网先锋: the branches that lose eligibility this year, each with every reason in words. */
export function EligibilityCard({ view }: EligibilityCardProps) {
  const out = view.branches.filter((b) => !b.eligible)
  const kept = view.branches.filter((b) => b.eligible)
  const { rules } = view
  return (
    <Card title="不具备“电网先锋”评选资格的支部" extra={`${out.length} 个`}>
      <Text className="admin-meta">
        依据：工作措施不力（验收得分低于 {rules.weakMeasuresBelow} 分）、未完成项目计划（年底前未结题
        {view.provisional ? '，年度未结束时暂不判定' : ''}）、群众满意率低（满 {rules.minRatings}{' '}
        人评价且满意度低于 {rules.lowSatisfactionBelow.toFixed(1)}{' '}
        分）；没有获批立项项目的支部不得评先。只看支部自己的工作，样本不足的满意度不计。
      </Text>
      {out.length === 0 ? <Text className="admin-meta">所有支部均具备评选资格</Text> : null}
      {out.map((b) => (
        <View key={b.branchId} className="admin-row">
          <View className="admin-row__main">
            <Text className="admin-row__title">
              {b.branchName}
              <Text className="admin-word">不具备资格</Text>
            </Text>
            {b.reasons.map((r) => (
              <Text key={`${r.kind}-${r.projectId}-${r.text}`} className="admin-row__sub">
                {INELIGIBILITY_LABELS[r.kind]}：{r.text}
              </Text>
            ))}
          </View>
        </View>
      ))}
      <Text className="admin-meta">
        具备资格的支部（{kept.length} 个）{kept.length === 0 ? '：无' : ''}
      </Text>
      {kept.map((b) => (
        <View key={b.branchId} className="admin-row">
          <View className="admin-row__main">
            <Text className="admin-row__title">
              {b.branchName}
              <Text className="admin-word admin-word--done">具备资格</Text>
            </Text>
            <Text className="admin-row__sub">
              {b.projects} 个项目{view.provisional ? '目前' : ''}
              没有措施不力、未完成计划或满意率低的情况
              {view.provisional ? '（年度未结束，年底再最终判定）' : ''}
            </Text>
          </View>
        </View>
      ))}
    </Card>
  )
}
