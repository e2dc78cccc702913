import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { LocalDatabase } from '../db'
import type { LoadedFunction } from '../functions'
import type { Caller } from '../identity'
import { nativeSdk } from '../sdk-modules'
import type { CloudProfile } from '../profile'
import { asRelayed } from '../round-trips'
import type { Trace } from '../round-trips'
import type { LocalStorage } from '../storage'
import { RUN_ENV_KEYS } from './protocol'
import type { FromWorker, ToWorker, WorkerInit } from './protocol'

/** The worker bundle scripts/build-functions.mjs makes beside the functions. */
export const WORKER_FILE = join(__dirname, '..', '..', 'build', 'localcloud', 'function-worker.js')

/** Instances of one function at once; further calls wait for one to be free (CloudBase scales wider). */
const MAX_INSTANCES = 4

/**
 * How long a new instance may take to load its code (SCF's 初始化超时时间, apart from the run's own timeout).
 * A call's timeout counts from the moment its instance is ready, as CloudBase counts a run's duration.
 */
export const INIT_TIMEOUT_MS = 65_000

/** Why a run ended without an answer: the gateway turns each into a clear reply. */
export class RunFailed extends Error {
  constructor(
    readonly reason: 'FUNCTION_TIMEOUT' | 'OUT_OF_MEMORY' | 'CRASHED',
    detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason)
  }
}

interface Instance {
  worker: Worker
  idleTimer?: NodeJS.Timeout
  /** Its bundle is loaded: a call's timeout runs from when it is posted. */
  ready: boolean
}

interface Served {
  db: LocalDatabase
  storage: LocalStorage
}

/**
 * The instances of one cloud function, each a worker thread running the bundle (function-worker.ts): one call
 * at a time each, a fresh one cold, an idle one stopped after the profile's idleMs, and one past its timeout,
 * out of memory or crashed terminated on the spot, so that no call stalls the gateway or another function.
 */
export class FunctionPool {
  private readonly idle: Instance[] = []
  private readonly all = new Set<Instance>()
  private live = 0
  private readonly waiting: (() => void)[] = []
  private nextCall = 0
  private closed = false

  constructor(
    private readonly fn: LoadedFunction,
    private readonly profile: CloudProfile,
    private readonly served: Served,
  ) {}

