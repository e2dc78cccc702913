import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { LectureDetail, QuizResult } from '@contract/api'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { submitLectureQuiz } from '../api/lectures'

export interface QuizState {
  /** Chosen option indexes by question id. */
  answers: Record<string, number[]>
  /** A single choice replaces the choice; a multiple choice toggles. */
  choose: (questionId: string, option: number) => void
  /** Question numbers (from 1) left unanswered at the last try to submit; empty when none. */
  unanswered: number[]
  submitting: boolean
  /** The graded attempt; the questions stay on screen marked 答对 / 答错. */
  result: QuizResult | null
  submit: () => Promise<void>
  /** 再做一次: a clean sheet. */
  retry: () => void
}

type Quiz = NonNullable<LectureDetail['quiz']>

/** 随堂测验: every question answered, confirmed, graded on the server; as many tries as the member likes. */
export function useQuiz(lectureId: string | undefined, quiz: Quiz | null | undefined): QuizState {
  const [answers, setAnswers] = useState<Record<string, number[]>>({})
  const [unanswered, setUnanswered] = useState<number[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [result, setResult] = useState<QuizResult | null>(null)

  const missingOf = (a: Record<string, number[]>) =>
    (quiz?.questions ?? []).flatMap((q, k) => ((a[q.id] ?? []).length === 0 ? [k + 1] : []))

  const choose = (questionId: string, option: number) => {
    if (result || submitting) return
    const q = quiz?.questions.find((x) => x.id === questionId)
    if (!q) return
    const chosen = answers[questionId] ?? []
    const next =
      q.kind === 'single'
        ? [option]
        : chosen.includes(option)
          ? chosen.filter((c) => c !== option)
          : [...chosen, option].sort((a, b) => a - b)
    const all = { ...answers, [questionId]: next }
    setAnswers(all)
    if (unanswered.length > 0) setUnanswered(missingOf(all))
  }

  const submit = async () => {
    if (!lectureId || !quiz || submitting || result) return
    const missing = missingOf(answers)
    setUnanswered(missing)
    if (missing.length > 0) {
      void Taro.pageScrollTo({ selector: `#quiz-q${missing[0]}`, duration: 300 })
      return
    }
    const ok = await confirmAction({
      title: '提交测验',
      content: '提交后立即判分，没通过可以再做。确认提交？',
      confirmText: '提交',
    })
    if (!ok) return
    setSubmitting(true)
    try {
      setResult(await submitLectureQuiz(lectureId, answers))
      void Taro.pageScrollTo({ scrollTop: 0, duration: 300 })
    } catch (e) {
      showErrorToast(e)
    } finally {
      setSubmitting(false)
    }
  }

  const retry = () => {
    setAnswers({})
    setUnanswered([])
    setResult(null)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 300 })
  }

  return { answers, choose, unanswered, submitting, result, submit, retry }
}
