import type { Handler } from '../../_shared/router'
import { stepRectification } from './rectification-step'

/** The branch secretary reports a rectification done, saying what was done. */
export const completeRectification: Handler<'supervision', 'completeRectification'> = (
  { id, note },
  { caller },
) => stepRectification(id, 'complete', caller, note)
