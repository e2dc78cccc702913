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
