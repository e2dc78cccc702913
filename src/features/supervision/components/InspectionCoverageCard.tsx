import { Text } from '@tarojs/components'
import { INSPECTION_CADENCE_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { useRequest } from '@/hooks/use-request'
import { fetchInspectionCoverage } from '../api/supervision'
import './inspection-coverage.css'

/**
 * 看板 (committee): 定期检查 coverage this period, branches inspected of those due, in all and per supervisor. A
 * secondary figure: while it loads, or if it cannot be read, the dashboard shows without it.
 */
export function InspectionCoverageCard() {
  const coverage = useRequest(fetchInspectionCoverage)
  const c = coverage.data
  if (!c) return null
  if (c.due === 0)
    return (
      <Card title="定期检查覆盖">
        <Text className="coverage__meta">尚未设置定期检查频次，可在“分片督导 → 分片设置”中设置</Text>
      </Card>
    )
  const percent = Math.round((c.checked / c.due) * 100)
  return (
    <Card title="定期检查覆盖" extra={`本期 ${c.checked}/${c.due}`}>
      <Text className="coverage__figure">
        本期已检查 {c.checked} 个支部，应检查 {c.due} 个（{percent}%）
      </Text>
      {c.supervisors.map((s) => (
        <Text key={s.id} className="coverage__meta">
          {s.name}（{INSPECTION_CADENCE_LABELS[s.cadence]}）：{s.checked}/{s.due}
        </Text>
      ))}
    </Card>
  )
}
