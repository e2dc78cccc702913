import { View, Text } from '@tarojs/components'
import type { ProjectDetail } from '@contract/api'
import { ACTION_LABELS } from '@domain/labels'
import { Notice } from '@/components/Notice'
import './project-notices.css'

export interface ProjectNoticesProps {
  project: Pick<ProjectDetail, 'can' | 'missingFields' | 'planProblems' | 'events' | 'rectifications'>
  /** Opens the spot check a rectification came from (where it is reported done). */
  onOpenRectification?: (spotCheckId: string) => void
}

/** What keeps the next step from happening, and the latest return's reason, for whoever can act on it. */
export function ProjectNotices({ project, onOpenRectification }: ProjectNoticesProps) {
  const can = (a: ProjectDetail['can'][number]) => project.can.includes(a)
  const latest = project.events[0]
  const returned =
    latest && (latest.action === 'return' || latest.action === 'return_acceptance') ? latest : null
  const fixes = project.rectifications
  const open = fixes.filter((r) => r.status === 'open')
  return (
    <View>
      {fixes.length > 0 ? (
        <View>
          <Notice
            title={
              open.length > 0
                ? `随机抽查后有 ${open.length} 项整改任务待完成`
                : `整改已报告完成，等待党委确认（${fixes.length} 项）`
            }
            items={fixes.map(
              (r) =>
                `${r.text}（时限 ${r.deadline}，${r.status === 'done' ? '待确认' : r.overdue ? '已逾期' : '待整改'}）`,
            )}
          />
          {onOpenRectification ? (
            <View
              className="project-notices__link"
              ariaRole="button"
              ariaLabel="查看整改任务"
              onClick={() => onOpenRectification(fixes[0].spotCheckId)}
            >
              <Text className="project-notices__link-text">查看整改任务 ›</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {returned?.comment ? (
        <Notice
          title={`${ACTION_LABELS[returned.action]}意见（${returned.actorName}）`}
          items={[returned.comment]}
        />
      ) : null}
      {project.missingFields.length > 0 && (can('submit') || can('edit')) ? (
        <Notice title="立项表还需填写以下内容才能提交" items={project.missingFields} />
      ) : null}
      {project.planProblems.length > 0 && (can('start') || can('save_plan')) ? (
        <Notice title="计划书还不完整，暂不能开始实施" items={project.planProblems} />
      ) : null}
    </View>
  )
}
