import { create } from 'zustand'
import type { MeView } from '@contract/api'

interface SessionState {
  /** The signed-in person, once `org.whoami` has answered. */
  me: MeView | null
  setMe: (me: MeView | null) => void
}

/** Who is using the app, shared by every page so a tab switch does not show a blank profile. */
export const useSession = create<SessionState>()((set) => ({
  me: null,
  setMe: (me) => set({ me }),
}))
