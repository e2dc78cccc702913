import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MemberView, ProjectDetail } from '@contract/api'
import { fetchMembers } from '@/features/org'
import { fetchProject } from '@/features/projects'
import { useFormLoad } from '@/hooks/use-form-load'
import { CloudError } from '@/services/cloud-error'
import { confirmAction } from '@/services/confirm'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { savePlan } from '../api/save-plan'
import {
  blankRows,
  draftFromDetail,
  emptyChecklistItem,
  emptyMilestone,
  emptyTask,
  planPayload,
  type DraftChecklistItem,
  type DraftMilestone,
  type DraftTask,
  type PlanDraft,
} from '../plan-draft'

export interface PlanEditor {
  project: ProjectDetail | undefined
  members: MemberView[]
  loading: boolean
  loadError: CloudError | undefined
  reload: () => void
  editable: boolean
  draft: PlanDraft
  /** Blank names that stop a save, after a save attempt. */
  blanks: string[]
  /** What the function said still keeps the plan from starting, after the last save. */
  savedProblems: string[] | null
  saving: boolean
  addTask: () => void
  removeTask: (taskKey: string) => Promise<void>
  updateTask: (taskKey: string, patch: Partial<Pick<DraftTask, 'title' | 'assigneeIds'>>) => void
  addMilestone: (taskKey: string) => void
  removeMilestone: (taskKey: string, milestoneKey: string) => void
  updateMilestone: (taskKey: string, milestoneKey: string, patch: Partial<DraftMilestone>) => void
  addChecklistItem: () => void
  updateChecklistItem: (key: string, patch: Partial<DraftChecklistItem>) => void
  removeChecklistItem: (key: string) => void
  save: () => Promise<void>
}

/** The 计划书 editor: loads the plan and the branch's members, edits locally, saves the whole plan. */
export function usePlanEditor(id: string | undefined): PlanEditor {
  const [project, setProject] = useState<ProjectDetail>()
  const [members, setMembers] = useState<MemberView[]>([])
  const [draft, setDraft] = useState<PlanDraft>({ tasks: [], checklist: [] })
  const [blanks, setBlanks] = useState<string[]>([])
  const [savedProblems, setSavedProblems] = useState<string[] | null>(null)
  const [saving, setSaving] = useState(false)

  const read = useCallback(async () => {
    if (!id) throw new CloudError('NOT_FOUND', '没有指定项目')
    const detail = await fetchProject(id)
    const roster = await fetchMembers(detail.branchId)
    setProject(detail)
    setMembers(roster)
    const loaded = draftFromDetail(detail)
    setDraft(loaded.tasks.length ? loaded : { ...loaded, tasks: [emptyTask()] })
  }, [id])
  const { loading, loadError, reload } = useFormLoad(read)

  // Any edit makes the function's last verdict stale; the live check takes over again.
  const edit = (fn: (d: PlanDraft) => PlanDraft) => {
    setSavedProblems(null)
    setDraft(fn)
  }
  const editTasks = (fn: (tasks: DraftTask[]) => DraftTask[]) => edit((d) => ({ ...d, tasks: fn(d.tasks) }))
  const editTask = (taskKey: string, fn: (t: DraftTask) => DraftTask) =>
    editTasks((tasks) => tasks.map((t) => (t.key === taskKey ? fn(t) : t)))
  const editChecklist = (fn: (items: DraftChecklistItem[]) => DraftChecklistItem[]) =>
    edit((d) => ({ ...d, checklist: fn(d.checklist) }))

  const removeTask = async (taskKey: string) => {
    const task = draft.tasks.find((t) => t.key === taskKey)
    const ok = await confirmAction({
      title: '删除任务',
      content: `删除“${task?.title || '未命名任务'}”及其里程碑？保存计划书后生效。`,
      confirmText: '删除',
    })
    if (ok) editTasks((tasks) => tasks.filter((t) => t.key !== taskKey))
  }

  const save = async () => {
    if (!project || saving) return
    const blank = blankRows(draft)
    setBlanks(blank)
    if (blank.length) {
      void Taro.showToast({ title: blank[0], icon: 'none', duration: 2500 })
      return
    }
    setSaving(true)
    try {
      const res = await savePlan(planPayload(project.id, draft))
      setSavedProblems(res.planProblems)
      showSuccessToast('计划书已保存')
      if (res.planProblems.length === 0) void Taro.navigateBack()
    } catch (e) {
      showErrorToast(e)
    } finally {
      setSaving(false)
    }
  }

  return {
    project,
    members,
    loading,
    loadError,
    reload,
    editable: project?.can.includes('save_plan') ?? false,
    draft,
    blanks,
    savedProblems,
    saving,
    addTask: () => editTasks((tasks) => [...tasks, emptyTask()]),
    removeTask,
    updateTask: (taskKey, patch) => editTask(taskKey, (t) => ({ ...t, ...patch })),
    addMilestone: (taskKey) =>
      editTask(taskKey, (t) => ({ ...t, milestones: [...t.milestones, emptyMilestone()] })),
    removeMilestone: (taskKey, milestoneKey) =>
      editTask(taskKey, (t) => ({ ...t, milestones: t.milestones.filter((m) => m.key !== milestoneKey) })),
    updateMilestone: (taskKey, milestoneKey, patch) =>
      editTask(taskKey, (t) => ({
        ...t,
        milestones: t.milestones.map((m) => (m.key === milestoneKey ? { ...m, ...patch } : m)),
      })),
    addChecklistItem: () => editChecklist((items) => [...items, emptyChecklistItem()]),
    updateChecklistItem: (key, patch) =>
      editChecklist((items) => items.map((c) => (c.key === key ? { ...c, ...patch } : c))),
    removeChecklistItem: (key) => editChecklist((items) => items.filter((c) => c.key !== key)),
    save,
  }
}
