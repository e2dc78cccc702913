import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PUBLIC_STATUSES } from '@domain/lifecycle'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SegmentTabs, type SegmentTab } from '@/components/SegmentTabs'
import { actionButtons } from '@/features/projects/action-buttons'
import { CommentSheet } from '@/features/projects/components/CommentSheet'
import { LedgerPanel } from '@/features/projects/components/LedgerPanel'
import { OverviewPanel } from '@/features/projects/components/OverviewPanel'
import { PlanPanel } from '@/features/projects/components/PlanPanel'
import { ProgressPanel } from '@/features/projects/components/ProgressPanel'
import { ProjectActionBar } from '@/features/projects/components/ProjectActionBar'
import { ProjectHeader } from '@/features/projects/components/ProjectHeader'
import { ProjectNotices } from '@/features/projects/components/ProjectNotices'
import { BorrowedFromNote } from '@/features/showcase'
import { TimelinePanel } from '@/features/projects/components/TimelinePanel'
import { useCanExportLedger } from '@/features/ledger/hooks/use-can-export-ledger'
import { useProject } from '@/features/projects/hooks/use-project'
import { COMMENT_SHEETS, useProjectActions } from '@/features/projects/hooks/use-project-actions'
import { routes } from '@/routes'
import './index.css'

type Tab = 'overview' | 'plan' | 'progress' | 'events' | 'ledger'

const TABS: SegmentTab<Tab>[] = [
  { key: 'overview', label: '概况' },
  { key: 'plan', label: '计划' },
  { key: 'progress', label: '进度' },
  { key: 'events', label: '动态' },
  { key: 'ledger', label: '台账' },
]

export default function ProjectPage() {
  const { params } = useRouter()
  const project = useProject(params.id)
  const actions = useProjectActions(project.data, project.reload)
  const [tab, setTab] = useState<Tab>('overview')
  const canExport = useCanExportLedger(project.data?.branchId)

  usePullDownRefresh(() => {
    void project.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const detail = project.data
  if (!detail) {
    return (
      <View className="project-page">
        {project.error ? (
          <ErrorState
            title="项目加载失败"
            message={project.error.message}
            onRetry={() => void project.reload()}
          />
        ) : (
          <LoadingState text="正在加载项目…" />
        )}
      </View>
    )
  }

  const sheet = actions.commenting ? COMMENT_SHEETS[actions.commenting] : null
  const isPublic = PUBLIC_STATUSES.includes(detail.status)

  return (
    <View className="project-page">
      <ProjectHeader
        project={detail}
        onOpenPublic={
          isPublic ? () => void Taro.navigateTo({ url: routes.publicView(detail.id) }) : undefined
        }
      />
      <ProjectNotices
        project={detail}
        onOpenRectification={(spotCheckId) => void Taro.navigateTo({ url: routes.spotCheck(spotCheckId) })}
      />
      {detail.borrowedFrom ? <BorrowedFromNote from={detail.borrowedFrom} /> : null}
      <View className="project-page__tabs">
        <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'overview' ? <OverviewPanel project={detail} /> : null}
      {tab === 'plan' ? <PlanPanel project={detail} /> : null}
      {tab === 'progress' ? <ProgressPanel project={detail} /> : null}
      {tab === 'events' ? <TimelinePanel events={detail.events} work={detail.work} /> : null}
      {tab === 'ledger' ? (
        <LedgerPanel
          project={detail}
          onExport={
            canExport
              ? () => void Taro.navigateTo({ url: routes.ledger({ projectId: detail.id }) })
              : undefined
          }
        />
      ) : null}
      <View className="project-page__end" />
      <ProjectActionBar
        buttons={actionButtons(detail)}
        busy={actions.busy}
        onAction={(a) => void actions.run(a)}
      />
      {sheet ? (
        <CommentSheet
          title={sheet.title}
          placeholder={sheet.placeholder}
          confirmText={sheet.confirmText}
          busy={actions.busy}
          onCancel={actions.closeComment}
          onConfirm={(comment) => void actions.sendComment(comment)}
        />
      ) : null}
    </View>
  )
}
