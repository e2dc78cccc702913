import { fail, ok } from '../../../types/result'
import { now } from '../../_shared/clock'
import { readingEarly } from '../../_shared/router'
import { getJob, ownJobView, runJob as run } from '../jobs'

const notFound = () => fail('NOT_FOUND', '没有找到这个台账导出任务')

/** How far the caller's large export has got; once ready, with a fresh link. Reads: the job with the caller. */
export const job = readingEarly<'ledger', 'job'>()(
  ({ jobId }) => getJob(jobId),
  async (_params, { caller, early }) => {
    // Someone else's job answers as a missing one: its existence is nobody else's business.
    if (!early || early.ownerId !== caller._id) return notFound()
    return ok(await ownJobView(early, now()))
  },
)

/** Makes the caller's large export in this run (the page starts it; it answers once the workbook is made). */
export const runJob = readingEarly<'ledger', 'runJob'>()(
  ({ jobId }) => getJob(jobId),
  async (_params, { caller, early }) => {
    if (!early || early.ownerId !== caller._id) return notFound()
    return ok(await run(early, caller, now()))
  },
)
