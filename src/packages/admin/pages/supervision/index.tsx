import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { isCommittee, isSecretary } from '@domain/roles'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { SegmentTabs, type SegmentTab } from '@/components/SegmentTabs'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useBranches } from '@/features/org/hooks/use-branches'
import { useMe } from '@/features/org/hooks/use-me'
import { fetchMyBranches } from '@/features/supervision/api/supervision'
import { useRecords } from '@/features/supervision/hooks/use-records'
import { useSpotChecks } from '@/features/supervision/hooks/use-spot-checks'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRequest } from '@/hooks/use-request'
import { AssignmentsTab } from './components/AssignmentsTab'
import { MyBranchesTab } from './components/MyBranchesTab'
import { RecordsTab } from './components/RecordsTab'
import { SpotChecksTab } from './components/SpotChecksTab'
import '../../admin.css'

type Tab = 'branches' | 'records' | 'checks' | 'assign'

/** 分片督导: my branches first, then 督导记录 and 随机抽查; the committee also sets who supervises which branch. */
export default function SupervisionPage() {
  const me = useMe()
  const committee = !!me.data && isCommittee(me.data)
  const secretary = !!me.data && isSecretary(me.data)
  const allowed = committee || secretary
  const [tab, setTab] = useState<Tab>('branches')
  const branches = useRequest(fetchMyBranches)
  // Back on the branches after 分片设置: they reflect what was just assigned, not what was there before.
  const show = (next: Tab) => {
    if (next === 'branches' && tab !== 'branches') void branches.reload()
    setTab(next)
  }
  const checks = useSpotChecks()
  const records = useRecords()
  const allBranches = useBranches(committee) ?? []

  usePullDownRefresh(() => {
    void Promise.all([branches.reload(), checks.refresh(), records.refresh()]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })
  // Back from a spot check or a project: findings, tasks and progress may have changed.
  useReloadOnReturn(() => Promise.all([branches.reload(), checks.refresh(), records.refresh()]))
  useReachBottom(() => {
    if (tab === 'checks') void checks.loadMore()
    if (tab === 'records') void records.loadMore()
  })

  if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
  if (!me.data)
    return me.error ? (
      <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
    ) : (
      <LoadingState />
    )
  if (!allowed)
    return (
      <View className="admin-page">
        <ErrorState title="没有权限" message="分片督导和随机抽查仅供党委和支部书记使用" />
      </View>
    )

  const tabs: SegmentTab<Tab>[] = [
    { key: 'branches', label: committee ? '我的联系支部' : '本支部' },
    { key: 'records', label: '督导记录' },
    { key: 'checks', label: committee ? '随机抽查' : '抽查整改' },
    ...(committee ? [{ key: 'assign' as const, label: '分片设置' }] : []),
  ]
  return (
    <View className="admin-page">
      <SegmentTabs tabs={tabs} value={tab} onChange={show} />
      {tab === 'branches' ? (
        <MyBranchesTab
          branches={branches}
          onAssign={committee ? () => setTab('assign') : undefined}
          canRecord={committee}
        />
      ) : null}
      {tab === 'records' ? <RecordsTab records={records} /> : null}
      {tab === 'checks' ? <SpotChecksTab checks={checks} canDraw={committee} branches={allBranches} /> : null}
      {tab === 'assign' && committee ? <AssignmentsTab /> : null}
    </View>
  )
}
