import { create } from 'zustand'
import { uploadFile } from '@/services/upload-file'
import { createCheckin } from './api/checkins'
import {
  clearRefusal,
  flushOutbox,
  forget,
  readOutbox,
  type FlushResult,
  type PendingCheckin,
} from './outbox'

interface PendingState {
  /** Check-ins kept on the phone, not yet recorded by the server. */
  items: PendingCheckin[]
  sending: boolean
  /** Re-reads what is kept on the phone. */
  reload: () => void
  /** Tries to send everything kept; safe to call often (app show, network back, pull-down). */
  flush: () => Promise<FlushResult>
  /** The member gives up on one (after confirming). */
  discard: (requestId: string) => void
  /** The member tries a failed one again (after the cause was fixed, or to see whether it still fails). */
  retry: (requestId: string) => Promise<FlushResult>
}

export const usePendingCheckins = create<PendingState>()((set, get) => ({
  items: readOutbox(),
  sending: false,
  reload: () => set({ items: readOutbox() }),
  flush: async () => {
    if (readOutbox().length === 0) {
      get().reload()
      return { sent: 0, left: 0 }
    }
    set({ sending: true })
    try {
      return await flushOutbox({ upload: uploadFile, create: createCheckin })
    } finally {
      set({ sending: false, items: readOutbox() })
    }
  },
  discard: (requestId) => {
    forget(requestId)
    get().reload()
  },
  retry: (requestId) => {
    clearRefusal(requestId)
    return get().flush()
  },
}))
