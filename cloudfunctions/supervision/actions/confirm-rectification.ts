import type { Handler } from '../../_shared/router'
import { stepRectification } from './rectification-step'

/** 销号: the committee confirms a reported rectification; it is closed. */
export const confirmRectification: Handler<'supervision', 'confirmRectification'> = (
  { id, comment },
  { caller },
) => stepRectification(id, 'confirm', caller, comment ?? '')
