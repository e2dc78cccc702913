import { View, Text } from '@tarojs/components'
import type { InspectionDueView, SupervisedBranch } from '@contract/api'
import { INSPECTION_CADENCE_LABELS, SUPERVISION_METHOD_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { ProjectRow } from '@/components/ProjectRow'

export interface BranchCardProps {
  branch: SupervisedBranch
  onOpenProject: (id: string) => void
  /** 导出本年台账, when given. */
  onLedger?: () => void
  /** 记录督导 (电话调度、定期检查…), when given. */
  onRecord?: () => void
}

const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** 定期检查 this period: done on a day, or due by the period's end. */
export function inspectionLine(i: InspectionDueView): string {
  const head = `定期检查（${INSPECTION_CADENCE_LABELS[i.cadence]}）：${i.periodLabel}`
  if (i.doneOn) return `${head}已于${monthDay(i.doneOn)}完成`
  return `${head}待检查，${i.daysLeft === 0 ? '今天到期' : `还有 ${i.daysLeft} 天`}（${monthDay(i.periodEnd)}前）`
}

/** One supervised branch: its running projects, most overdue first, with the overdue counts in words. */
export function BranchCard({ branch, onOpenProject, onLedger, onRecord }: BranchCardProps) {
  return (
    <Card
      title={branch.name}
      extra={branch.overdueMilestones > 0 ? `逾期节点 ${branch.overdueMilestones} 个` : '无逾期节点'}
    >
      <Text className="admin-meta">
        实施中 {branch.running} 个 · 待验收 {branch.waitingAcceptance} 个
        {branch.quietProjects > 0 ? ` · 14天无打卡 ${branch.quietProjects} 个` : ''}
      </Text>
      <Text className="admin-meta">
        {branch.lastContact
          ? `上次督导：${branch.lastContact.date} ${SUPERVISION_METHOD_LABELS[branch.lastContact.method]}（${branch.lastContact.supervisorName}）`
          : '尚未督导联系'}
        {branch.openFollowUps > 0 ? ` · 跟进未完成 ${branch.openFollowUps} 项` : ''}
      </Text>
      {branch.inspection ? (
        <Text
          className={`admin-meta${!branch.inspection.doneOn && branch.inspection.daysLeft <= 7 ? ' admin-meta--warn' : ''}`}
        >
          {inspectionLine(branch.inspection)}
        </Text>
      ) : null}
      {branch.projects.length === 0 ? <Text className="admin-meta">暂无实施中的项目</Text> : null}
      {branch.projects.map((p) => (
        <ProjectRow
          key={p.id}
          project={p}
          more={`${p.overdueMilestones > 0 ? ` · 已逾期 ${p.overdueMilestones} 个节点` : ''}${p.quiet ? ' · 14天无打卡' : ''}`}
          onOpen={onOpenProject}
        />
      ))}
      {onRecord ? (
        <View
          className="admin-row"
          ariaRole="button"
          ariaLabel={`记录督导：${branch.name}`}
          onClick={onRecord}
        >
          <Text className="admin-row__title">记录督导（电话调度、检查、走访）</Text>
          <Text className="admin-row__value">›</Text>
        </View>
      ) : null}
      {onLedger ? (
        <View
          className="admin-row"
          ariaRole="button"
          ariaLabel={`导出${branch.name}本年台账`}
          onClick={onLedger}
        >
          <Text className="admin-row__title">导出本年管理台账</Text>
          <Text className="admin-row__value">›</Text>
        </View>
      ) : null}
    </Card>
  )
}
