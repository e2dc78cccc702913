import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyBranchesView } from '@contract/api'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { BranchCard } from '@/features/supervision/components/BranchCard'
import type { RequestState } from '@/hooks/use-request'
import { routes } from '@/routes'

export interface MyBranchesTabProps {
  branches: RequestState<MyBranchesView>
  onAssign?: () => void
  /** The committee member records contacts with the branches they supervise. */
  canRecord?: boolean
}

/** 我的联系支部 (a secretary: 本支部): each branch with its running projects. */
export function MyBranchesTab({ branches, onAssign, canRecord = false }: MyBranchesTabProps) {
  const view = branches.data
  if (!view)
    return branches.error ? (
      <ErrorState message={branches.error.message} onRetry={() => void branches.reload()} />
    ) : (
      <LoadingState text="正在加载联系支部…" />
    )
  if (view.branches.length === 0)
    return (
      <EmptyState
        title="尚未分配联系支部"
        description={onAssign ? '在“分片设置”中为自己或其他党委成员分配支部' : undefined}
      />
    )
  const year = view.today.slice(0, 4)
  const planned = view.branches.filter((b) => b.inspection)
  const done = planned.filter((b) => b.inspection?.doneOn).length
  const open = planned.flatMap((b) => (b.inspection && !b.inspection.doneOn ? [{ b, i: b.inspection }] : []))
  return (
    <View>
      {planned.length > 0 ? (
        <Notice
          title={`本期定期检查：已完成 ${done} 个，应检查 ${planned.length} 个`}
          tone={open.some((x) => x.i.daysLeft <= 7) ? 'warning' : 'info'}
          items={open.map(
            ({ b, i }) => `${b.name}待检查，${i.daysLeft === 0 ? '今天到期' : `还有 ${i.daysLeft} 天`}`,
          )}
        />
      ) : null}
      {view.branches.map((b) => (
        <BranchCard
          key={b.id}
          branch={b}
          onOpenProject={(id) => void Taro.navigateTo({ url: routes.project(id) })}
          onLedger={() => void Taro.navigateTo({ url: routes.ledger({ branchId: b.id, year }) })}
          onRecord={
            canRecord
              ? () => void Taro.navigateTo({ url: routes.newSupervisionRecord({ branchId: b.id }) })
              : undefined
          }
        />
      ))}
    </View>
  )
}
