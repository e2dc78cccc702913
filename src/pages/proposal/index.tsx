import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ANSWER_KEYS } from '@contract/entities'
import { categoryLabelsOf } from '@domain/guide'
import { describeMissing, PROPOSAL_LABELS } from '@domain/proposal'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { TextField } from '@/components/TextField'
import { useGuideFor } from '@/features/guide'
import { CategoryPicker } from '@/features/proposal/components/CategoryPicker'
import { ProblemPicker } from '@/features/proposal/components/ProblemPicker'
import { SaveIndicator } from '@/features/proposal/components/SaveIndicator'
import { fieldAnchor, useProposalForm } from '@/features/proposal/hooks/use-proposal-form'
import { limitOf, textOf, type TextFieldKey } from '@/features/proposal/proposal-values'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useMe } from '@/features/org/hooks/use-me'
import { BorrowedFromNote } from '@/features/showcase'
import { routes } from '@/routes'
import { CloudError } from '@/services/cloud-error'
import { showErrorToast } from '@/services/show-error-toast'
import './index.css'

const MULTILINE: TextFieldKey[] = ['problem', ...ANSWER_KEYS]

export default function ProposalPage() {
  const { params } = useRouter()
  // The person, also when a link opens this page first: whose branch a new draft is for, or no member at all.
  const who = useMe()
  const me = who.data
  const secretaryOf = me?.grants.find((g) => g.role === 'secretary')
  const form = useProposalForm(
    params.id,
    secretaryOf && 'branchId' in secretaryOf ? secretaryOf.branchId : undefined,
  )

  // The year's 选题指南: its categories' names, its key problems and its window (none: the defaults, no window).
  const guide = useGuideFor(form.year, !form.loading && !form.loadError).data ?? null
  const published = guide?.guide?.published ? guide : null

  if (who.error?.code === 'NOT_REGISTERED') return <NotRegistered onRetry={() => void who.reload()} />
  if (form.loading) return <LoadingState text="正在加载立项表…" />
  if (form.loadError) {
    return <ErrorState title="立项表加载失败" message={form.loadError.message} onRetry={form.reload} />
  }

  const isMissing = (field: string) => form.missing?.some((m) => m.field === field) ?? false
  const field = (key: TextFieldKey) => (
    <TextField
      key={key}
      id={fieldAnchor(key)}
      label={PROPOSAL_LABELS[key]}
      value={textOf(form.values, key)}
      limit={limitOf(key)}
      multiline={MULTILINE.includes(key)}
      required
      disabled={!form.editable}
      error={isMissing(key) ? `请填写${PROPOSAL_LABELS[key]}` : undefined}
      onChange={(v) => form.setText(key, v)}
    />
  )

  return (
    <View className="proposal-page">
      {form.returnComment ? <Notice title="党委退回意见" items={[form.returnComment]} /> : null}
      {!form.editable ? <Notice tone="info" title="立项表已提交，当前不能修改" /> : null}
      {form.borrowedFrom ? <BorrowedFromNote from={form.borrowedFrom} /> : null}
      {published?.window && form.editable ? (
        <View className="proposal-page__guide">
          <Notice
            tone={published.window.state === 'open' ? 'info' : 'warning'}
            title={`${published.year} 年选题指南：${published.window.text}`}
            items={
              published.window.state === 'open'
                ? []
                : ['草稿会自动保存；不在申报时间内不能提交，如需补报请联系党委']
            }
          />
          <View
            className="proposal-page__guide-link"
            ariaRole="link"
            ariaLabel="查看选题指南"
            onClick={() => void Taro.navigateTo({ url: routes.guide })}
          >
            <Text>查看选题指南 ›</Text>
          </View>
        </View>
      ) : null}
      <Card title="基本信息">
        {field('title')}
        <CategoryPicker
          id={fieldAnchor('category')}
          value={form.values.category}
          disabled={!form.editable}
          error={isMissing('category') ? `请选择${PROPOSAL_LABELS.category}` : undefined}
          onChange={form.setCategory}
          labels={categoryLabelsOf(published?.guide?.categories ?? null)}
          options={published?.guide?.categories.map((c) => c.id)}
        />
        {field('slogan')}
        {field('problem')}
      </Card>
      {published && published.keyProblems.length > 0 ? (
        <Card title="针对的重点问题" extra="选填，可多选">
          <Text className="proposal-page__hint">以问题为导向：勾选本项目要破解的大调研重点问题</Text>
          <ProblemPicker
            problems={published.keyProblems}
            value={form.values.problemIds}
            disabled={!form.editable}
            onChange={form.setProblemIds}
            onRefused={(message) => showErrorToast(new CloudError('INVALID_INPUT', message))}
          />
        </Card>
      ) : null}
      <Card title="立项六问">{ANSWER_KEYS.map((key) => field(key))}</Card>
      {form.editable ? (
        <BottomBar>
          <View className="proposal-page__bar">
            {form.missing && form.missing.length > 0 ? (
              <Text className="proposal-page__missing">{describeMissing(form.missing)}</Text>
            ) : null}
            <View className="proposal-page__buttons">
              <SaveIndicator state={form.saveState} onRetry={() => void form.saveNow()} />
              <Button type="primary" loading={form.submitting} onClick={() => void form.submit()}>
                提交立项
              </Button>
            </View>
          </View>
        </BottomBar>
      ) : null}
    </View>
  )
}
