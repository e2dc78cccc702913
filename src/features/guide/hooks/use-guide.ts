import { useCallback, useState } from 'react'
import type { GuideView } from '@contract/api'
import { PROJECT_CATEGORIES } from '@contract/entities'
import type { GuideContent, ProjectCategory, SurveyField } from '@contract/entities'
import { defaultGuideContent, guideIssues, yearCategoryLabels } from '@domain/guide'
import { CATEGORY_LABELS } from '@domain/labels'
import { usePageAction } from '@/hooks/use-page-action'
import { useRequest, type RequestState } from '@/hooks/use-request'
import { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { fetchGuide, remindProposals, saveGuide } from '../api/guide'

/** One of the five categories as the editor holds it: left out of the year's guide, or in with its words. */
export interface CategoryRow {
  id: ProjectCategory
  on: boolean
  label: string
  note: string
}

export interface GuideEditor {
  rows: CategoryRow[]
  toggle: (id: ProjectCategory) => void
  setLabel: (id: ProjectCategory, label: string) => void
  setNote: (id: ProjectCategory, note: string) => void
  focusFields: SurveyField[]
  toggleField: (f: SurveyField) => void
  focus: string
  setFocus: (text: string) => void
  opensOn: string
  setOpensOn: (day: string) => void
  deadline: string
  setDeadline: (day: string) => void
  /** What the guide would be, and what is wrong with it (empty: nothing). */
  content: () => GuideContent
}

/** The committee's form for a year's guide, filled from the saved one (or the five categories by default). */
export function useGuideEditor(year: number, saved: GuideView['guide']): GuideEditor {
  const start = saved ?? defaultGuideContent(year)
  const [rows, setRows] = useState<CategoryRow[]>(() =>
    PROJECT_CATEGORIES.map((id) => {
      const c = start.categories.find((x) => x.id === id)
      return { id, on: Boolean(c), label: c?.label ?? CATEGORY_LABELS[id], note: c?.note ?? '' }
    }),
  )
  const [focusFields, setFocusFields] = useState<SurveyField[]>(start.focusFields)
  const [focus, setFocus] = useState(start.focus)
  const [opensOn, setOpensOn] = useState(start.opensOn)
  const [deadline, setDeadline] = useState(start.deadline)
  const patch = (id: ProjectCategory, change: Partial<CategoryRow>) =>
    setRows((all) => all.map((r) => (r.id === id ? { ...r, ...change } : r)))
  return {
    rows,
    toggle: (id) => setRows((all) => all.map((r) => (r.id === id ? { ...r, on: !r.on } : r))),
    setLabel: (id, label) => patch(id, { label }),
    setNote: (id, note) => patch(id, { note }),
    focusFields,
    toggleField: (f) => setFocusFields((all) => (all.includes(f) ? all.filter((x) => x !== f) : [...all, f])),
    focus,
    setFocus,
    opensOn,
    setOpensOn,
    deadline,
    setDeadline,
    content: () => ({
      categories: rows
        .filter((r) => r.on)
        .map((r) => ({ id: r.id, label: r.label.trim(), note: r.note.trim() })),
      focusFields,
      focus: focus.trim(),
      opensOn,
      deadline,
    }),
  }
}

export interface GuidePage {
  view: RequestState<GuideView>
  busy: boolean
  save: (content: GuideContent, publish: boolean) => Promise<boolean>
  remind: () => Promise<void>
}

/** 选题指南 of a year (this year when none is named): read it; the committee saves, publishes and reminds. */
export function useGuide(askedYear?: number): GuidePage {
  const load = useCallback(() => fetchGuide(askedYear), [askedYear])
  const view = useRequest(load)
  const { busy, run } = usePageAction(view.reload)
  const year = view.data?.year ?? 0

  return {
    view,
    busy,
    save: async (content, publish) => {
      const issue = content.categories.some((c) => !c.label)
        ? '请填写每个类别的名称'
        : guideIssues(year, content)[0]?.message
      if (issue) {
        showErrorToast(new CloudError('INVALID_INPUT', issue))
        return false
      }
      if (publish) {
        const ok = await confirmAction({
          title: `发布 ${year} 年选题指南`,
          content: view.data?.guide?.published
            ? '修改将立即对各支部生效，记入指南的历史版本，并以消息告知各支部书记。'
            : '发布后全体党员可以查看，并以消息通知各支部书记按指南选题申报；发布后不能撤回为草稿。',
          confirmText: '发布',
        })
        if (!ok) return false
      }
      return run(async () => {
        const saved = await saveGuide({ year, ...content, publish })
        if (!publish) return '草稿已保存'
        return saved.told > 0 ? `指南已发布，已通知 ${saved.told} 位书记` : '指南已发布'
      })
    },
    remind: async () => {
      const missing = view.data?.progress?.missing.filter((m) => !m.remindedToday) ?? []
      if (missing.length === 0) {
        showErrorToast(new CloudError('CONFLICT', '今天已经提醒过尚未申报的支部，明天可以再提醒'))
        return
      }
      const ok = await confirmAction({
        title: '提醒未申报支部',
        content: `将给 ${missing.length} 个支部的书记发送消息，提醒按选题指南提交立项申请。每个支部每天提醒一次。`,
        confirmText: '提醒',
      })
      if (!ok) return
      await run(async () => {
        const res = await remindProposals(year)
        return `已提醒 ${res.branches} 个支部的 ${res.secretaries} 位书记`
      })
    },
  }
}

/** The guide a proposal of `year` follows (this year when undefined), read once `ready`; null before. */
export function useGuideFor(year: number | undefined, ready: boolean): RequestState<GuideView | null> {
  const load = useCallback(() => (ready ? fetchGuide(year) : Promise.resolve(null)), [year, ready])
  return useRequest(load)
}

/**
 * What a year calls each category (its published guide's names, else the defaults), for a page that names a
 * category without a project to carry the name: the guide is read beside the page's own request, when wanted.
 */
export function useYearCategoryNames(year: number, wanted: boolean): Record<ProjectCategory, string> {
  const guide = useGuideFor(year, wanted)
  return yearCategoryLabels(guide.data?.guide)
}
