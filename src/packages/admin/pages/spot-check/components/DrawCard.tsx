import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DrawVerification, SpotCheckDetail } from '@contract/api'
import { Card } from '@/components/Card'

export interface DrawCardProps {
  check: SpotCheckDetail
  verification: DrawVerification | null
  verifying: boolean
  onVerify: () => void
}

/** The draw as recorded: seed, algorithm and candidates, and 验证抽取结果 (draws again and compares). */
export function DrawCard({ check, verification, verifying, onVerify }: DrawCardProps) {
  const [showAll, setShowAll] = useState(false)
  return (
    <Card title="抽取记录" extra={`${check.candidates.length} 个候选`}>
      <Text className="admin-meta">随机种子</Text>
      <Text className="admin-seed">{check.seed}</Text>
      <Text className="admin-meta">算法：{check.algorithm}</Text>
      <Text className="admin-meta">
        候选名单（抽取时全部实施中项目，按编号排序）共 {check.candidates.length} 个
      </Text>
      <View
        className="admin-row"
        ariaRole="button"
        ariaLabel={showAll ? '收起候选名单' : '查看候选名单'}
        onClick={() => setShowAll(!showAll)}
      >
        <Text className="admin-row__title">{showAll ? '收起候选名单' : '查看候选名单'}</Text>
      </View>
      {showAll ? <Text className="admin-seed">{check.candidates.join('，')}</Text> : null}
      <View className="admin-actions">
        <Button type="default" loading={verifying} disabled={verifying} onClick={onVerify}>
          验证抽取结果
        </Button>
      </View>
      {verification ? (
        <View ariaRole="status">
          <Text className="admin-status">
            {verification.matches
              ? `验证通过：用记录的随机种子和 ${verification.candidateCount} 个候选重新抽取，结果与记录一致。`
              : `验证不一致：重新抽取的结果为 ${verification.redrawn.join('、') || '（无）'}，与记录 ${verification.recorded.join('、')} 不同。`}
          </Text>
        </View>
      ) : null}
    </Card>
  )
}
