import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'
import { installLocalDatabase } from '../db/install'
import { installIdentity, runAs } from '../identity'
import { OpenApiError, installOpenApi } from '../openapi'
import { setActiveProfile } from '../profile'
import { newTrace, runTraced, sleep } from '../round-trips'
import { installLocalStorage } from '../storage'
import type { StorageBackend } from '../storage'
import { RUN_ENV_KEYS } from './protocol'
import type { FromWorker, RelayTarget, ToWorker, WorkerInit } from './protocol'

/**
 * One cloud function in a worker thread of its own, as one CloudBase instance runs it: its own memory limit,
 * stopped whole at its timeout. The real bundle and the real wx-server-sdk run here; database, storage and
 * openapi requests are relayed to the gateway's process (after this side has waited their round trip).
 */
const init = workerData as WorkerInit
const port = parentPort
if (!port) throw new Error('function-worker runs only as a worker thread')

const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
let nextId = 0
const post = (msg: FromWorker) => port.postMessage(msg)

function relay(target: RelayTarget, method: string, ...args: unknown[]): Promise<unknown> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    post({ type: 'relay', id, target, method, args })
  })
}

for (const level of ['log', 'error', 'warn', 'info'] as const) {
  console[level] = (...parts: unknown[]) =>
    post({ type: 'log', level, text: parts.map((p) => (typeof p === 'string' ? p : String(p))).join(' ') })
}
setActiveProfile(init.profile)
installIdentity()
installLocalDatabase({ handle: (api, data) => relay('db', 'handle', api, data) })
const storage: StorageBackend = {
  upload: (cloudPath, content) =>
    relay('storage', 'upload', cloudPath, content) as ReturnType<StorageBackend['upload']>,
  download: async (fileID) => {
    const res = (await relay('storage', 'download', fileID)) as { fileContent?: Uint8Array }
    // Buffers cross the thread boundary as plain bytes.
    return res.fileContent
      ? { fileContent: Buffer.from(res.fileContent) }
      : (res as { code: string; message: string })
  },
  tempUrl: (fileID) => relay('storage', 'tempUrl', fileID) as ReturnType<StorageBackend['tempUrl']>,
  remove: (fileID) => relay('storage', 'remove', fileID) as ReturnType<StorageBackend['remove']>,
}
installLocalStorage(storage)
// The permission is checked here, where the function runs; the send itself happens in the gateway's process,
// where the outbox is (and where tests stand in for WeChat).
installOpenApi(new Map([[init.name, init.openapi]]), (args) => relay('openapi', 'send', args))

const requireHere = createRequire(__filename)
const mod = requireHere(init.bundle) as { main: (event: unknown, context: unknown) => Promise<unknown> }
let warm = false
post({ type: 'ready' })

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'reply') {
    const waiter = pending.get(msg.id)
    pending.delete(msg.id)
    if (!waiter) return
    if (msg.ok) waiter.resolve(msg.value)
    else
      waiter.reject(
        Object.assign(new OpenApiError(msg.error.errCode ?? -1, msg.error.errMsg ?? ''), msg.error),
      )
    return
  }
  void run(msg)
})

async function run(msg: Extract<ToWorker, { type: 'call' }>): Promise<void> {
  for (const key of RUN_ENV_KEYS) {
    if (msg.env[key] === undefined) delete process.env[key]
    else process.env[key] = msg.env[key]
  }
  const trace = newTrace(init.name, msg.timeoutMs)
  try {
    const result = await runTraced(trace, async () => {
      if (!warm && init.profile.coldStartMs > 0) await sleep(init.profile.coldStartMs)
      warm = true
      return runAs(msg.caller, () => mod.main(msg.event, { function_name: init.name }))
    })
    post({ type: 'done', id: msg.id, result, requests: trace.requests, sequential: trace.sequential })
  } catch (err) {
    post({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message : String(err) })
  }
}
