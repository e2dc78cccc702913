import type { Caller } from '../identity'
import type { CloudProfile } from '../profile'

/** What a function's worker is started with: one function, as one CloudBase instance runs it. */
export interface WorkerInit {
  name: string
  /** The built bundle, build/cloudfunctions/<name>/index.js. */
  bundle: string
  profile: CloudProfile
  /** The openapi methods its config.json grants. */
  openapi: string[]
}

/** Requests the worker relays to the gateway's process, which holds the database, storage and outbox. */
export type RelayTarget = 'db' | 'storage' | 'openapi'

export type ToWorker =
  | {
      type: 'call'
      id: number
      event: unknown
      caller: Caller | null
      timeoutMs: number
      /** The localcloud-only settings of the moment (a pinned clock, a timer budget) for this run. */
      env: Record<string, string>
    }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { message: string; errCode?: number; errMsg?: string } }

export type FromWorker =
  /** The bundle is loaded (the instance's initialisation is over): its calls' timeouts start now. */
  | { type: 'ready' }
  | { type: 'relay'; id: number; target: RelayTarget; method: string; args: unknown[] }
  | { type: 'done'; id: number; result: unknown; requests: number; sequential: number }
  | { type: 'failed'; id: number; message: string }
  /** A line the function logged: printed by the gateway's process, where its log (and a test's spy) is. */
  | { type: 'log'; level: 'log' | 'error' | 'warn' | 'info'; text: string }

/** The environment variables a test may change while functions run, sent along with every call. */
export const RUN_ENV_KEYS = [
  'LOCALCLOUD_NOW',
  'LOCALCLOUD_TIMER_BUDGET_MS',
  'DASHBOARD_SHARD_BRANCHES',
  'DASHBOARD_RUN_WINDOW_MS',
] as const
