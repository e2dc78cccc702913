import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { StatsContent } from './components/StatsContent'

export default function StudyStatsPage() {
  const me = useMe()
  if (me.data) return <StatsContent me={me.data} />
  if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
  return me.error ? (
    <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
  ) : (
    <LoadingState />
  )
}
