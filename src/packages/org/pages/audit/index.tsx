import { useCallback } from 'react'
import type { AuditEntryView } from '@contract/api'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { reindexProgressText } from '@domain/org-audit'
import type { ReindexKind } from '@domain/org-audit'
import { chineseTime } from '@domain/time'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { ListFooter } from '@/components/ListFooter'
import { LoadingState } from '@/components/LoadingState'
import { usePagedList } from '@/hooks/use-paged-list'
import { fetchAuditLog } from '@/features/org/api/org-admin'
import { useReindex } from '@/features/org/hooks/use-reindex'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import './index.css'

/**
 * 操作记录与索引 (committee, from 组织管理): every change of the organisation — who, what, when, before and after —
 * newest first, a page at a time; and 重建搜索索引, run from here with its progress, for projects or people made
 * before search existed.
 */
export default function OrgAuditPage() {
  const load = useCallback(async (cursor: string | null) => {
    const page = await fetchAuditLog(cursor)
    return { items: page.items, next: page.nextCursor }
  }, [])
  const log = usePagedList<AuditEntryView, string>(load, (e) => e.id)
  const reindex = useReindex()

  usePullDownRefresh(() => {
    void log.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void log.loadMore()
  })

  const start = async (kind: ReindexKind) => {
    const asked = await Taro.showModal({
      title: `重建${kind === 'project' ? '项目' : '人员'}索引`,
      content: '逐批重新登记搜索索引，期间搜索照常可用。离开本页会暂停，可回来继续。',
      confirmText: '开始',
    })
    if (asked.confirm) void reindex.run(kind)
  }

  if (log.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void log.refresh()} />
  const s = reindex.state
  return (
    <View className="org-audit-page">
      <Card title="搜索索引" extra={<Text>项目、人员搜不到时重建</Text>}>
        {s ? (
          <View className="org-audit-page__progress" ariaRole="status">
            <Text className="org-audit-page__progress-text">
              {reindexProgressText(s.kind, s.done, s.total, s.finished)}
            </Text>
            <View className="org-audit-page__bar">
              <View
                className="org-audit-page__bar-fill"
                style={{
                  width: `${s.finished ? 100 : s.total > 0 ? Math.min(99, (s.done / s.total) * 100) : 0}%`,
                }}
              />
            </View>
            {s.error ? <Text className="org-audit-page__error">{`已暂停：${s.error.message}`}</Text> : null}
          </View>
        ) : null}
        <View className="org-audit-page__actions">
          {s?.running ? (
            <Button type="default" block onClick={reindex.stop}>
              暂停
            </Button>
          ) : (
            <>
              {s && !s.finished ? (
                <Button type="primary" block onClick={() => void reindex.run(s.kind, true)}>
                  继续
                </Button>
              ) : null}
              <Button type="default" block onClick={() => void start('project')}>
                重建项目索引
              </Button>
              <Button type="default" block onClick={() => void start('person')}>
                重建人员索引
              </Button>
            </>
          )}
        </View>
      </Card>
      <Card title="操作记录" extra={<Text>最新在前</Text>}>
        {log.loading ? (
          <LoadingState text="正在加载操作记录…" />
        ) : log.error ? (
          <ErrorState message={log.error.message} onRetry={() => void log.refresh()} />
        ) : log.items.length === 0 ? (
          <EmptyState title="还没有组织调整" description="在组织管理中的每一次调整都会记在这里" />
        ) : (
          log.items.map((e) => (
            <View key={e.id} className="org-audit-page__entry">
              <View className="org-audit-page__head">
                <Text className="org-audit-page__label">{e.label}</Text>
                <Text className="org-audit-page__when">{chineseTime(new Date(e.at))}</Text>
              </View>
              <Text className="org-audit-page__summary">{e.summary}</Text>
              {e.before !== null && e.after !== null ? (
                <View className="org-audit-page__change">
                  <Text className="org-audit-page__side">{`调整前：${e.before}`}</Text>
                  <Text className="org-audit-page__side">{`调整后：${e.after}`}</Text>
                </View>
              ) : null}
              <Text className="org-audit-page__who">{`操作人：${e.actorName}`}</Text>
            </View>
          ))
        )}
        {!log.loading && !log.error && log.items.length > 0 ? (
          <ListFooter list={log} endText="没有更早的记录了" />
        ) : null}
      </Card>
    </View>
  )
}
