import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { SurveyProblemView } from '@contract/api'
import { SURVEY_FIELDS } from '@contract/entities'
import { SURVEY_FIELD_LABELS } from '@domain/survey'
import { Card } from '@/components/Card'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { TextField, optionalParagraph } from '@/components/TextField'
import { PROBLEM_LIMIT, useSurvey } from '@/features/survey/hooks/use-survey'
import type { Survey } from '@/features/survey/hooks/use-survey'
import '../../admin.css'
import './index.css'

function ProblemCard({ p, survey, canCurate }: { p: SurveyProblemView; survey: Survey; canCurate: boolean }) {
  const open = !!survey.view.data?.round?.open
  const merging = survey.merging
  return (
    <Card title={SURVEY_FIELD_LABELS[p.field]} extra={p.key ? '重点问题' : undefined}>
      <Text className="admin-row__title">{p.text}</Text>
      <Text className="admin-row__sub">
        {p.branchName} · {p.authorName}
      </Text>
      {p.merged.length > 0 ? (
        <Text className="admin-row__sub">
          已合并相同问题 {p.merged.length} 条：{p.merged.map((m) => `${m.branchName}“${m.text}”`).join('；')}
        </Text>
      ) : null}
      <View className="survey__actions">
        {p.mine ? (
          <Text className="survey__count">我提的 · {p.count} 人 +1</Text>
        ) : (
          <Button
            size="small"
            type={p.endorsedByMe ? 'default' : 'primary'}
            disabled={!open || p.endorsedByMe || survey.busy}
            onClick={() => void survey.endorse(p.id)}
          >
            {p.endorsedByMe ? `已 +1（${p.count}）` : `+1（${p.count}）`}
          </Button>
        )}
        {canCurate && merging === null ? (
          <>
            <Button size="small" disabled={survey.busy} onClick={() => void survey.toggleKey(p.id, !p.key)}>
              {p.key ? '取消重点' : '标为重点'}
            </Button>
            <Button size="small" disabled={survey.busy} onClick={() => survey.startMerge(p.id)}>
              合并到…
            </Button>
          </>
        ) : null}
        {canCurate && merging !== null && merging !== p.id ? (
          <Button
            size="small"
            type="primary"
            disabled={survey.busy}
            onClick={() => void survey.mergeInto(p.id)}
          >
            合并到这一条
          </Button>
        ) : null}
      </View>
    </Card>
  )
}

/**
 * 大调研: the committee opens the year's round; members and secretaries write the problems and 短板 of their
 * branch, each in a field, and +1 others'; the committee merges duplicates and marks the key ones.
 */
export default function SurveyPage() {
  // A link may name the year (?year=2027); the page shows this year's round otherwise.
  const asked = Number(useRouter().params.year)
  const survey = useSurvey(Number.isInteger(asked) && asked > 2000 ? asked : undefined)
  const data = survey.view.data

  usePullDownRefresh(() => {
    void survey.view.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className="admin-page">
        {survey.view.error ? (
          <ErrorState
            title="调研加载失败"
            message={survey.view.error.message}
            onRetry={() => void survey.view.reload()}
          />
        ) : (
          <LoadingState text="正在加载调研…" />
        )}
      </View>
    )
  }
  const state = !data.round ? '尚未开启' : data.round.open ? '进行中' : '已结束'
  const mergingText = data.problems.find((p) => p.id === survey.merging)?.text
  return (
    <View className="admin-page">
      <Card title={`${data.year} 年度大调研`} extra={state}>
        <Text className="admin-meta">
          以问题为导向：写下支部在安全生产、经营提效、创新创效、队伍建设、和谐创建中遇到的问题和短板，党委据此形成选题指南。
        </Text>
        {data.round && !data.round.open ? (
          <Text className="admin-meta">调研已结束，不能再提交问题或 +1，已收集的问题保留。</Text>
        ) : null}
        {data.canCurate ? (
          <View className="survey__actions">
            {data.round?.open ? (
              <Button disabled={survey.busy} onClick={() => void survey.setOpen(false)}>
                结束调研
              </Button>
            ) : (
              <Button type="primary" disabled={survey.busy} onClick={() => void survey.setOpen(true)}>
                {data.round ? '重新开启调研' : '开启调研'}
              </Button>
            )}
          </View>
        ) : null}
      </Card>
      {data.canSubmit ? (
        <Card title="提交问题">
          <Text className="admin-meta">所属领域</Text>
          <View className="survey__fields" ariaRole="radiogroup" ariaLabel="所属领域">
            {SURVEY_FIELDS.map((f) => (
              <View
                key={f}
                className={`admin-chip${survey.field === f ? ' admin-chip--on' : ''}`}
                ariaRole="radio"
                ariaLabel={`${SURVEY_FIELD_LABELS[f]}${survey.field === f ? '（已选）' : ''}`}
                onClick={() => survey.setField(f)}
              >
                <Text>{SURVEY_FIELD_LABELS[f]}</Text>
              </View>
            ))}
          </View>
          <TextField
            {...optionalParagraph('问题或短板', PROBLEM_LIMIT, '例如：党建与业务“两张皮”，活动多、实效少')}
            value={survey.text}
            onChange={survey.setText}
          />
          <View className="survey__actions">
            <Button type="primary" loading={survey.busy} onClick={() => void survey.submit()}>
              提交问题
            </Button>
          </View>
        </Card>
      ) : null}
      {survey.merging ? (
        <View className="survey__merging">
          <Text className="admin-meta">把“{mergingText}”合并到哪一条？点选下面的“合并到这一条”。</Text>
          <Button size="small" onClick={() => survey.startMerge(null)}>
            取消合并
          </Button>
        </View>
      ) : null}
      {data.problems.length === 0 ? (
        <EmptyState
          title="还没有问题"
          description={data.round ? '党员提交的问题会显示在这里' : '党委开启调研后，党员可以在这里提交问题'}
        />
      ) : (
        <>
          <Text className="survey__total">共 {data.problems.length} 个问题 · 重点在前，+1 多的在前</Text>
          {data.problems.map((p) => (
            <ProblemCard key={p.id} p={p} survey={survey} canCurate={data.canCurate} />
          ))}
        </>
      )}
    </View>
  )
}
