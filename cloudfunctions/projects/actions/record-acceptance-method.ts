import { acceptanceMethodProblem } from '../../../domain/acceptance'
import { PHOTO_EXTENSIONS } from '../../../domain/files'
import { STATUS_LABELS } from '../../../domain/labels'
import type { AcceptanceMethodRecord, Project } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, _ } from '../../_shared/cloud'
import { fileIdIssues } from '../../_shared/file-ids'
import type { Handler } from '../../_shared/router'
import { projectNotFound } from '../../_shared/transition'
import { runInTransaction, txGet } from '../../_shared/transaction'

/**
 * 结题 evidence: one method the committee used while the project waits for acceptance, with notes and photos
 * (调查走访 also how many were visited and what they said). Replaces that method's earlier record; version + 1.
 */
export const recordAcceptanceMethod: Handler<'projects', 'recordAcceptanceMethod'> = async (
  { id, method, notes, photos, visited, opinion },
  { caller },
) => {
  const problem = acceptanceMethodProblem(method, visited, opinion)
  if (problem) return fail('INVALID_INPUT', problem.message, [problem])
  const issues = fileIdIssues(photos, caller._id, PHOTO_EXTENSIONS, 'photos').map((i) =>
    i.message === '文件类型不允许' ? { ...i, message: '只能上传照片（jpg、png、webp）' } : i,
  )
  if (issues.length > 0) return fail('INVALID_INPUT', issues[0].message, issues)
  return runInTransaction(async (t) => {
    const project = await txGet<Project>(t, COLLECTIONS.projects, id)
    if (!project) return projectNotFound()
    if (project.status !== 'acceptance_requested')
      return fail('CONFLICT', `项目当前状态为“${STATUS_LABELS[project.status]}”，不能记录验收方式`)
    const now = new Date()
    const record: AcceptanceMethodRecord = {
      notes,
      photos,
      visited: method === 'survey' ? (visited ?? null) : null,
      opinion: method === 'survey' ? (opinion ?? '') : '',
      byId: caller._id,
      byName: caller.name,
      at: now,
    }
    const version = project.version + 1
    await t
      .collection(COLLECTIONS.projects)
      .doc(id)
      .update({ data: { [`acceptanceMethods.${method}`]: _.set(record), version, updatedAt: now } })
    return ok({ id, status: project.status, version })
  })
}
