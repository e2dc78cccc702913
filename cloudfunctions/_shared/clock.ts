/**
 * The time a function acts at. Always the real clock in WeChat; on localcloud, tests and benchmarks may pin
 * it through the LOCALCLOUD_NOW environment variable (an ISO instant), so that sweeps are judged on a chosen
 * day without sleeping. Nothing a client sends can reach it.
 */
export function now(): Date {
  const pinned = process.env.LOCALCLOUD_NOW
  if (pinned) {
    const at = new Date(pinned)
    if (!Number.isNaN(at.getTime())) return at
  }
  return new Date()
}

/** How long a timer run may work before it stops and leaves the rest to the next run: 45 s of a 60 s timeout. */
export const TIMER_BUDGET_MS = 45_000

/**
 * A timer run's working budget (ms). Always TIMER_BUDGET_MS in WeChat; on localcloud, tests may shorten it
 * through LOCALCLOUD_TIMER_BUDGET_MS to see a run stop and the next one resume, without a 45 s wait.
 */
export function timerBudgetMs(): number {
  const given = Number(process.env.LOCALCLOUD_TIMER_BUDGET_MS)
  return Number.isFinite(given) && given >= 0 && process.env.LOCALCLOUD_TIMER_BUDGET_MS
    ? Math.min(given, TIMER_BUDGET_MS)
    : TIMER_BUDGET_MS
}
