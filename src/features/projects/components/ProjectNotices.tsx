import { View } from '@tarojs/components'
import type { ProjectDetail } from '@contract/api'
import { ACTION_LABELS } from '@domain/labels'
import { Notice } from '@/components/Notice'

export interface ProjectNoticesProps {
  project: Pick<ProjectDetail, 'can' | 'missingFields' | 'planProblems' | 'events'>
}

/** What keeps the next step from happening, and the latest return's reason, for whoever can act on it. */
export function ProjectNotices({ project }: ProjectNoticesProps) {
  const can = (a: ProjectDetail['can'][number]) => project.can.includes(a)
  const latest = project.events[0]
  const returned =
    latest && (latest.action === 'return' || latest.action === 'return_acceptance') ? latest : null
  return (
    <View>
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
