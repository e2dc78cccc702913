import { ACTION_LABELS, STATUS_LABELS } from '../../domain/labels'
import { nextStatus } from '../../domain/lifecycle'
import { canAct } from '../../domain/project-permissions'
import type { Person, Project, ProjectAction, ProjectEvent } from '../../types/entities'
import type { ProjectChange } from '../../types/functions/projects'
import { fail, ok } from '../../types/result'
import type { Fail, Result } from '../../types/result'
import type { PlannedReminder } from '../../domain/reminder-delivery'
import { COLLECTIONS } from './cloud'
import { notifyInTx, settingsOf, wanted } from './notify'
import { replacing, runInTransaction, txGet } from './transaction'
import type { Tx } from './transaction'

/** What an action adds to its transition, decided from the project as read inside the transaction. */
export type Step =
  | Fail
  | {
      ok: true
      /** Fields to replace besides status, version and updatedAt. */
      patch?: Partial<Omit<Project, '_id' | 'status' | 'version' | 'updatedAt'>>
      /** Further writes in the same transaction (single documents by _id, or add). */
      write?: (t: Tx, change: ProjectChange) => Promise<void>
    }

export interface TransitionRequest {
  id: string
  action: ProjectAction
  caller: Person
  comment?: string
  /** Refuse unless the project is still at this version: for actions that read other documents first. */
  expectVersion?: number
  step?: (project: Project) => Step
  /** Who is told of the step (domain/notifications.ts), from the project as it was before it. */
  tell?: (project: Project, change: ProjectChange, now: Date) => PlannedReminder[]
}

/** Why `caller` may not take `action` on `project` now, or null when they may. */
export function refusal(caller: Person, action: ProjectAction, project: Project): Fail | null {
  const allowed = canAct(caller, action, project)
  if (!allowed.ok) {
    return allowed.reason === 'OWN_SUBMISSION'
      ? fail('FORBIDDEN', '不能审批自己提交的申请')
      : fail('FORBIDDEN', `你没有权限${ACTION_LABELS[action]}`)
  }
  if (!nextStatus(project.status, action).ok) {
    return fail('CONFLICT', `项目当前状态为“${STATUS_LABELS[project.status]}”，不能${ACTION_LABELS[action]}`)
  }
  return null
}

export const projectNotFound = (): Fail => fail('NOT_FOUND', '没有找到这个项目')

/** Edits are saved as you go; the timeline records the steps of the lifecycle, not every keystroke. */
const SILENT: readonly ProjectAction[] = ['edit']

/**
 * One step of the lifecycle, all or nothing: read the project inside a transaction, check the state machine
 * and permissions, then write the project (version + 1), the action's own documents and the audit event.
 * A refusal writes nothing. Two committee members approving at once: the second finds it already approved.
 */
export function transition(req: TransitionRequest): Promise<Result<ProjectChange>> {
  return runInTransaction(async (t): Promise<Result<ProjectChange>> => {
    const project = await txGet<Project>(t, COLLECTIONS.projects, req.id)
    if (!project) return projectNotFound()
    const refused = refusal(req.caller, req.action, project)
    if (refused) return refused
    if (req.expectVersion !== undefined && project.version !== req.expectVersion) {
      return fail('CONFLICT', '项目刚被其他人修改，请刷新后重试')
    }
    const step: Step = req.step ? req.step(project) : { ok: true }
    if (!step.ok) return step
    const next = nextStatus(project.status, req.action)
    const to = next.ok ? next.to : project.status
    const now = new Date()
    const change: ProjectChange = { id: project._id, status: to, version: project.version + 1 }
    const told = req.tell ? req.tell(project, change, now) : []
    const [, settings] = await Promise.all([
      t
        .collection(COLLECTIONS.projects)
        .doc(project._id)
        .update({ data: replacing({ ...step.patch, status: to, version: change.version, updatedAt: now }) }),
      settingsOf(told.map((p) => p.personId)),
    ])
    if (step.write) await step.write(t, change)
    const notices = notifyInTx(t, wanted(told, settings), now)
    if (!SILENT.includes(req.action)) {
      const event: Omit<ProjectEvent, '_id'> = {
        projectId: project._id,
        action: req.action,
        from: project.status,
        to,
        actorId: req.caller._id,
        actorName: req.caller.name,
        comment: req.comment ?? '',
        at: now,
      }
      await Promise.all([t.collection(COLLECTIONS.projectEvents).add({ data: event }), ...notices])
    } else await Promise.all(notices)
    return ok(change)
  })
}