  private spawn(): Instance {
    const init: WorkerInit = {
      name: this.fn.name,
      bundle: this.fn.file ?? '',
      profile: this.profile,
      openapi: [...(this.fn.config.permissions?.openapi ?? [])],
    }
    const worker = new Worker(WORKER_FILE, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.fn.config.memorySize ?? 256 },
      stdout: false,
      stderr: false,
    })
    const instance: Instance = { worker, ready: false }
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'relay') void this.relay(worker, msg)
      if (msg.type === 'log') console[msg.level](msg.text)
      if (msg.type === 'ready') instance.ready = true
    })
    worker.unref()
    this.live++
    this.all.add(instance)
    // However it ends (stopped, crashed, out of memory, killed), it is gone from the pool.
    worker.once('exit', () => this.forget(instance))
    return instance
  }

  /** Answers a request the function made, from the gateway's database, storage or outbox. */
  private async relay(worker: Worker, msg: Extract<FromWorker, { type: 'relay' }>): Promise<void> {
    let reply: ToWorker
    try {
      const value = await asRelayed(async () => {
        if (msg.target === 'db') return this.served.db.handle(msg.args[0] as string, msg.args[1] as never)
        if (msg.target === 'storage') {
          const storage = this.served.storage as unknown as Record<string, (...a: unknown[]) => unknown>
          const args =
            msg.method === 'upload' ? [msg.args[0], Buffer.from(msg.args[1] as Uint8Array)] : msg.args
          return storage[msg.method](...args)
        }
        return nativeSdk().openapi.subscribeMessage.send(msg.args[0] as never)
      })
      reply = { type: 'reply', id: msg.id, ok: true, value }
    } catch (err) {
      const e = err as { message?: unknown; errCode?: unknown; errMsg?: unknown }
      reply = {
        type: 'reply',
        id: msg.id,
        ok: false,
        error: {
          message: typeof e?.message === 'string' ? e.message : String(err),
          errCode: typeof e?.errCode === 'number' ? e.errCode : undefined,
          errMsg: typeof e?.errMsg === 'string' ? e.errMsg : undefined,
        },
      }
    }
    try {
      worker.postMessage(reply)
    } catch {
      // The instance was stopped meanwhile: nobody waits for the answer.
    }
  }

  private async acquire(): Promise<Instance> {
    for (;;) {
      const ready = this.idle.pop()
      if (ready) {
        clearTimeout(ready.idleTimer)
        return ready
      }
      if (this.live < MAX_INSTANCES) return this.spawn()
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
  }

  private release(instance: Instance): void {
    if (this.closed) return void instance.worker.terminate()
    if (!this.all.has(instance)) return
    instance.idleTimer = setTimeout(() => this.stop(instance), this.profile.idleMs)
    instance.idleTimer.unref()
    this.idle.push(instance)
    this.waiting.shift()?.()
  }

  private stop(instance: Instance): void {
    this.forget(instance)
    void instance.worker.terminate()
  }

  private forget(instance: Instance): void {
    if (!this.all.delete(instance)) return
    clearTimeout(instance.idleTimer)
    const at = this.idle.indexOf(instance)
    if (at >= 0) this.idle.splice(at, 1)
    this.live--
    this.waiting.shift()?.()
  }

  /** Runs one call in an instance of its own; `trace` gets the run's round trips. */
  async invoke(event: unknown, caller: Caller | null, timeoutMs: number, trace: Trace): Promise<unknown> {
    if (!existsSync(WORKER_FILE)) throw new Error(`没有找到 ${WORKER_FILE}，请先运行 npm run build:functions`)
    const instance = await this.acquire()
    const id = ++this.nextCall
    const env = Object.fromEntries(
      RUN_ENV_KEYS.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k] as string]])),
    )
    return new Promise((resolve, reject) => {
      const { worker } = instance
      let settled = false
      const finish = (stop: boolean, outcome: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        if (stop) this.stop(instance)
        else this.release(instance)
        outcome()
      }
      const timedOut = () => finish(true, () => reject(new Error('FUNCTION_TIMEOUT')))
      const onMessage = (msg: FromWorker) => {
        if (msg.type === 'ready') {
          // Initialised: from here on the call has its own timeout.
          clearTimeout(timer)
          timer = setTimeout(timedOut, timeoutMs)
          return
        }
        if (msg.type === 'relay' || msg.type === 'log' || msg.id !== id) return
        if (msg.type === 'done') {
          trace.requests = msg.requests
          trace.sequential = msg.sequential
          finish(false, () => resolve(msg.result))
        } else finish(false, () => reject(new Error(msg.message)))
      }
      const onError = (err: Error & { code?: string }) =>
        finish(true, () =>
          reject(
            new RunFailed(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'OUT_OF_MEMORY' : 'CRASHED', err.message),
          ),
        )
      const onExit = () => finish(true, () => reject(new RunFailed('CRASHED', 'the instance exited')))
      // Past its timeout the instance is stopped whole: what it committed stays, the rest never happens. A new
      // instance first loads its code, under the initialisation timeout.
      let timer = setTimeout(timedOut, instance.ready ? timeoutMs : INIT_TIMEOUT_MS)
      worker.on('message', onMessage)
      worker.once('error', onError)
      worker.once('exit', onExit)
      worker.postMessage({ type: 'call', id, event, caller, timeoutMs, env } satisfies ToWorker)
    })
  }

  /** Tests: every instance stops at once, as a crash or kill -9 of the instance would stop it. */
  killAll(): number {
    const all = [...this.all]
    for (const instance of all) void instance.worker.terminate()
    return all.length
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.all].map((i) => i.worker.terminate()))
  }
}
