import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { GuideView } from '@contract/api'
import { SURVEY_FIELD_LABELS } from '@domain/survey'
import { chinaDay } from '@domain/time'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { useGuide } from '@/features/guide'
import type { GuidePage } from '@/features/guide'
import { routes } from '@/routes'
import { GuideEditorCard } from './components/GuideEditorCard'
import '../../admin.css'
import './index.css'

/** A line of words whose dates (2026-12-31) never break at a phone's width: the line wraps between words. */
function KeepDates({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
        i % 2 === 1 ? (
          <Text key={i} className="guide__date">
            {part}
          </Text>
        ) : (
          part
        ),
      )}
    </>
  )
}

/** The committee's 申报情况: who has proposed, who has not (remind them), which key problems nobody took up. */
function ProgressCard({ data, page }: { data: GuideView; page: GuidePage }) {
  const p = data.progress
  if (!p || !data.guide?.published) return null
  const due = p.missing.filter((m) => !m.remindedToday).length
  return (
    <Card title="申报情况" extra={`${p.proposed}/${p.branches} 个支部已申报`}>
      {p.untaken > 0 ? (
        <Text className="admin-meta admin-meta--warn">
          {p.untaken} 个重点问题尚无支部选题（见下方重点问题）
        </Text>
      ) : (
        <Text className="admin-meta">每个重点问题都已有支部选题</Text>
      )}
      {p.missing.length === 0 ? (
        <Text className="admin-meta">各支部都已提交立项申请</Text>
      ) : (
        <>
          <Text className="admin-meta">尚未申报的支部：</Text>
          {p.missing.map((m) => (
            <View key={m.branchId} className="admin-row">
              <Text className="admin-row__title">{m.branchName}</Text>
              <Text className="admin-row__value">{m.remindedToday ? '今天已提醒' : '未申报'}</Text>
            </View>
          ))}
          <View className="guide__actions">
            <Button type="primary" disabled={page.busy || due === 0} onClick={() => void page.remind()}>
              {due > 0 ? `提醒未申报支部（${due}）` : '今天已提醒'}
            </Button>
          </View>
        </>
      )}
    </Card>
  )
}

/**
 * 选题指南: the committee's guide for a year's proposals — categories, focus, the key problems of the 大调研 and
 * the proposal window. Everyone reads the published guide; the committee edits, publishes, sees who has not
 * proposed and reminds them.
 */
export default function GuidePageView() {
  const asked = Number(useRouter().params.year)
  const page = useGuide(Number.isInteger(asked) && asked > 2000 ? asked : undefined)
  const [editing, setEditing] = useState(false)
  const data = page.view.data

  usePullDownRefresh(() => {
    void page.view.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className="admin-page">
        {page.view.error ? (
          <ErrorState
            title="选题指南加载失败"
            message={page.view.error.message}
            onRetry={() => void page.view.reload()}
          />
        ) : (
          <LoadingState text="正在加载选题指南…" />
        )}
      </View>
    )
  }
  const g = data.guide
  const save = (content: Parameters<GuidePage['save']>[0], publish: boolean) =>
    void page.save(content, publish).then((done) => done && setEditing(false))
  const editor = (
    <GuideEditorCard
      key={`${data.year}-${g?.history.length ?? 0}-${g?.published ? 1 : 0}`}
      year={data.year}
      saved={g}
      busy={page.busy}
      onSave={save}
      onCancel={g ? () => setEditing(false) : undefined}
    />
  )

  if (!g) {
    return (
      <View className="admin-page">
        <Card title={`${data.year} 年选题指南`} extra="未发布">
          <Text className="admin-meta">
            {data.canEdit
              ? '根据大调研梳理的重点问题，确定本年度的项目类别、重点领域和申报时间，发布后各支部按指南选题。'
              : '党委尚未发布本年度选题指南，发布后可在这里查看项目类别、重点问题和申报时间。'}
          </Text>
        </Card>
        {data.canEdit ? editor : <EmptyState title="暂无选题指南" description="可以先到大调研提出问题、+1" />}
      </View>
    )
  }

  return (
    <View className="admin-page">
      <Card title={`${data.year} 年选题指南`} extra={g.published ? '已发布' : '草稿'}>
        {data.window ? (
          <Text className={`admin-meta${data.window.state === 'closed' ? ' admin-meta--warn' : ''}`}>
            {data.window.text}
          </Text>
        ) : (
          <Text className="admin-meta">
            草稿尚未发布，各支部看不到；申报 {g.opensOn} 至 {g.deadline}
          </Text>
        )}
        {g.focus ? <Text className="admin-meta">{g.focus}</Text> : null}
        {g.focusFields.length > 0 ? (
          <Text className="admin-meta">
            重点领域：{g.focusFields.map((f) => SURVEY_FIELD_LABELS[f]).join('、')}
          </Text>
        ) : null}
        {data.canEdit && !editing ? (
          <View className="guide__actions">
            <Button disabled={page.busy} onClick={() => setEditing(true)}>
              {g.published ? '修改指南' : '继续编辑'}
            </Button>
          </View>
        ) : null}
      </Card>
      {editing ? editor : null}
      <ProgressCard data={data} page={page} />
      <Card title="项目类别" extra={`${g.categories.length} 类`}>
        {g.categories.map((c) => (
          <View key={c.id} className="admin-row">
            <View className="admin-row__main">
              <Text className="admin-row__title">{c.label}</Text>
              {c.note ? <Text className="admin-row__sub">{c.note}</Text> : null}
            </View>
          </View>
        ))}
      </Card>
      <Card title="重点问题" extra={`${data.keyProblems.length} 个`}>
        {data.keyProblems.length === 0 ? (
          <Text className="admin-meta">大调研还没有标出重点问题</Text>
        ) : (
          data.keyProblems.map((p) => (
            <View key={p.id} className="guide__problem">
              <Text className="admin-row__title">{p.text}</Text>
              <Text className="admin-row__sub">
                {SURVEY_FIELD_LABELS[p.field]} · {p.branchName} · {p.count} 人 +1
              </Text>
              {p.takenBy ? (
                <Text className={`guide__taken${p.takenBy.length === 0 ? ' guide__taken--none' : ''}`}>
                  {p.takenBy.length > 0 ? `已选题：${p.takenBy.join('、')}` : '尚无支部选题'}
                </Text>
              ) : null}
            </View>
          ))
        )}
        <View className="guide__actions">
          <Button size="small" onClick={() => void Taro.navigateTo({ url: routes.survey })}>
            查看大调研全部问题
          </Button>
        </View>
      </Card>
      {g.history.length > 0 ? (
        <Card title="历史版本">
          {g.history.map((h) => (
            <View key={h.at} className="admin-row">
              <View className="admin-row__main">
                <Text className="admin-row__title">
                  <KeepDates text={h.summary} />
                </Text>
                <Text className="admin-row__sub">
                  {h.byName} · <Text className="guide__date">{chinaDay(h.at)}</Text>
                </Text>
              </View>
            </View>
          ))}
        </Card>
      ) : null}
      {data.window?.state === 'closed' && !data.canEdit ? (
        <Notice tone="info" title="申报已截止：草稿仍可保存，如需补报请联系党委延长申报时间" />
      ) : null}
    </View>
  )
}
