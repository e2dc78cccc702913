import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { routes } from '@/routes'
import { useApprovalInbox, type InboxSegment } from '../hooks/use-approval-inbox'
import { ProjectCard } from './ProjectCard'
import { ProjectListFooter } from './ProjectListFooter'
import './approval-inbox.css'

const EMPTY: Record<InboxSegment, string> = {
  proposals: '暂无待立项审批的项目',
  acceptances: '暂无待验收的项目',
}

/** The committee's two queues, each a list of projects that opens the project page. */
export function ApprovalInbox() {
  const inbox = useApprovalInbox()
  const list = inbox.active
  return (
    <View>
      <View className="approval-inbox__tabs">
        <SegmentTabs<InboxSegment>
          tabs={[
            { key: 'proposals', label: '待立项审批', count: inbox.proposals.total },
            { key: 'acceptances', label: '待验收', count: inbox.acceptances.total },
          ]}
          value={inbox.segment}
          onChange={inbox.setSegment}
        />
      </View>
      <View className="approval-inbox__list">
        {list.loading && list.items.length === 0 ? (
          <LoadingState text="正在加载…" />
        ) : list.error ? (
          <ErrorState title="加载失败" message={list.error.message} onRetry={() => void list.refresh()} />
        ) : list.items.length === 0 ? (
          <EmptyState title={EMPTY[inbox.segment]} description="支部提交后会出现在这里" />
        ) : (
          <>
            {list.items.map((p) => (
              <ProjectCard
                key={p.id}
                project={p}
                onClick={() => void Taro.navigateTo({ url: routes.project(p.id) })}
              />
            ))}
            <ProjectListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} total={list.total} />
          </>
        )}
      </View>
    </View>
  )
}
