import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MeView } from '@contract/api'
import { chinaDay } from '@domain/checkins'
import { QUIZ_REVEAL_LABELS } from '@domain/labels'
import { LECTURE_LIMITS } from '@domain/lectures'
import { BottomBar } from '@/components/BottomBar'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { TextField, paragraph, optionalParagraph } from '@/components/TextField'
import { CheckRow } from '@/features/lectures/components/CheckRow'
import { CloudPhotoPicker } from '@/features/lectures/components/CloudPhotoPicker'
import { MediaField } from '@/features/lectures/components/MediaField'
import { OptionChips } from '@/features/lectures/components/OptionChips'
import { QuestionEditor } from '@/features/lectures/components/QuestionEditor'
import { Stepper } from '@/features/lectures/components/Stepper'
import { WithdrawSheet } from '@/features/lectures/components/WithdrawSheet'
import { EDITOR_TOP, type EditorSaveState, useLectureForm } from '@/features/lectures/hooks/use-lecture-form'
import { useWithdraw } from '@/features/lectures/hooks/use-withdraw'
import { isCommitteeMember, secretaryBranchIds } from '@/features/lectures/lecture-roles'
import {
  BODY_TEXT_LIMIT,
  MAX_BODY_IMAGES,
  PASS_MARK_STEP,
  QUIZ_LIMITS,
  questionProblem,
  STUDY_MINUTES,
} from '@/features/lectures/lecture-values'
import { useBranches } from '@/features/org/hooks/use-branches'
import { PickerRow } from '@/features/plan/components/PickerRow'
import '@/components/button-row'
import './lecture-editor.css'

export interface LectureEditorProps {
  /** No id: a new lecture. */
  id: string | undefined
  me: MeView
}

const SAVE_WORDS: Record<EditorSaveState, string> = {
  clean: '',
  dirty: '有修改未保存',
  saving: '保存中…',
  saved: '已保存',
  error: '保存失败，请重试',
}

const BODY_PLACEHOLDER = '每行一段。以“# ”开头的一行是小标题，以“- ”开头的几行是列表。'

