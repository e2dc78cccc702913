import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { LectureAction, LectureStatus } from '@contract/entities-community'
import { routes } from '@/routes'
import { useFormLoad } from '@/hooks/use-form-load'
import type { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { fetchLecture, publishLecture, saveLectureDraft } from '../api/lectures'
import {
  type DraftAudience,
  type DraftQuestion,
  draftPayload,
  emptyLecture,
  emptyQuestion,
  emptyQuiz,
  formProblems,
  fromDetail,
  type LectureValues,
  QUIZ_LIMITS,
} from '../lecture-values'

/** clean: nothing changed since loading or saving; dirty: changes not saved yet. */
export type EditorSaveState = 'clean' | 'dirty' | 'saving' | 'saved' | 'error'

export const EDITOR_TOP = 'lecture-editor-top'

export interface LectureForm {
  /** The lecture once it exists (after the first save, for a new one). */
  id: string | undefined
  values: LectureValues
  loading: boolean
  loadError: CloudError | undefined
  reload: () => void
  /** null for a lecture not saved yet. */
  status: LectureStatus | null
  can: LectureAction[]
  /** Only a draft is edited. */
  editable: boolean
  /** What the form itself says is wrong (after a save was tried); these block saving. */
  localProblems: string[]
  /** What the function says still keeps the draft from publishing (after a save, or as loaded). */
  problems: string[]
  saveState: EditorSaveState
  busy: boolean
  change: (patch: Partial<LectureValues>) => void
  setQuestion: (index: number, question: DraftQuestion) => void
  addQuestion: () => void
  removeQuestion: (index: number) => void
  toggleQuiz: (on: boolean) => void
  /** Saves the draft; resolves true when saved. */
  save: () => Promise<boolean>
  publish: () => Promise<void>
}

export interface LectureFormOptions {
  id: string | undefined
  /** A secretary's branch: a new lecture is created for it (the committee's own lectures have none). */
  branchId: string | undefined
  /** Where a new lecture goes until the editor says otherwise. */
  audience: DraftAudience
}

/**
 * The lecture editor: loads a draft (or starts a new one), checks what the function would refuse before
 * sending, saves on 保存草稿 (and when leaving with changes), and publishes after a save shows nothing missing.
 */
export function useLectureForm({ id, branchId, audience }: LectureFormOptions): LectureForm {
  const [values, setValues] = useState<LectureValues>(() => emptyLecture(audience))
  const [status, setStatus] = useState<LectureStatus | null>(null)
  const [can, setCan] = useState<LectureAction[]>(id ? [] : ['edit', 'publish'])
  const [localProblems, setLocalProblems] = useState<string[]>([])
  const [problems, setProblems] = useState<string[]>([])
  const [saveState, setSaveState] = useState<EditorSaveState>('clean')
  const [busy, setBusy] = useState(false)

  const current = useRef(values)
  const lectureId = useRef(id)
  const dirty = useRef(false)
  const tried = useRef(false)

  const read = useCallback(async () => {
    if (!id) return
    const detail = await fetchLecture(id)
    const loaded = fromDetail(detail)
    current.current = loaded
    setValues(loaded)
    setStatus(detail.status)
    setCan(detail.can)
    setProblems(detail.problems)
    dirty.current = false
    setSaveState('clean')
  }, [id])
  const { loading, loadError, reload } = useFormLoad(id ? read : undefined)

  const editable = (status === null || status === 'draft') && can.includes('edit')

  const send = useCallback(async (): Promise<{ id: string; problems: string[] } | null> => {
    const local = formProblems(current.current)
    setLocalProblems(local)
    if (local.length > 0) return null
    dirty.current = false
    setSaveState('saving')
    try {
      const res = await saveLectureDraft(draftPayload(current.current, lectureId.current, branchId))
      lectureId.current = res.id
      setStatus(res.status)
      setProblems(res.problems)
      setSaveState(dirty.current ? 'dirty' : 'saved')
      return { id: res.id, problems: res.problems }
    } catch (e) {
      dirty.current = true
      setSaveState('error')
      showErrorToast(e)
      return null
    }
  }, [branchId])

  // Leaving with changes keeps them, when the function would take them.
  useEffect(
    () => () => {
      if (dirty.current && formProblems(current.current).length === 0) void send()
    },
    [send],
  )

  const change = (patch: Partial<LectureValues>) => {
    if (!editable) return
    const next = { ...current.current, ...patch }
    current.current = next
    setValues(next)
    dirty.current = true
    setSaveState('dirty')
    if (tried.current) setLocalProblems(formProblems(next))
  }

  const questions = () => current.current.quiz?.questions ?? []
  const withQuestions = (list: DraftQuestion[]) => {
    const quiz = current.current.quiz ?? emptyQuiz()
    change({ quiz: { ...quiz, questions: list } })
  }

  const scrollToTop = () => void Taro.pageScrollTo({ selector: `#${EDITOR_TOP}`, duration: 300 })

  // What the form itself refuses is said at once, without a round trip.
  const checked = (): boolean => {
    tried.current = true
    const local = formProblems(current.current)
    setLocalProblems(local)
    if (local.length > 0) scrollToTop()
    return local.length === 0
  }

  const save = async (): Promise<boolean> => {
    if (busy || !editable || !checked()) return false
    setBusy(true)
    try {
      const saved = await send()
      if (saved) showSuccessToast('已保存草稿')
      else scrollToTop()
      return saved !== null
    } finally {
      setBusy(false)
    }
  }

  const publish = async () => {
    if (busy || !editable || !checked()) return
    setBusy(true)
    try {
      // Saving first: what the function says is missing is then about exactly what is on screen.
      const saved = await send()
      if (!saved) return scrollToTop()
      if (saved.problems.length > 0) {
        scrollToTop()
        void Taro.showToast({ title: '还不能发布，请先补全', icon: 'none', duration: 2000 })
        return
      }
      const ok = await confirmAction({
        title: '发布讲坛',
        content: '发布后，面向的党员即可学习，讲坛内容不能再修改。确认发布？',
        confirmText: '发布',
      })
      if (!ok) return
      await publishLecture(saved.id)
      setStatus('published')
      showSuccessToast('已发布')
      void Taro.redirectTo({ url: routes.lecture(saved.id) })
    } catch (e) {
      showErrorToast(e)
    } finally {
      setBusy(false)
    }
  }

  return {
    id: lectureId.current,
    values,
    loading,
    loadError,
    reload,
    status,
    can,
    editable,
    localProblems,
    problems,
    saveState,
    busy,
    change,
    setQuestion: (index, question) => withQuestions(questions().map((q, k) => (k === index ? question : q))),
    addQuestion: () => {
      if (questions().length < QUIZ_LIMITS.questions) withQuestions([...questions(), emptyQuestion()])
    },
    removeQuestion: (index) => {
      const rest = questions().filter((_, k) => k !== index)
      // The last question gone is the quiz gone.
      if (rest.length === 0) change({ quiz: null })
      else withQuestions(rest)
    },
    toggleQuiz: (on) => change({ quiz: on ? (current.current.quiz ?? emptyQuiz()) : null }),
    save,
    publish,
  }
}
