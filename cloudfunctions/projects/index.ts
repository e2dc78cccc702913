import { createMain } from '../_shared/router'
import { list } from './actions/list'

/** `projects`: the project lifecycle. */
export const main = createMain('projects', { list })
