import { ok } from '../../../types/result'
import type { Handler } from '../../_shared/router'
import { meView } from '../me-view'

export const whoami: Handler<'org', 'whoami'> = async (_params, { caller }) => ok(await meView(caller))
