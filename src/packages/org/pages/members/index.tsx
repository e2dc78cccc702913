import { useState } from 'react'
import type { InviteView } from '@contract/api'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { createInvite } from '@/features/org/api/create-invite'
import { InviteCard } from '@/features/org/components/InviteCard'
import { MemberInviteRow } from '@/features/org/components/MemberInviteRow'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useBranchMembers } from '@/features/org/hooks/use-branch-members'
import { useMe } from '@/features/org/hooks/use-me'
import { showErrorToast } from '@/services/show-error-toast'
import './index.css'

/**
 * A secretary's branch roster: who has bound their WeChat, and for those who have not a one-time invite, as a
 * 小程序码 to scan and a code to read out.
 */
export default function BranchMembersPage() {
  const me = useMe()
  const { params } = useRouter()
  const asked = params.branchId
  const branchId =
    asked ??
    me.data?.grants.find((g): g is { role: 'secretary'; branchId: string } => g.role === 'secretary')
      ?.branchId ??
    null
  const members = useBranchMembers(branchId)
  const [busy, setBusy] = useState<string | null>(null)
  const [made, setMade] = useState<InviteView | null>(null)

  usePullDownRefresh(() => {
    void members.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const invite = async (personId: string) => {
    setBusy(personId)
    try {
      setMade(await createInvite(personId))
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(null)
    }
  }

  if (me.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void me.reload()} />
  if (me.error) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
  if (!me.data) return <LoadingState />
  if (!branchId) return <EmptyState title="不是支部书记" description="支部党员名册由支部书记查看" />

  const list = members.data ?? []
  const unbound = list.filter((m) => !m.bound).length
  return (
    <View className="branch-members-page">
      {made ? <InviteCard invite={made} onClose={() => setMade(null)} /> : null}
      <Card
        // The committee opens any branch's roster from 组织管理, which names it; a secretary sees their own.
        title={(asked ? params.branchName : me.data.branch?.name) || '支部党员'}
        extra={<Text>{`${list.length} 人 · 未绑定 ${unbound} 人`}</Text>}
      >
        {members.error ? (
          <ErrorState message={members.error.message} onRetry={() => void members.reload()} />
        ) : members.loading && list.length === 0 ? (
          <LoadingState />
        ) : list.length === 0 ? (
          <EmptyState title="暂无党员" description="党委导入名册后，本支部的党员会出现在这里" />
        ) : (
          list.map((m) => (
            <MemberInviteRow key={m.id} member={m} busy={busy !== null} onInvite={() => void invite(m.id)} />
          ))
        )}
      </Card>
    </View>
  )
}
