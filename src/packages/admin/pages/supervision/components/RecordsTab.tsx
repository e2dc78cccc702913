import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RecordSummary } from '@contract/api'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { RecordCard } from '@/features/supervision/components/RecordCard'
import type { PagedList } from '@/hooks/use-paged-list'
import { routes } from '@/routes'

export interface RecordsTabProps {
  records: PagedList<RecordSummary>
}

/** 督导记录, newest contact first: the committee's every branch, a secretary's own. */
export function RecordsTab({ records }: RecordsTabProps) {
  if (records.loading)
    return records.error ? (
      <ErrorState message={records.error.message} onRetry={() => void records.refresh()} />
    ) : (
      <LoadingState text="正在加载督导记录…" />
    )
  if (records.error && records.items.length === 0)
    return <ErrorState message={records.error.message} onRetry={() => void records.refresh()} />
  if (records.items.length === 0)
    return (
      <EmptyState title="还没有督导记录" description="电话调度、定期检查、察看现场等每次督导都会记在这里" />
    )
  return (
    <View>
      {records.items.map((r) => (
        <RecordCard
          key={r.id}
          record={r}
          onOpen={(id) => void Taro.navigateTo({ url: routes.supervisionRecord(id) })}
        />
      ))}
    </View>
  )
}
