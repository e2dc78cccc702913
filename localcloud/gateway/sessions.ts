import { randomBytes } from 'node:crypto'
import type { LocalDatabase } from '../db'

export const SESSION_COOKIE = 'lc_session'
const SESSIONS = 'sessions'
/** A session unused this long is over: the person signs in again. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000
/** How stale `lastSeenAt` may get before a call refreshes it: one write an hour per session in use, not one a call. */
const TOUCH_EVERY_MS = 3600 * 1000

interface SessionDoc {
  openid?: unknown
  createdAt?: unknown
  lastSeenAt?: unknown
}

const timeOf = (v: unknown): number =>
  v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN

export interface DevPerson {
  _id: string
  openid: string
  name: string
  title: string
  branchId: string | null
  grants: { role: string; branchId?: string }[]
}

/** Dev sign-in sessions, kept in the local database so a restart does not sign everyone out. */
export class Sessions {
  constructor(
    private readonly db: LocalDatabase,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  create(person: DevPerson): string {
    const token = randomBytes(24).toString('hex')
    this.db.insertMany(SESSIONS, [
      { _id: token, token, personId: person._id, openid: person.openid, createdAt: new Date() },
    ])
    return token
  }

  /** 职工群众: a WeChat user with no member record, as someone opening a 四公开 share card would be. */
  createGuest(): string {
    const openid = `guest-${randomBytes(8).toString('hex')}`
    const token = randomBytes(24).toString('hex')
    this.db.insertMany(SESSIONS, [{ _id: token, token, personId: null, openid, createdAt: new Date() }])
    return token
  }

  /** The openid a live session stands for; null for none, an unknown token, or one idle past SESSION_IDLE_MS. */
  openidFor(token: string | undefined): string | null {
    if (!token || !/^[a-f0-9]{48}$/.test(token)) return null
    const found = this.db.find(SESSIONS, { token }, { limit: 1 })[0] as SessionDoc | undefined
    if (typeof found?.openid !== 'string') return null
    const now = this.clock()
    const seen = timeOf(found.lastSeenAt ?? found.createdAt)
    if (!(now - seen < SESSION_IDLE_MS)) {
      void this.end(token).catch(() => undefined)
      return null
    }
    if (now - seen >= TOUCH_EVERY_MS)
      void this.write('modifyDocument', token, {
        $set: { lastSeenAt: { $date: new Date(now).toISOString() } },
      }).catch(() => undefined)
    return found.openid
  }

  /** Signs out: the token stands for no one from now on, whatever the browser keeps. */
  async end(token: string | undefined): Promise<void> {
    if (token && /^[a-f0-9]{48}$/.test(token)) await this.write('removeDocument', token)
  }

  private async write(
    action: 'modifyDocument' | 'removeDocument',
    token: string,
    data?: object,
  ): Promise<void> {
    const reply = (await this.db.handle(`database.${action}`, {
      collectionName: SESSIONS,
      query: JSON.stringify({ _id: token }),
      ...(data ? { data: JSON.stringify(data), merge: true } : {}),
    })) as { code?: string; message?: string }
    if (reply.code) throw new Error(`sessions: ${reply.code} ${reply.message ?? ''}`)
  }

  person(personId: string): DevPerson | null {
    return (
      (this.db.find('people', { _id: personId }, { limit: 1 })[0] as unknown as DevPerson | undefined) ?? null
    )
  }

  /** Projects a guest can open: the ones whose 四公开 page is public. */
  publicProjects(statuses: readonly string[]): { _id: string; title: string; branchName: string }[] {
    return this.db.find(
      'projects',
      { status: { $in: [...statuses] } },
      { sort: { _id: 1 }, limit: 20 },
    ) as unknown as { _id: string; title: string; branchName: string }[]
  }

  people(): DevPerson[] {
    return this.db.find('people', {}, { sort: { _id: 1 }, limit: 5000 }) as unknown as DevPerson[]
  }
}
