import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { refreshDashboards } from '@/features/dashboard/api/dashboard'
import type { DashboardFilters } from '@/features/dashboard/api/dashboard'
import { refreshText } from '@/features/dashboard/words'
import { useDashboard } from '@/features/dashboard/hooks/use-dashboard'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { InspectionCoverageCard } from '@/features/supervision/components/InspectionCoverageCard'
import { DashboardContent } from './components/DashboardContent'
import { dashboardTarget } from './target'
import './index.css'

/** 看板: the company's for the committee, a branch's for its secretary (or the committee from the league). */
export default function DashboardPage() {
  const { params } = useRouter()
  const me = useMe()
  const [filters, setFilters] = useState<DashboardFilters>({})
  const target = dashboardTarget(me.data, params.branchId)
  const dashboard = useDashboard(target === 'denied' ? null : target, filters)
  const [refreshing, setRefreshing] = useState(false)
  const refresh = async () => {
    setRefreshing(true)
    try {
      const done = await refreshDashboards()
      void Taro.showToast({ title: refreshText(done), icon: 'none' })
      if (done.refreshed) await dashboard.reload()
    } catch (err) {
      void Taro.showToast({
        title: err instanceof Error ? err.message : '刷新失败，请稍后再试',
        icon: 'none',
      })
    } finally {
      setRefreshing(false)
    }
  }

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), dashboard.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
  if (!me.data) {
    return me.error ? (
      <ErrorState title="个人信息加载失败" message={me.error.message} onRetry={() => void me.reload()} />
    ) : (
      <LoadingState text="正在获取你的信息…" />
    )
  }
  if (target === 'denied' || dashboard.error?.code === 'FORBIDDEN') {
    return (
      <View className="dashboard-page">
        <EmptyState title="看板由支部书记和党委查看" description="党员可在“我的”中查看自己的打卡和学习情况" />
      </View>
    )
  }
  const view = dashboard.data
  return (
    <View className="dashboard-page">
      {view ? (
        <DashboardContent
          view={view}
          filters={filters}
          onFilters={setFilters}
          loading={dashboard.loading || refreshing}
          onRefresh={() => void refresh()}
        />
      ) : dashboard.error ? (
        <ErrorState
          title="看板加载失败"
          message={dashboard.error.message}
          onRetry={() => void dashboard.reload()}
        />
      ) : (
        <LoadingState text="正在统计看板…" />
      )}
      {view && target?.kind === 'company' ? <InspectionCoverageCard /> : null}
    </View>
  )
}
