import * as cloud from 'wx-server-sdk'

// Once per instance, at module scope: every invocation of a warm function reuses it.
// The typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is the documented way to use the caller's env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const db = cloud.database()
export const _ = db.command
export { cloud }

/** Collection names, in one place. */
export const COLLECTIONS = {
  people: 'people',
  orgUnits: 'org_units',
  groups: 'groups',
  projects: 'projects',
} as const
