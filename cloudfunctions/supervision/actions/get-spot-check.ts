import { isCommittee, isSecretaryOf } from '../../../domain/roles'
import { canSeeSpotCheck, canSupervise } from '../../../domain/supervision'
import { fail, ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import {
  getOutlines,
  getSpotCheck as readSpotCheck,
  listCheckEvents,
  listRectificationsOf,
} from '../../_shared/repositories/supervision'
import { toEventView, toFindingView, toRectificationView } from '../views'

/**
 * One spot check: its seed and candidates (for anyone to draw again), the picked projects as they are now
 * with the findings, the rectifications with what the caller may do, and the record. A secretary sees only
 * their branch's projects, findings and tasks.
 */
export const getSpotCheck: Handler<'supervision', 'getSpotCheck'> = async ({ id }, { caller }) => {
  const check = await readSpotCheck(id)
  if (!check) return fail('NOT_FOUND', '没有找到这次抽查')
  if (!canSeeSpotCheck(caller, check)) return fail('FORBIDDEN', '只能查看抽到本支部项目的抽查')
  const mine = (branchId: string) => isCommittee(caller) || isSecretaryOf(caller, branchId)
  const picked = check.picked.filter((p) => mine(p.branchId))
  const visible = new Set(picked.map((p) => p.projectId))
  const [outlines, rectifications, events] = await Promise.all([
    getOutlines([...visible]),
    listRectificationsOf([id]),
    listCheckEvents(id),
  ])
  const now = new Date()
  return ok({
    id: check._id,
    createdAt: new Date(check.createdAt).toISOString(),
    createdByName: check.createdByName,
    scopeName: check.scopeName,
    size: check.size,
    algorithm: check.algorithm,
    seed: check.seed,
    candidates: check.candidates,
    picked: picked.map((p) => {
      const current = outlines.get(p.projectId)
      const finding = check.findings[p.projectId]
      return {
        id: p.projectId,
        title: p.title,
        branchId: p.branchId,
        branchName: p.branchName,
        status: current?.status ?? null,
        progress: current?.progress ?? null,
        finding: finding ? toFindingView(finding) : null,
      }
    }),
    rectifications: rectifications
      .filter((r) => visible.has(r.projectId))
      .map((r) => toRectificationView(r, caller, now)),
    events: events.filter((e) => e.projectId === null || visible.has(e.projectId)).map(toEventView),
    canRecord: canSupervise(caller),
  })
}
