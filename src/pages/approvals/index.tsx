import { View } from '@tarojs/components'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { ApprovalInbox } from '@/features/projects/components/ApprovalInbox'
import './index.css'

export default function ApprovalsPage() {
  const me = useMe()

  return (
    <View className="approvals-page">
      {me.data ? (
        me.data.roles.includes('committee') ? (
          <ApprovalInbox />
        ) : (
          <EmptyState
            title="仅党委可审批"
            description="立项审批和结题验收由党委负责。支部的项目进展可在首页查看。"
          />
        )
      ) : me.error?.code === 'NOT_REGISTERED' ? (
        <NotRegistered onRetry={() => void me.reload()} />
      ) : me.error ? (
        <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
      ) : (
        <LoadingState />
      )}
    </View>
  )
}
