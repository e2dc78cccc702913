import { useCallback, useEffect, useState } from 'react'
import type { AssignmentsView } from '@contract/api'
import type { InspectionCadence } from '@contract/entities'
import { useRequest } from '@/hooks/use-request'
import { showErrorToast } from '@/services/show-error-toast'
import { showSuccessToast } from '@/services/show-success-toast'
import { fetchAssignments, saveAssignment, saveCadence } from '../api/supervision'

export interface Assignments {
  view: AssignmentsView | undefined
  error: ReturnType<typeof useRequest<AssignmentsView>>['error']
  reload: () => Promise<void>
  /** Keys (`person:branch`) being saved now. */
  saving: Set<string>
  toggle: (personId: string, branchId: string) => Promise<void>
  /** 定期检查频次 of a supervisor for this year (or the next); null clears it. */
  setCadence: (personId: string, next: boolean, cadence: InspectionCadence | null) => Promise<void>
}

const withCadence = (
  view: AssignmentsView,
  personId: string,
  next: boolean,
  cadence: InspectionCadence | null,
) => ({
  ...view,
  people: view.people.map((p) =>
    p.id !== personId ? p : { ...p, cadence: { ...p.cadence, [next ? 'nextYear' : 'thisYear']: cadence } },
  ),
})

const withBranch = (view: AssignmentsView, personId: string, branchId: string, on: boolean) => ({
  ...view,
  people: view.people.map((p) =>
    p.id !== personId
      ? p
      : {
          ...p,
          branchIds: on
            ? view.branches.map((b) => b.id).filter((b) => b === branchId || p.branchIds.includes(b))
            : p.branchIds.filter((b) => b !== branchId),
        },
  ),
})

/** 分片设置: a tap assigns a branch to a committee member or takes it back; shown at once, undone on failure. */
export function useAssignments(): Assignments {
  const request = useRequest(fetchAssignments)
  const [view, setView] = useState<AssignmentsView>()
  const [saving, setSaving] = useState<Set<string>>(new Set())
  useEffect(() => setView(request.data), [request.data])

  const toggle = useCallback(
    async (personId: string, branchId: string) => {
      const person = view?.people.find((p) => p.id === personId)
      const key = `${personId}:${branchId}`
      if (!view || !person || saving.has(key)) return
      const on = !person.branchIds.includes(branchId)
      setView((v) => v && withBranch(v, personId, branchId, on))
      setSaving((s) => new Set(s).add(key))
      try {
        await saveAssignment({ personId, branchId, assigned: on })
      } catch (e) {
        setView((v) => v && withBranch(v, personId, branchId, !on))
        showErrorToast(e)
      } finally {
        setSaving((s) => {
          const next = new Set(s)
          next.delete(key)
          return next
        })
      }
    },
    [view, saving],
  )

  const setCadence = useCallback(
    async (personId: string, next: boolean, cadence: InspectionCadence | null) => {
      const person = view?.people.find((p) => p.id === personId)
      const key = `${personId}:cadence`
      if (!view || !person || saving.has(key)) return
      const before = next ? person.cadence.nextYear : person.cadence.thisYear
      if (before === cadence) return
      setView((v) => v && withCadence(v, personId, next, cadence))
      setSaving((s) => new Set(s).add(key))
      try {
        await saveCadence({ personId, year: view.year + (next ? 1 : 0), cadence })
        showSuccessToast(cadence ? '已设置定期检查频次' : '已取消定期检查')
      } catch (e) {
        setView((v) => v && withCadence(v, personId, next, before))
        showErrorToast(e)
      } finally {
        setSaving((s) => {
          const rest = new Set(s)
          rest.delete(key)
          return rest
        })
      }
    },
    [view, saving],
  )

  return { view, error: request.error, reload: request.reload, saving, toggle, setCadence }
}
