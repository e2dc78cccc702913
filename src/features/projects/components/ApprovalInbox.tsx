import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { InboxItemCard, type MilestoneInboxState } from '@/features/checkin'
import { routes } from '@/routes'
import { useApprovalInbox, useMilestoneApprovals, type InboxSegment } from '../hooks/use-approval-inbox'
import type { ProjectsState } from '../hooks/use-projects'
import { ProjectCardList } from './ProjectCardList'
import { ListFooter } from '@/components/ListFooter'
import '@/components/section-head'
import './approval-inbox.css'

type ProjectSegment = Exclude<InboxSegment, 'milestones'>

const EMPTY: Record<ProjectSegment, string> = {
  proposals: '暂无待立项审批的项目',
  acceptances: '暂无待验收的项目',
}

interface QueueStateProps {
  list: Pick<ProjectsState, 'loading' | 'error' | 'refresh'> & { count: number }
  empty: string
  emptyHint: string
  children: ReactNode
}

/** Loading, error and empty first; the list itself only once there is one. */
function QueueState({ list, empty, emptyHint, children }: QueueStateProps) {
  if (list.loading && list.count === 0) return <LoadingState text="正在加载…" />
  if (list.error)
    return <ErrorState title="加载失败" message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.count === 0) return <EmptyState title={empty} description={emptyHint} />
  return <>{children}</>
}

function ProjectQueue({ segment, list }: { segment: ProjectSegment; list: ProjectsState }) {
  return (
    <QueueState
      list={{ ...list, count: list.items.length }}
      empty={EMPTY[segment]}
      emptyHint="支部提交后会出现在这里"
    >
      <ProjectCardList list={list} />
    </QueueState>
  )
}

function MilestoneQueue({ list }: { list: MilestoneInboxState }) {
  return (
    <QueueState
      list={{ ...list, count: list.items.length }}
      empty="暂无待审批的里程碑"
      emptyHint="党员提交里程碑成果后会出现在这里"
    >
      {list.items.map((item) => (
        <InboxItemCard
          key={item.milestone.id}
          item={item}
          onClick={() => void Taro.navigateTo({ url: routes.submission(item.milestone.id) })}
        />
      ))}
      <ListFooter list={list} more="pull" endText={`共 ${list.total} 个里程碑待审批，已全部显示`} />
    </QueueState>
  )
}

/** The committee's three queues: proposals and acceptances open the project, milestones the submission. */
export function ApprovalInbox() {
  const inbox = useApprovalInbox()
  return (
    <View>
      <View className="approval-inbox__tabs">
        <SegmentTabs<InboxSegment>
          tabs={[
            { key: 'proposals', label: '待立项审批', count: inbox.proposals.total },
            { key: 'acceptances', label: '待验收', count: inbox.acceptances.total },
            { key: 'milestones', label: '里程碑', count: inbox.milestones.total },
          ]}
          value={inbox.segment}
          onChange={inbox.setSegment}
        />
      </View>
      <View className="approval-inbox__list">
        {inbox.segment === 'milestones' ? (
          <MilestoneQueue list={inbox.milestones} />
        ) : (
          <ProjectQueue segment={inbox.segment} list={inbox[inbox.segment]} />
        )}
      </View>
    </View>
  )
}

/** A branch secretary's queue: the milestone submissions of their branch, each opening 节点审批. */
export function MilestoneApprovals() {
  const list = useMilestoneApprovals()
  return (
    <View>
      <View className="approval-inbox__head section-head">
        <Text className="approval-inbox__head-title section-head__title">里程碑（节点）审批</Text>
        {list.total > 0 ? (
          <Text className="approval-inbox__head-count section-head__count">{list.total} 个待审批</Text>
        ) : null}
      </View>
      <MilestoneQueue list={list} />
    </View>
  )
}
