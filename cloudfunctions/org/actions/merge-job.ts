import { fail, ok } from '../../../types/result'
import { now } from '../../_shared/clock'
import { readingEarly } from '../../_shared/router'
import { getMergeJob, mergeJobView } from '../merge-job'
import { runMergeJob as run } from '../merge-run'

const notFound = () => fail('NOT_FOUND', '没有找到这个合并任务')

/** How far a large merge has got (组织管理 shows 进行中 x/y). Reads: the job with the caller. */
export const mergeJob = readingEarly<'org', 'mergeJob'>()(
  ({ jobId }) => getMergeJob(jobId),
  async (_params, { early }) => (early ? ok(mergeJobView(early)) : notFound()),
)

/** One run of a large merge's batches, started by the page (the timer runs the jobs no page runs). */
export const runMergeJob = readingEarly<'org', 'runMergeJob'>()(
  ({ jobId }) => getMergeJob(jobId),
  async (_params, { early }) => (early ? ok(await run(early, now())) : notFound()),
)
