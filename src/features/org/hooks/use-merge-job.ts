import { useCallback, useEffect, useRef, useState } from 'react'
import type { MergeJobView } from '@contract/api'
import { fetchMergeJob, runMergeJob } from '../api/org-admin'

/** How often the page asks how far a large merge has got, and starts its next run when the last one ended. */
export const MERGE_POLL_MS = 2000

const finished = (j: MergeJobView) => j.status === 'done' || j.status === 'failed'
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface MergeJobFollow {
  job: MergeJobView | null
  /** Starts the job's runs and follows it until it is done or failed (or the page is left). */
  follow: (job: MergeJobView) => Promise<MergeJobView | null>
  dismiss: () => void
}

/**
 * A large 合并 (domain/org-jobs.ts): the page starts a run of its batches and, meanwhile, asks every
 * MERGE_POLL_MS how far it has got (进行中 x/y). Each run is bounded in time; when one ends and the job is not
 * done, the next starts. A run cut off (the network, the function's timeout) is left to the org function's
 * timer; the page goes on asking. Leaving the page stops the asking, not the job.
 */
export function useMergeJob(): MergeJobFollow {
  const [job, setJob] = useState<MergeJobView | null>(null)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const follow = useCallback(async (start: MergeJobView): Promise<MergeJobView | null> => {
    setJob(start)
    let latest = start
    let run: Promise<void> | null = null
    const seen = (v: MergeJobView) => {
      // A later answer never shows less progress than an earlier one.
      if (finished(latest) || (!finished(v) && v.done < latest.done)) return
      latest = v
      if (alive.current) setJob(v)
    }
    while (!finished(latest)) {
      run ??= runMergeJob(start.jobId)
        .then(seen, () => undefined)
        .finally(() => {
          run = null
        })
      await wait(MERGE_POLL_MS)
      if (!alive.current) return null
      if (finished(latest)) break
      try {
        seen(await fetchMergeJob(start.jobId))
      } catch {
        // The next poll asks again.
      }
    }
    return latest
  }, [])

  const dismiss = useCallback(() => setJob(null), [])
  return { job, follow, dismiss }
}
