import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { ListFooter } from '@/components/ListFooter'
import { LoadingState } from '@/components/LoadingState'
import type { CheckinCorrected } from '@contract/api'
import { CheckinCard } from '@/features/checkin/components/CheckinCard'
import { CheckinCorrection } from '@/features/checkin/components/CheckinCorrection'
import type { CheckinHistoryState } from '@/features/checkin/hooks/use-checkin-history'
import './checkin-history-list.css'

export interface CheckinHistoryListProps {
  history: CheckinHistoryState
  /** The way to a first check-in when there is none. */
  onCheckIn: () => void
  /** A check-in was withdrawn: the figures changed. */
  onWithdrawn?: (result: CheckinCorrected) => void
}

/** 打卡记录: my check-ins, newest first, with a footer that says whether more is coming. */
export function CheckinHistoryList({ history, onCheckIn, onWithdrawn }: CheckinHistoryListProps) {
  /** The check-ins whose correction is open: their cards leave their photos to the picker. */
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set())
  const setEditingOf = (id: string, on: boolean) =>
    setEditing((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  if (history.loading && history.items.length === 0) return <LoadingState text="正在加载打卡记录…" />
  if (history.error)
    return (
      <ErrorState
        title="打卡记录加载失败"
        message={history.error.message}
        onRetry={() => void history.refresh()}
      />
    )
  if (history.items.length === 0)
    return (
      <EmptyState title="还没有打卡记录" description="在“打卡”页选择任务，记下你做了什么">
        <Button className="checkin-history__go" type="primary" onClick={onCheckIn}>
          去打卡
        </Button>
      </EmptyState>
    )
  return (
    <Card title="打卡记录">
      {history.items.map((c) => (
        <CheckinCard
          key={c.id}
          checkin={c}
          showPerson={false}
          editing={editing.has(c.id)}
          footer={
            <CheckinCorrection
              checkin={c}
              onEditingChange={(on) => setEditingOf(c.id, on)}
              onEdited={(res) =>
                history.setItems((prev) => prev.map((x) => (x.id === c.id ? res.checkin : x)))
              }
              onWithdrawn={(res) => {
                history.setItems((prev) => prev.filter((x) => x.id !== c.id))
                onWithdrawn?.(res)
              }}
            />
          }
        />
      ))}
      <ListFooter list={history} />
    </Card>
  )
}