/** The 微讲坛 editor: the lecture, its audience and study requirements, its quiz; save, publish or withdraw. */
export function LectureEditor({ id, me }: LectureEditorProps) {
  const committee = isCommitteeMember(me)
  const own = secretaryBranchIds(me)
  const ownBranch = committee ? undefined : own[0]
  const form = useLectureForm({
    id,
    branchId: ownBranch,
    audience: ownBranch ? { scope: 'branches', branchIds: [ownBranch] } : { scope: 'company' },
  })
  const branches = useBranches(true)
  const withdraw = useWithdraw(form.id, form.reload)

  if (form.loading) return <LoadingState text="正在加载讲坛…" />
  if (form.loadError)
    return <ErrorState title="讲坛加载失败" message={form.loadError.message} onRetry={form.reload} />

  const v = form.values
  const off = !form.editable
  const today = chinaDay(new Date())
  // A secretary reaches only their own branches; the committee any branch.
  const reachable = (branches ?? []).filter((b) => committee || own.includes(b.id))
  const chosenBranches = v.audience.scope === 'branches' ? v.audience.branchIds : []
  const nameOf = (branchId: string) =>
    reachable.find((b) => b.id === branchId)?.name ?? (me.branch?.id === branchId ? me.branch.name : '本支部')
  const toggleBranch = (branchId: string) =>
    form.change({
      audience: {
        scope: 'branches',
        branchIds: chosenBranches.includes(branchId)
          ? chosenBranches.filter((b) => b !== branchId)
          : [...chosenBranches, branchId],
      },
    })
  const showProblems = form.localProblems.length > 0

  return (
    <View className="lecture-editor">
      <View id={EDITOR_TOP} />
      {form.status === 'published' ? (
        <Notice tone="info" title="讲坛已发布，内容不能再修改" items={['如需更正，可撤回后新建讲坛']} />
      ) : null}
      {form.status === 'withdrawn' ? <Notice tone="info" title="讲坛已撤回" /> : null}
      {showProblems ? <Notice title="还不能保存，请先修改：" items={form.localProblems} /> : null}
      {form.editable && !showProblems && form.problems.length > 0 ? (
        <Notice title="发布前还需：" items={form.problems} />
      ) : null}

      <Card title="基本信息">
        <TextField
          label="标题"
          required
          value={v.title}
          limit={LECTURE_LIMITS.title}
          disabled={off}
          onChange={(title) => form.change({ title })}
        />
        <TextField
          label="主讲人"
          required
          value={v.speaker}
          limit={LECTURE_LIMITS.speaker}
          placeholder="例如：周晓东（运维部党支部书记）"
          disabled={off}
          onChange={(speaker) => form.change({ speaker })}
        />
        <TextField
          {...paragraph('简介', LECTURE_LIMITS.summary, '一两句话说明这一课讲什么')}
          value={v.summary}
          disabled={off}
          onChange={(summary) => form.change({ summary })}
        />
      </Card>

      <Card title="正文">
        <TextField
          {...optionalParagraph('正文', BODY_TEXT_LIMIT, BODY_PLACEHOLDER)}
          value={v.bodyText}
          disabled={off}
          onChange={(bodyText) => form.change({ bodyText })}
        />
        <Text className="lecture-editor__hint">{BODY_PLACEHOLDER}正文和音视频至少要有一项。</Text>
        <Text className="lecture-editor__label">
          正文图片（选填，最多 {MAX_BODY_IMAGES} 张，排在文字之后）
        </Text>
        <CloudPhotoPicker
          fileIds={v.images}
          onChange={(images) => form.change({ images })}
          personId={me.id}
          max={MAX_BODY_IMAGES}
          disabled={off}
        />
        <Text className="lecture-editor__label">封面（选填，显示在列表中）</Text>
        <CloudPhotoPicker
          fileIds={v.cover ? [v.cover] : []}
          onChange={(ids) => form.change({ cover: ids[0] ?? null })}
          personId={me.id}
          max={1}
          disabled={off}
        />
      </Card>

      <Card title="音频或视频">
        <MediaField
          media={v.media}
          onChange={(media) => form.change({ media })}
          personId={me.id}
          disabled={off}
        />
      </Card>

      <Card title="学习要求">
        <Text className="lecture-editor__label">面向</Text>
        {committee ? (
          <OptionChips
            role="radio"
            options={[
              { key: 'company', label: '全公司' },
              { key: 'branches', label: '指定支部' },
            ]}
            selected={[v.audience.scope]}
            onToggle={(scope) =>
              form.change({
                audience: scope === 'company' ? { scope } : { scope, branchIds: chosenBranches },
              })
            }
            disabled={off}
          />
        ) : null}
        {v.audience.scope === 'branches' && (committee || own.length > 1) ? (
          <OptionChips
            role="checkbox"
            options={reachable.map((b) => ({ key: b.id, label: b.name }))}
            selected={chosenBranches}
            onToggle={toggleBranch}
            disabled={off}
          />
        ) : null}
        {!committee && own.length <= 1 ? (
          <Text className="lecture-editor__audience">
            {chosenBranches.map(nameOf).join('、') || '本支部'}（支部书记面向本支部发布）
          </Text>
        ) : null}
        <CheckRow
          label="设为必学"
          hint="必学讲坛须在期限内学完，逾期会提醒"
          checked={v.required}
          onChange={(required) => form.change({ required })}
          disabled={off}
        />
        {v.required ? (
          <Picker
            mode="date"
            value={v.deadline ?? today}
            start={today}
            disabled={off}
            onChange={(e) => form.change({ deadline: String(e.detail.value) })}
          >
            <PickerRow
              label="完成期限"
              value={v.deadline}
              placeholder="请选择日期"
              missing={v.deadline === null}
            />
          </Picker>
        ) : null}
        <Stepper
          label="最少学习时长"
          value={v.minStudyMinutes}
          min={STUDY_MINUTES.min}
          max={STUDY_MINUTES.max}
          unit="分钟"
          hint="累计学满这个时长，并读完或听完，才算学完"
          onChange={(minStudyMinutes) => form.change({ minStudyMinutes })}
          disabled={off}
        />
      </Card>

      <Card title="随堂测验（选填）">
        {v.quiz ? (
          <>
            <Stepper
              label="及格分数"
              value={v.quiz.passMark}
              min={0}
              max={100}
              step={PASS_MARK_STEP}
              unit="分"
              hint="按答对题数折算百分制"
              onChange={(passMark) => v.quiz && form.change({ quiz: { ...v.quiz, passMark } })}
              disabled={off}
            />
            <Text className="lecture-editor__label">何时显示正确答案（每天最多作答 3 次）</Text>
            <OptionChips
              role="radio"
              options={(['pass_or_last', 'pass'] as const).map((key) => ({
                key,
                label: QUIZ_REVEAL_LABELS[key],
              }))}
              selected={[v.quiz.reveal]}
              onToggle={(reveal) => v.quiz && form.change({ quiz: { ...v.quiz, reveal } })}
              disabled={off}
            />
            {v.quiz.questions.map((q, k) => (
              <QuestionEditor
                key={k}
                index={k}
                question={q}
                onChange={(next) => form.setQuestion(k, next)}
                onRemove={() => form.removeQuestion(k)}
                problem={showProblems ? questionProblem(q) : null}
                disabled={off}
              />
            ))}
            {!off ? (
              <View className="lecture-editor__quiz-actions button-row">
                {v.quiz.questions.length < QUIZ_LIMITS.questions ? (
                  <Button type="default" onClick={form.addQuestion}>
                    添加题目
                  </Button>
                ) : null}
                <Button type="default" onClick={() => form.toggleQuiz(false)}>
                  删除测验
                </Button>
              </View>
            ) : null}
          </>
        ) : off ? (
          <Text className="lecture-editor__hint">没有测验</Text>
        ) : (
          <View className="lecture-editor__quiz-actions button-row">
            <Button type="default" onClick={() => form.toggleQuiz(true)}>
              添加随堂测验
            </Button>
          </View>
        )}
      </Card>

      {form.editable ? (
        <BottomBar>
          <View className="lecture-editor__bar">
            {SAVE_WORDS[form.saveState] ? (
              <Text className={`lecture-editor__state lecture-editor__state--${form.saveState}`}>
                {SAVE_WORDS[form.saveState]}
              </Text>
            ) : null}
            <View className="lecture-editor__buttons button-row">
              <Button type="default" disabled={form.busy} onClick={() => void form.save()}>
                保存草稿
              </Button>
              {form.can.includes('publish') ? (
                <Button type="primary" loading={form.busy} onClick={() => void form.publish()}>
                  发布
                </Button>
              ) : null}
            </View>
          </View>
        </BottomBar>
      ) : form.can.includes('withdraw') ? (
        <BottomBar>
          <Button type="primary" onClick={withdraw.ask}>
            撤回讲坛
          </Button>
        </BottomBar>
      ) : null}
      <WithdrawSheet withdraw={withdraw} />
    </View>
  )
}
