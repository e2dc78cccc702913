import type { Handler } from '../../_shared/router'
import { stepRectification } from './rectification-step'

/** 退回重改: the committee finds a reported rectification not done; it is open again, with why. */
export const reopenRectification: Handler<'supervision', 'reopenRectification'> = (
  { id, comment },
  { caller },
) => stepRectification(id, 'reopen', caller, comment)
