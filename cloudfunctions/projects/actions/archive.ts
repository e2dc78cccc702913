import type { Handler } from '../../_shared/router'
import { transition } from '../../_shared/transition'

/** The committee files a closed project away; it stays readable and public. */
export const archive: Handler<'projects', 'archive'> = ({ id }, { caller }) =>
  transition({ id, action: 'archive', caller })
