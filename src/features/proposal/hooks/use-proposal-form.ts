import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { BorrowedFrom, ProjectCategory } from '@contract/entities'
import { missingProposalFields, type MissingField } from '@domain/proposal'
import { fetchProject, submitProposal } from '@/features/projects'
import { routes } from '@/routes'
import { useFormLoad } from '@/hooks/use-form-load'
import type { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { askToSubscribe } from '@/services/subscribe'
import { saveDraft } from '../api/save-draft'
import {
  draftPayload,
  emptyProposal,
  forCheck,
  fromDetail,
  withText,
  type ProposalValues,
  type TextFieldKey,
} from '../proposal-values'

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800

/** idle: nothing typed yet; dirty: waiting to save; then saving → saved, or error. */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error'

export const fieldAnchor = (field: string) => `proposal-${field}`

export interface ProposalForm {
  values: ProposalValues
  loading: boolean
  loadError: CloudError | undefined
  reload: () => void
  /** False when the proposal is with the committee or beyond. */
  editable: boolean
  /** The committee's reason when the proposal came back. */
  returnComment: string | null
  /** 借鉴自: the 十佳 project this draft was started from. */
  borrowedFrom: BorrowedFrom | null
  saveState: SaveState
  /** Fields still empty after a submit attempt (null before the first attempt). */
  missing: MissingField[] | null
  submitting: boolean
  setText: (field: TextFieldKey, value: string) => void
  setCategory: (category: ProjectCategory) => void
  setProblemIds: (ids: string[]) => void
  /** The project's year once loaded (a new draft: undefined, this year). */
  year: number | undefined
  /** Saves now whatever is waiting. */
  saveNow: () => Promise<boolean>
  submit: () => Promise<void>
}

/**
 * The 立项表: loads a draft (or starts a new one), saves as the person types, and on submit checks
 * completeness locally first, naming exactly what is missing.
 */
export function useProposalForm(id: string | undefined, branchId: string | undefined): ProposalForm {
  const [values, setValues] = useState<ProposalValues>(emptyProposal)
  const [editable, setEditable] = useState(!id)
  const [returnComment, setReturnComment] = useState<string | null>(null)
  const [borrowedFrom, setBorrowedFrom] = useState<BorrowedFrom | null>(null)
  const [saveState, setSaveState] = useState<SaveState>(id ? 'saved' : 'idle')
  const [missing, setMissing] = useState<MissingField[] | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [year, setYear] = useState<number>()

  const current = useRef(values)
  const projectId = useRef(id)
  const dirty = useRef(false)
  const inFlight = useRef<Promise<boolean> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()

  const read = useCallback(async () => {
    if (!id) return
    const detail = await fetchProject(id)
    const loaded = fromDetail(detail)
    current.current = loaded
    setValues(loaded)
    setEditable(detail.can.includes('edit'))
    setYear(detail.year)
    const latest = detail.events[0]
    setReturnComment(detail.status === 'returned' && latest?.action === 'return' ? latest.comment : null)
    setBorrowedFrom(detail.borrowedFrom)
  }, [id])
  const { loading, loadError, reload } = useFormLoad(id ? read : undefined)

  // One save at a time, so a new draft is created once and later saves carry its id.
  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current
    if (!dirty.current) return true
    dirty.current = false
    const run = (async () => {
      setSaveState('saving')
      try {
        const res = await saveDraft(draftPayload(current.current, projectId.current, branchId))
        projectId.current = res.id
        setSaveState(dirty.current ? 'dirty' : 'saved')
        return true
      } catch (e) {
        dirty.current = true
        setSaveState('error')
        showErrorToast(e)
        return false
      }
    })()
    inFlight.current = run
    try {
      return await run
    } finally {
      if (inFlight.current === run) inFlight.current = null
    }
  }, [branchId])

  const saveNow = useCallback(async () => {
    clearTimeout(timer.current)
    return save()
  }, [save])

  // Leaving the page saves what is still waiting.
  useEffect(
    () => () => {
      clearTimeout(timer.current)
      if (dirty.current) void save()
    },
    [save],
  )

  const change = (next: ProposalValues) => {
    if (!editable) return
    current.current = next
    setValues(next)
    dirty.current = true
    setSaveState('dirty')
    if (missing) setMissing(missingProposalFields(forCheck(next)))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
  }

  const submit = async () => {
    if (submitting || !editable) return
    const stillMissing = missingProposalFields(forCheck(current.current))
    setMissing(stillMissing)
    if (stillMissing.length > 0) {
      void Taro.pageScrollTo({ selector: `#${fieldAnchor(stillMissing[0].field)}`, duration: 300 })
      return
    }
    // The committee's decision comes back to the secretary who sent it: the 'propose' prompt's templates.
    const ok = await confirmAction({
      title: '提交立项',
      content: '提交后由党委审批，审批期间不能修改立项表。确认提交？',
      confirmText: '提交',
    })
    if (!ok) return
    // After the confirm dialog, never stacked on it: WeChat counts its 确定 as the tap the request needs.
    void askToSubscribe('propose')
    setSubmitting(true)
    try {
      if (!(await saveNow()) || !projectId.current) return
      await submitProposal(projectId.current)
      setEditable(false)
      showSuccessToast('已提交立项')
      if (id) void Taro.navigateBack()
      else void Taro.redirectTo({ url: routes.project(projectId.current) })
    } catch (e) {
      showErrorToast(e)
    } finally {
      setSubmitting(false)
    }
  }

  return {
    values,
    loading,
    loadError,
    reload,
    editable,
    returnComment,
    borrowedFrom,
    saveState,
    missing,
    submitting,
    setText: (field, value) => change(withText(current.current, field, value)),
    setCategory: (category) => change({ ...current.current, category }),
    setProblemIds: (problemIds) => change({ ...current.current, problemIds }),
    year,
    saveNow,
    submit,
  }
}
