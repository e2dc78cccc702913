import { Picker, View, Text } from '@tarojs/components'
import { INSPECTION_CADENCES } from '@contract/entities'
import type { InspectionCadence } from '@contract/entities'
import { INSPECTION_CADENCE_LABELS } from '@domain/labels'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { useAssignments } from '@/features/supervision/hooks/use-assignments'

const CHOICES: (InspectionCadence | null)[] = [null, ...INSPECTION_CADENCES]
const choiceLabel = (c: InspectionCadence | null) => (c ? INSPECTION_CADENCE_LABELS[c] : '不设置')

/**
 * 分片设置: for each committee member, tap a branch to assign it or take it back (saved at once), and set how often
 * they inspect their branches (定期检查) this year and the next.
 */
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
          {p.branchIds.length > 0
            ? [false, true].map((next) => {
                const year = view.year + (next ? 1 : 0)
                const current = next ? p.cadence.nextYear : p.cadence.thisYear
                return (
                  <Picker
                    key={year}
                    mode="selector"
                    range={CHOICES.map(choiceLabel)}
                    value={CHOICES.indexOf(current)}
                    onChange={(e) => void a.setCadence(p.id, next, CHOICES[Number(e.detail.value)])}
                  >
                    <View
                      className="admin-row"
                      ariaRole="button"
                      ariaLabel={`${p.name}${year}年定期检查频次：${choiceLabel(current)}`}
                    >
                      <Text className="admin-row__title">{year}年定期检查</Text>
                      <Text className="admin-row__value">
                        {choiceLabel(current)}
                        {a.saving.has(`${p.id}:cadence`) ? '（保存中）' : ''} ›
                      </Text>
                    </View>
                  </Picker>
                )
              })
            : null}
        </Card>
      ))}
    </View>
  )
}
