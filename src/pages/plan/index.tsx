import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { DEADLINE_HORIZON_YEARS } from '@domain/dates'
import { BottomBar } from '@/components/BottomBar'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { ChecklistEditor } from '@/features/plan/components/ChecklistEditor'
import { TaskEditor } from '@/features/plan/components/TaskEditor'
import { usePlanEditor } from '@/features/plan/hooks/use-plan-editor'
import { draftProblems, totalWeight } from '@/features/plan/plan-draft'
import './index.css'

export default function PlanPage() {
  const { params } = useRouter()
  const plan = usePlanEditor(params.id)

  if (plan.loading) return <LoadingState text="正在加载计划书…" />
  if (plan.loadError || !plan.project) {
    return (
      <ErrorState
        title="计划书加载失败"
        message={plan.loadError?.message ?? '项目不存在'}
        onRetry={plan.reload}
      />
    )
  }

  const problems = plan.savedProblems ?? draftProblems(plan.draft)
  const weight = totalWeight(plan.draft)
  const deadlineRange = {
    start: `${plan.project.year}-01-01`,
    end: `${plan.project.year + DEADLINE_HORIZON_YEARS}-12-31`,
  }

  return (
    <View className="plan-page">
      <View className="plan-page__intro">
        <Text className="plan-page__title">{plan.project.title}</Text>
        <Text className="plan-page__hint">
          把项目分解为任务，落实到人；每个里程碑都要做到五个明确：进度（权重）、责任人、时限要求、质量标准、预期目标。
        </Text>
        <Text className={`plan-page__weight${weight === 100 ? '' : ' plan-page__weight--off'}`}>
          权重合计 {weight}%{weight === 100 ? '' : '（建议合计为 100%）'}
        </Text>
      </View>
      {!plan.editable ? <Notice tone="info" title="当前状态不能修改计划书" /> : null}
      {plan.blanks.length ? <Notice title="请先补全名称" items={plan.blanks} /> : null}
      {problems.length ? (
        <Notice
          title={plan.savedProblems ? '计划书已保存，开始实施前还需完善' : '开始实施前还需完善'}
          items={problems}
        />
      ) : null}
      {plan.draft.tasks.map((task, i) => (
        <TaskEditor
          key={task.key}
          index={i}
          task={task}
          members={plan.members}
          deadlineRange={deadlineRange}
          disabled={!plan.editable}
          onChange={(patch) => plan.updateTask(task.key, patch)}
          onRemove={() => void plan.removeTask(task.key)}
          onAddMilestone={() => plan.addMilestone(task.key)}
          onChangeMilestone={(mKey, patch) => plan.updateMilestone(task.key, mKey, patch)}
          onRemoveMilestone={(mKey) => plan.removeMilestone(task.key, mKey)}
        />
      ))}
      {plan.editable ? (
        <View className="plan-page__add" onClick={plan.addTask}>
          <Text className="plan-page__add-text">+ 添加任务</Text>
        </View>
      ) : null}
      <ChecklistEditor
        items={plan.draft.checklist}
        disabled={!plan.editable}
        onAdd={plan.addChecklistItem}
        onChange={plan.updateChecklistItem}
        onRemove={plan.removeChecklistItem}
      />
      {plan.editable ? (
        <BottomBar>
          <Button type="primary" loading={plan.saving} onClick={() => void plan.save()}>
            保存计划书
          </Button>
        </BottomBar>
      ) : null}
    </View>
  )
}
