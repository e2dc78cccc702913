import { now } from '../../_shared/clock'
import { chinaDay } from '../../../domain/checkins'
import { cadenceYearProblem, withPlan } from '../../../domain/inspection-cadence'
import { isCommittee } from '../../../domain/roles'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, _, db } from '../../_shared/cloud'
import { getPeopleByIds } from '../../_shared/repositories/people'
import { listAssignments } from '../../_shared/repositories/supervision'
import type { Handler } from '../../_shared/router'

/**
 * 定期检查频次: the committee sets how often a supervisor inspects their branches in a year (or clears it). The
 * plan is kept on each of the supervisor's assignments, so the supervisor's page, the sweep and the coverage read
 * it with the assignments they read anyway. Setting the same cadence again writes it again (the same plan).
 */
export const setCadence: Handler<'supervision', 'setCadence'> = async (
  { personId, year, cadence },
  { caller },
) => {
  const today = chinaDay(now())
  const problem = cadenceYearProblem(year, today)
  if (problem) return fail('INVALID_INPUT', problem, [{ path: 'year', message: problem }])
  const [[person], held] = await Promise.all([getPeopleByIds([personId]), listAssignments(personId)])
  if (!person || !isCommittee(person)) return fail('NOT_FOUND', '没有这位党委成员')
  if (held.length === 0) return fail('CONFLICT', `${person.name}还没有联系指导的支部，请先分片`)
  const at = now()
  const plans = withPlan(held[0].inspection, year, cadence, { id: caller._id, name: caller.name }, today)
  await Promise.all(
    held.map((a) =>
      db
        .collection(COLLECTIONS.supervisionAssignments)
        .doc(a._id)
        .update({ data: { inspection: _.set(plans), updatedBy: caller._id, updatedAt: at } }),
    ),
  )
  return ok({ personId, year, cadence, branches: held.length })
}
