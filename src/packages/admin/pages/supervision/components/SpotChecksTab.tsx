import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BranchView } from '@contract/api'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SpotCheckCard } from '@/features/supervision/components/SpotCheckCard'
import type { SpotCheckSummary } from '@contract/api'
import type { PagedList } from '@/hooks/use-paged-list'
import { routes } from '@/routes'
import { NewSpotCheck } from './NewSpotCheck'

export interface SpotChecksTabProps {
  checks: PagedList<SpotCheckSummary>
  /** The committee draws; a secretary only reads the checks of their branch. */
  canDraw: boolean
  branches: BranchView[]
}

/** 随机抽查: a new draw (committee) and the checks so far, newest first. */
export function SpotChecksTab({ checks, canDraw, branches }: SpotChecksTabProps) {
  const open = (id: string) => void Taro.navigateTo({ url: routes.spotCheck(id) })
  return (
    <View>
      {canDraw ? <NewSpotCheck branches={branches} /> : null}
      {checks.loading ? (
        <LoadingState text="正在加载抽查记录…" />
      ) : checks.error ? (
        <ErrorState message={checks.error.message} onRetry={() => void checks.refresh()} />
      ) : checks.items.length === 0 ? (
        <EmptyState
          title="还没有随机抽查"
          description={canDraw ? '在上方设置数量和范围后随机抽取' : '党委抽到本支部项目时会显示在这里'}
        />
      ) : (
        <Card title="抽查记录" extra={`共 ${checks.total} 次`}>
          {checks.items.map((c) => (
            <SpotCheckCard key={c.id} check={c} onOpen={open} />
          ))}
        </Card>
      )}
    </View>
  )
}
