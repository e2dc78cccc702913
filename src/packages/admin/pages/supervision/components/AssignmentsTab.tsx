import { View, Text } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { useAssignments } from '@/features/supervision/hooks/use-assignments'

/** 分片设置: for each committee member, tap a branch to assign it or take it back (saved at once). */
export function AssignmentsTab() {
  const a = useAssignments()
  if (!a.view)
    return a.error ? (
      <ErrorState message={a.error.message} onRetry={() => void a.reload()} />
    ) : (
      <LoadingState text="正在加载分片设置…" />
    )
  const { view } = a
  return (
    <View>
      {view.people.map((p) => (
        <Card key={p.id} title={p.name} extra={`联系 ${p.branchIds.length} 个支部`}>
          <Text className="admin-meta">{p.title || '党委成员'} · 点选支部即可分配或取消</Text>
          <View>
            {view.branches.map((b) => {
              const on = p.branchIds.includes(b.id)
              const saving = a.saving.has(`${p.id}:${b.id}`)
              return (
                <View
                  key={b.id}
                  className={`admin-chip${on ? ' admin-chip--on' : ''}`}
                  ariaRole="button"
                  ariaLabel={`${p.name}联系${b.name}：${on ? '已分配' : '未分配'}`}
                  onClick={() => void a.toggle(p.id, b.id)}
                >
                  <Text>
                    {on ? '✓ ' : ''}
                    {b.name}
                    {saving ? '（保存中）' : ''}
                  </Text>
                </View>
              )
            })}
          </View>
        </Card>
      ))}
    </View>
  )
}
