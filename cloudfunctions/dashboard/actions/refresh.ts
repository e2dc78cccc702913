import { ok } from '../../../types/result'
import { getRun, touchRun } from '../../_shared/repositories/dashboard'
import type { Handler } from '../../_shared/router'
import { rollUp } from '../rollup'

/** How often the dashboards may be refreshed by hand, whoever asks (the timer rolls up every ten minutes). */
export const REFRESH_EVERY_MS = 60_000

/**
 * 立即刷新: the roll-up now, instead of at the timer's next turn. With nothing new it reads three documents and
 * recomputes nothing; asked again within the minute, it answers when it may be asked again.
 */
export const refresh: Handler<'dashboard', 'refresh'> = async () => {
  const now = new Date()
  const run = await getRun()
  const last = run?.refreshedAt ? new Date(run.refreshedAt).getTime() : 0
  if (now.getTime() - last < REFRESH_EVERY_MS) {
    return ok({
      refreshed: false,
      unchanged: false,
      asOf: run ? new Date(run.at).toISOString() : null,
      nextAt: new Date(last + REFRESH_EVERY_MS).toISOString(),
    })
  }
  // Claimed before the work, so a second tap while it runs is told to wait rather than running it again.
  if (run) await touchRun({ refreshedAt: now })
  const summary = await rollUp(now)
  // A full run writes its record anew: the claim is written again over it.
  if (!summary.skipped || !run) await touchRun({ refreshedAt: now })
  return ok({
    refreshed: true,
    unchanged: summary.skipped,
    asOf: now.toISOString(),
    nextAt: new Date(now.getTime() + REFRESH_EVERY_MS).toISOString(),
  })
}
