import Taro from '@tarojs/taro'
import type { ActionInput } from '@contract/api'
import { CloudError } from '@/services/cloud-error'

export type CheckinInput = ActionInput<'checkins', 'create'>

/** A check-in that could not be sent yet: kept on the phone until it is. */
export interface PendingCheckin {
  /** The payload as it will be sent; its requestId makes every retry the same check-in. */
  payload: Omit<CheckinInput, 'photos'> & { requestId: string }
  /** Photos still on the phone, in order; replaced by their cloud ids as each one uploads. */
  photos: { local: string; fileId: string | null }[]
  /** Whose uploads these are: photos go into their own storage folder. */
  personId: string
  /** What the member sees in the pending list: the task's title. */
  label: string
  savedAt: string
  attempts: number
  /** Why the last try failed, in words, when the server refused it (it will not be retried). */
  refused: string | null
}

const KEY = 'checkin-outbox-v1'

export function readOutbox(): PendingCheckin[] {
  try {
    const raw: unknown = Taro.getStorageSync(KEY)
    return Array.isArray(raw) ? (raw as PendingCheckin[]) : []
  } catch {
    return []
  }
}

function writeOutbox(items: PendingCheckin[]): void {
  Taro.setStorageSync(KEY, items)
}

/** Keeps a check-in on the phone: a new one goes last; an update of a kept one stays in its place. */
export function keep(item: PendingCheckin): void {
  const items = readOutbox()
  const at = items.findIndex((p) => p.payload.requestId === item.payload.requestId)
  writeOutbox(at < 0 ? [...items, item] : items.map((p, k) => (k === at ? item : p)))
}

/** Clears the failure of a kept check-in so that the next flush sends it again (the member asked to). */
export function clearRefusal(requestId: string): void {
  writeOutbox(readOutbox().map((p) => (p.payload.requestId === requestId ? { ...p, refused: null } : p)))
}

/** Forgets a pending check-in: sent, or discarded by the member. */
export function forget(requestId: string): void {
  writeOutbox(readOutbox().filter((p) => p.payload.requestId !== requestId))
}

/**
 * Only a request that never reached the cloud waits on the phone for the network. Anything else (a refusal, a
 * timeout, a missing environment or function) is shown at once, and the member retries or drops the check-in.
 */
export const isRetryable = (e: unknown): boolean => !(e instanceof CloudError) || e.code === 'NETWORK'

/**
 * Failures of delivery rather than of the check-in itself (a timeout, a missing environment or function, no
 * permission, a server fault): the same check-in may go through later, so it is kept for its author to retry.
 * A refusal of its content (invalid, not allowed) is not: the author fixes the form instead.
 */
export const isDeliveryFailure = (e: unknown): boolean =>
  e instanceof CloudError &&
  ['TIMEOUT', 'INTERNAL', 'NO_ENV', 'UNKNOWN_FUNCTION', 'NO_PERMISSION', 'RATE_LIMITED'].includes(e.code)

export interface SendDeps {
  upload: (local: string, personId: string) => Promise<string>
  create: (payload: CheckinInput) => Promise<unknown>
}

/**
 * Sends one pending check-in: uploads the photos not yet uploaded (remembering each as it lands, so a retry
 * does not upload it twice), then records the check-in. Throws what failed.
 */
export async function sendPending(item: PendingCheckin, deps: SendDeps): Promise<void> {
  const photos = [...item.photos]
  for (let k = 0; k < photos.length; k++) {
    if (photos[k].fileId) continue
    photos[k] = { ...photos[k], fileId: await deps.upload(photos[k].local, item.personId) }
    keep({ ...item, photos })
  }
  await deps.create({ ...item.payload, photos: photos.map((p) => p.fileId as string) })
}

export interface FlushResult {
  sent: number
  left: number
}

let flushing: Promise<FlushResult> | null = null

/**
 * Tries every pending check-in in the order they were made. Stops at the first network failure (the rest
 * would fail too); a refusal is marked on the item, which stays for the member to see and discard.
 * One flush at a time: a second call while one runs gets the same result.
 */
export function flushOutbox(deps: SendDeps): Promise<FlushResult> {
  flushing ??= (async () => {
    let sent = 0
    for (const item of readOutbox()) {
      if (item.refused) continue
      try {
        await sendPending(item, deps)
        forget(item.payload.requestId)
        sent++
      } catch (e) {
        const latest = readOutbox().find((p) => p.payload.requestId === item.payload.requestId) ?? item
        if (isRetryable(e)) {
          keep({ ...latest, attempts: latest.attempts + 1 })
          break
        }
        keep({ ...latest, attempts: latest.attempts + 1, refused: (e as Error).message })
      }
    }
    return { sent, left: readOutbox().length }
  })().finally(() => {
    flushing = null
  })
  return flushing
}

/**
 * On weapp a chosen photo's temporary path dies with the app; a saved copy survives a restart, so a
 * pending check-in still has its photos when the member opens the app again.
 */
export function persistLocalPhoto(tempPath: string): string {
  if (process.env.TARO_ENV !== 'weapp') return tempPath
  try {
    return Taro.getFileSystemManager().saveFileSync(tempPath) as unknown as string
  } catch {
    return tempPath
  }
}
