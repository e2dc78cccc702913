import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { ApprovalInbox, MilestoneApprovals } from '@/features/projects/components/ApprovalInbox'
import { approverOf } from '@/features/projects/tab-badge'
import { routes } from '@/routes'
import './index.css'

export default function ApprovalsPage() {
  const me = useMe()
  const approver = approverOf(me.data)

  return (
    <View className="approvals-page">
      {me.data ? (
        approver === 'committee' ? (
          <ApprovalInbox />
        ) : approver === 'secretary' ? (
          <MilestoneApprovals />
        ) : (
          <EmptyState
            title="审批由支部书记和党委负责"
            description="里程碑（节点）由支部书记审批，立项审批和结题验收由党委负责。你提交的里程碑可在“打卡”中查看审批进度。"
          >
            <Button
              className="approvals-page__go"
              type="primary"
              onClick={() => void Taro.switchTab({ url: routes.checkin })}
            >
              去打卡
            </Button>
          </EmptyState>
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
