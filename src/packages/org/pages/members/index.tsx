import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { createInvite } from '@/features/org/api/create-invite'
import { MemberInviteRow } from '@/features/org/components/MemberInviteRow'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useBranchMembers } from '@/features/org/hooks/use-branch-members'
import { useMe } from '@/features/org/hooks/use-me'
import { showErrorToast } from '@/services/show-error-toast'
import './index.css'

const expiryText = (iso: string) => {
  const d = new Date(iso)
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** A secretary's branch roster: who has bound their WeChat, and a one-time invite code for those who have not. */
export default function BranchMembersPage() {
  const me = useMe()
  const asked = useRouter().params.branchId
  const branchId =
    asked ??
    me.data?.grants.find((g): g is { role: 'secretary'; branchId: string } => g.role === 'secretary')
      ?.branchId ??
    null
  const members = useBranchMembers(branchId)
  const [busy, setBusy] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void members.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const invite = async (personId: string) => {
    setBusy(personId)
    try {
      const made = await createInvite(personId)
      await Taro.showModal({
        title: `${made.person.name}的邀请码`,
        content: `${made.code}\n${expiryText(made.expiresAt)} 前有效，只能使用一次。请当面或电话告诉本人：在小程序「尚未登记」页输入邀请码并绑定。`,
        showCancel: false,
        confirmText: '知道了',
      })
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
      <Card
        title={me.data.branch?.name ?? '支部党员'}
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
