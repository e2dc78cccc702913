import { ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { listOrgUnits } from '../../_shared/repositories/org'
import { countPeopleByBranch } from '../../_shared/repositories/people'
import { branchView } from '../views'

/** Every org unit is visible to every signed-in person: names only, no personal data. */
export const listBranches: Handler<'org', 'listBranches'> = async () => {
  const [units, counts] = await Promise.all([listOrgUnits(), countPeopleByBranch()])
  return ok({ branches: units.map((u) => branchView(u, counts)) })
}
