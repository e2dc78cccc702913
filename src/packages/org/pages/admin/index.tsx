import { useCallback, useEffect, useState } from 'react'
import type { GroupAdminView, OrgUnitAdminView } from '@contract/api'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { TextField } from '@/components/TextField'
import { useRequest } from '@/hooks/use-request'
import { mergeJobText, movedText } from '@domain/org-jobs'
import { useMergeJob } from '@/features/org/hooks/use-merge-job'
import { changeOrg, fetchOrgTree } from '@/features/org/api/org-admin'
import { fetchMembers } from '@/features/org/api/fetch-members'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import {
  UNIT_KIND_LABELS,
  groupChoices,
  groupForm,
  payloadOf,
  treeRows,
  unitChoices,
  unitForm,
  type AdminForm,
} from '@/features/org/org-admin-forms'
import { routes } from '@/routes'
import { showErrorToast } from '@/services/show-error-toast'
import './index.css'

/**
 * 组织管理 (committee): the 党委 → 党总支 → 支部 tree with its 党小组, secretaries and group leaders. Tapping a unit or
 * group offers what can be done to it; each change opens a short form, merges ask first. An empty company starts
 * here: the first committee member creates the 党委, then its branches and groups, then imports the roster.
 */
export default function OrgAdminPage() {
  const tree = useRequest(useCallback(() => fetchOrgTree(), []))
  const [form, setForm] = useState<AdminForm | null>(null)
  const [chosen, setChosen] = useState<Record<string, number>>({})
  const [busy, setBusy] = useState(false)
  const merge = useMergeJob()

  // A large merge begun earlier (the page was left while it ran): followed again from where it is.
  const underWay = tree.data?.jobs?.[0]
  const following = merge.job !== null
  const { follow } = merge
  const reloadTree = tree.reload
  useEffect(() => {
    if (underWay && !following) void follow(underWay).then((end) => (end ? reloadTree() : undefined))
  }, [underWay, following, follow, reloadTree])

  usePullDownRefresh(() => {
    void tree.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const open = (next: AdminForm) => {
    setChosen({})
    setForm(next)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const membersOf = async (branchId: string) => {
    try {
      return await fetchMembers(branchId)
    } catch (e) {
      showErrorToast(e)
      return null
    }
  }

  const onUnit = async (unit: OrgUnitAdminView) => {
    if (!tree.data) return
    const choices = unitChoices(unit)
    const tapped = await Taro.showActionSheet({ itemList: choices.map((c) => c.label) }).catch(() => null)
    if (!tapped) return
    const make = choices[tapped.tapIndex].make
    const members = make === 'secretary' || make === 'person' ? await membersOf(unit.id) : []
    if (members === null) return
    if ((make === 'secretary' || make === 'person') && members.length === 0) {
      void Taro.showToast({ title: '本支部还没有党员：请先导入名册', icon: 'none' })
      return
    }
    open(unitForm(make, unit, tree.data, members))
  }

  const onGroup = async (group: GroupAdminView) => {
    if (!tree.data) return
    const choices = groupChoices()
    const tapped = await Taro.showActionSheet({ itemList: choices.map((c) => c.label) }).catch(() => null)
    if (!tapped) return
    const make = choices[tapped.tapIndex].make
    const members = make === 'leader' ? await membersOf(group.branchId) : []
    if (members === null) return
    open(groupForm(make, group, tree.data, members))
  }

  const submit = async () => {
    if (!form) return
    if (form.picks.some((p) => p.options.length === 0)) {
      void Taro.showToast({ title: '没有可选的对象', icon: 'none' })
      return
    }
    if (form.confirm) {
      const asked = await Taro.showModal({ title: '请确认', content: form.confirm, confirmText: '确定' })
      if (!asked.confirm) return
    }
    setBusy(true)
    try {
      const done = await changeOrg(form.action, payloadOf(form, chosen))
      setForm(null)
      if (done.job) {
        // A branch with a long history merges batch by batch: the card below follows it.
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
        void merge.follow(done.job).then((end) => (end ? tree.reload() : undefined))
        return
      }
      void Taro.showToast({ title: done.message.slice(0, 30), icon: 'none' })
      await tree.reload()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }

  if (tree.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void tree.reload()} />
  if (tree.error) return <ErrorState message={tree.error.message} onRetry={() => void tree.reload()} />
  if (!tree.data) return <LoadingState />
  const rows = treeRows(tree.data)
  const hasCommittee = tree.data.units.some((u) => u.kind === 'committee')

  const job = merge.job
  const running = job !== null && (job.status === 'queued' || job.status === 'running')
  return (
    <View className="org-admin-page">
      {job ? (
        <Card title={running ? '合并进行中' : job.status === 'done' ? '合并完成' : '合并未完成'}>
          <View className="org-admin-page__job" ariaRole="status">
            <Text className="org-admin-page__job-text">{mergeJobText(job)}</Text>
            {running ? (
              <>
                <View className="org-admin-page__bar">
                  <View
                    className="org-admin-page__bar-fill"
                    style={{ width: `${job.total > 0 ? Math.min(99, (job.done / job.total) * 100) : 0}%` }}
                  />
                </View>
                <Text className="org-admin-page__meta">
                  历史数据较多，正在分批迁移。离开本页不会中断，稍后回来查看组织架构即可。
                </Text>
              </>
            ) : null}
            {job.status === 'done' && movedText(job.moved) ? (
              <Text className="org-admin-page__meta">{`已迁移：${movedText(job.moved)}`}</Text>
            ) : null}
          </View>
          {running ? null : (
            <Button type="default" block onClick={merge.dismiss}>
              知道了
            </Button>
          )}
        </Card>
      ) : null}
      {form ? (
        <Card title={form.title}>
          {form.name ? (
            <TextField
              label={form.name.label}
              value={form.name.value}
              limit={form.name.limit}
              required
              onChange={(value) => setForm({ ...form, name: { ...form.name!, value } })}
            />
          ) : null}
          {form.picks.map((pick) => {
            const index = chosen[pick.key] ?? 0
            return pick.options.length === 0 ? (
              <Text key={pick.key} className="org-admin-page__hint">{`${pick.label}：没有可选的对象`}</Text>
            ) : (
              <Picker
                key={pick.key}
                mode="selector"
                range={pick.options}
                rangeKey="name"
                value={index}
                onChange={(e) => setChosen({ ...chosen, [pick.key]: Number(e.detail.value) })}
              >
                <View className="org-admin-page__pick" ariaRole="button" ariaLabel={`选择${pick.label}`}>
                  <Text className="org-admin-page__pick-label">{pick.label}</Text>
                  <Text className="org-admin-page__pick-value">{`${pick.options[index]?.name ?? ''} ›`}</Text>
                </View>
              </Picker>
            )
          })}
          <View className="org-admin-page__actions">
            <Button type="default" disabled={busy} onClick={() => setForm(null)}>
              取消
            </Button>
            <Button type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
              确定
            </Button>
          </View>
        </Card>
      ) : null}
      {!hasCommittee ? (
        <Card title="建立党委">
          <EmptyState
            title="本单位尚未建立组织"
            description="先建立党委，再在党委下新建党总支、党支部和党小组，然后导入党员名册"
          />
          {form ? null : (
            <Button
              type="primary"
              block
              onClick={() =>
                open({
                  action: 'createUnit',
                  title: '建立党委',
                  payload: { kind: 'committee', parentId: null },
                  name: { label: '党委名称', limit: 30, value: '' },
                  picks: [],
                })
              }
            >
              建立党委
            </Button>
          )}
        </Card>
      ) : null}
      {hasCommittee && !form ? (
        <View
          className="org-admin-page__link"
          ariaRole="button"
          ariaLabel="操作记录与搜索索引"
          onClick={() => void Taro.navigateTo({ url: routes.orgAudit })}
        >
          <View className="org-admin-page__unit-body">
            <Text className="org-admin-page__unit-name">操作记录与搜索索引</Text>
            <Text className="org-admin-page__meta">每次调整的操作人、时间、前后变化 · 重建搜索索引</Text>
          </View>
          <Text className="org-admin-page__arrow">›</Text>
        </View>
      ) : null}
      {rows.length > 0 ? (
        <Card title="组织架构" extra={<Text>点按组织或党小组进行管理</Text>}>
          {rows.map(({ unit, depth, groups }) => (
            <View key={unit.id} style={{ paddingLeft: `${depth * 32}px` }}>
              <View
                className="org-admin-page__unit"
                ariaRole="button"
                ariaLabel={`管理${unit.name}`}
                onClick={() => void onUnit(unit)}
              >
                <View className="org-admin-page__unit-body">
                  <Text className="org-admin-page__unit-name">{unit.name}</Text>
                  <Text className="org-admin-page__meta">
                    {[
                      UNIT_KIND_LABELS[unit.kind],
                      unit.kind === 'branch'
                        ? `书记：${unit.secretaries.map((s) => s.name).join('、') || '未设'}`
                        : null,
                      `${unit.memberCount} 人`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </View>
                <Text className="org-admin-page__arrow">›</Text>
              </View>
              {unit.kind === 'branch' ? (
                // Who has bound WeChat, and the invites: a secretary just set gets theirs from here.
                <View
                  className="org-admin-page__roster"
                  ariaRole="button"
                  ariaLabel={`${unit.name}党员名册与邀请码`}
                  onClick={() =>
                    void Taro.navigateTo({
                      url: `${routes.branchMembers}?branchId=${encodeURIComponent(unit.id)}&branchName=${encodeURIComponent(unit.name)}`,
                    })
                  }
                >
                  <Text className="org-admin-page__roster-text">党员名册与邀请码 ›</Text>
                </View>
              ) : null}
              {groups.map((g) => (
                <View
                  key={g.id}
                  className="org-admin-page__group"
                  ariaRole="button"
                  ariaLabel={`管理${g.name}`}
                  onClick={() => void onGroup(g)}
                >
                  <Text className="org-admin-page__group-name">{g.name}</Text>
                  <Text className="org-admin-page__meta">
                    {`组长：${g.leader?.name || '未设'} · ${g.memberCount} 人`}
                  </Text>
                </View>
              ))}
            </View>
          ))}
        </Card>
      ) : null}
    </View>
  )
}
