import { AsyncLocalStorage } from 'node:async_hooks'
import { activeProfile } from './profile'

/** What one function run cost in network round trips, as CloudBase would charge them. */
export interface Trace {
  fn: string
  /** Every database, storage and openapi request. */
  requests: number
  /** Requests that had to wait for the one before: requests issued together count once. */
  sequential: number
  /** When the run is past its timeout, what it asks for next is never done (ms since the epoch). */
  deadline: number
  inFlight: number
}

/** Thrown into a run that goes on after its timeout: in production the instance is gone by then. */
export class RunKilled extends Error {
  constructor(fn: string) {
    super(`${fn}: the function run was stopped at its timeout`)
  }
}

const traces = new AsyncLocalStorage<Trace>()
/** Set while the gateway answers a request a function's worker relayed: its round trip was paid there. */
const relayed = new AsyncLocalStorage<true>()

/** Runs a request relayed from a function's worker, which already waited the round trip. */
export const asRelayed = <T>(fn: () => Promise<T>): Promise<T> => relayed.run(true, fn)

export const newTrace = (fn: string, timeoutMs: number): Trace => ({
  fn,
  requests: 0,
  sequential: 0,
  deadline: Date.now() + timeoutMs,
  inFlight: 0,
})

export const currentTrace = (): Trace | undefined => traces.getStore()
export const runTraced = <T>(trace: Trace, fn: () => Promise<T>): Promise<T> => traces.run(trace, fn)
/** Work that is not the function's own request (e.g. openapi's bookkeeping) is not counted. */
export const untraced = <T>(fn: () => Promise<T>): Promise<T> => traces.exit(fn)

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms).unref() : resolve()))

/** One round trip's wait under the active profile: mean ± jitter, never negative. */
export function latencyMs(): number {
  if (relayed.getStore()) return 0
  const { meanMs, jitterMs } = activeProfile().latency
  if (meanMs <= 0 && jitterMs <= 0) return 0
  return Math.max(0, meanMs + (Math.random() * 2 - 1) * jitterMs)
}

/**
 * Runs one request of the current function run as a network round trip: it waits the profile's latency,
 * is counted, and is refused once the run is past its timeout (what was done before stays done).
 */
export async function roundTrip<T>(request: () => T | Promise<T>): Promise<T> {
  const trace = traces.getStore()
  if (trace) {
    if (Date.now() > trace.deadline) throw new RunKilled(trace.fn)
    trace.requests++
    if (trace.inFlight === 0) {
      trace.sequential++
      // LOCALCLOUD_TRACE_ROUND_TRIPS=1 prints where each sequential round trip of a run starts.
      if (process.env.LOCALCLOUD_TRACE_ROUND_TRIPS) printRoundTrip(trace)
    }
    trace.inFlight++
  }
  try {
    const wait = latencyMs()
    // Half the wait on the way there, half on the way back, as a real request spends it.
    if (wait > 0) await sleep(wait / 2)
    if (trace && Date.now() > trace.deadline) throw new RunKilled(trace.fn)
    const result = await request()
    if (wait > 0) await sleep(wait / 2)
    // With no latency a request still answers no sooner than the next turn of the event loop, as a network
    // reply would: requests issued together (however many awaits the SDK takes before sending each) overlap
    // and count once, while one issued after another's answer counts again.
    else if (trace) await new Promise<void>((resolve) => setImmediate(resolve))
    return result
  } finally {
    if (trace) trace.inFlight--
  }
}

/** One line per sequential round trip: the function and the nearest frames of the functions' code. */
function printRoundTrip(trace: Trace): void {
  const frames = (new Error().stack ?? '')
    .split('\n')
    .filter((l) => l.includes('cloudfunctions') && !l.includes('node_modules'))
    .slice(0, 4)
    .map((l) => l.trim().split(' ')[1])
  process.stderr.write(`round trip ${trace.sequential} of ${trace.fn}: ${frames.join(' < ')}\n`)
}
