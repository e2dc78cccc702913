import { randomBytes } from 'node:crypto'
import type { LocalDatabase } from '../db'

export const SESSION_COOKIE = 'lc_session'
const SESSIONS = 'sessions'

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
  constructor(private readonly db: LocalDatabase) {}

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

  openidFor(token: string | undefined): string | null {
    if (!token || !/^[a-f0-9]{48}$/.test(token)) return null
    const found = this.db.find(SESSIONS, { token }, { limit: 1 })[0]
    return typeof found?.openid === 'string' ? found.openid : null
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
