import { ledgerFileName, ledgerOrder, ledgerTitle } from '../../domain/ledger'
import { canExportLedger } from '../../domain/ledger-permissions'
import type { Person, Project } from '../../types/entities'
import type { LedgerScope } from '../../types/functions/ledger'
import { fail } from '../../types/result'
import type { Fail } from '../../types/result'
import { listBranchYearProjects } from '../_shared/repositories/ledger'
import { getOrgUnitsByIds } from '../_shared/repositories/org'
import { getProject } from '../_shared/repositories/projects'

/** What a ledger covers: one project, or every project of a branch in a year (oldest first). */
export interface ResolvedLedger {
  kind: 'project' | 'branch_year'
  branchId: string
  branchName: string
  year: number
  projects: Project[]
  title: string
  fileName: string
}

const forbidden = (): Fail => fail('FORBIDDEN', '只有本支部书记和党委可以导出管理台账')

/** What the ledger of `scope` is read from: the project, or the branch and its year's projects. */
export type LedgerReads =
  { project: Project | null } | { units: Awaited<ReturnType<typeof getOrgUnitsByIds>>; projects: Project[] }

/** The reads behind `scope`, one round trip, before anyone is allowed anything (they decide nothing). */
export async function readLedgerScope(scope: LedgerScope): Promise<LedgerReads> {
  if ('projectId' in scope) return { project: await getProject(scope.projectId) }
  const [units, projects] = await Promise.all([
    getOrgUnitsByIds([scope.branchId]),
    listBranchYearProjects(scope.branchId, scope.year),
  ])
  return { units, projects }
}

/** The ledger `scope` names, from its reads, if `caller` may export it (its branch secretary or the committee). */
export function ledgerFrom(
  scope: LedgerScope,
  caller: Person,
  at: Date,
  reads: LedgerReads,
): ResolvedLedger | Fail {
  if ('projectId' in scope || 'project' in reads) {
    const project = 'project' in reads ? reads.project : null
    if (!project) return fail('NOT_FOUND', '没有找到这个项目')
    if (!canExportLedger(caller, project.branchId)) return forbidden()
    const subject = { projectTitle: project.title, branchName: project.branchName, year: project.year }
    return {
      kind: 'project',
      branchId: project.branchId,
      branchName: project.branchName,
      year: project.year,
      projects: [project],
      title: ledgerTitle('project', subject),
      fileName: ledgerFileName('project', subject, at),
    }
  }
  if (!canExportLedger(caller, scope.branchId)) return forbidden()
  const branch = reads.units.get(scope.branchId)
  if (!branch || branch.kind !== 'branch') return fail('NOT_FOUND', '没有找到这个党支部')
  const subject = { branchName: branch.name, year: scope.year }
  return {
    kind: 'branch_year',
    branchId: branch._id,
    branchName: branch.name,
    year: scope.year,
    projects: ledgerOrder(reads.projects),
    title: ledgerTitle('branch_year', subject),
    fileName: ledgerFileName('branch_year', subject, at),
  }
}

/** The ledger `scope` names, if `caller` may export it. */
export async function resolveLedger(
  scope: LedgerScope,
  caller: Person,
  at: Date,
): Promise<ResolvedLedger | Fail> {
  return ledgerFrom(scope, caller, at, await readLedgerScope(scope))
}

/** A refusal rather than what was asked for (a ledger, a file). */
export const isFail = <T extends object>(v: T | Fail): v is Fail => 'ok' in v && v.ok === false
