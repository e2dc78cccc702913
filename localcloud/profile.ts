/**
 * How faithfully localcloud imitates WeChat CloudBase. The `default` profile is fast, for unit tests and
 * everyday work; the `cloud` profile is as strict as CloudBase is in production, for integration and browser
 * tests and for figures that must hold there. Every setting can also be turned on or changed on its own.
 */
export interface CloudProfile {
  name: 'default' | 'cloud'
  /** Added to every database request, storage operation and openapi call (ms): a network round trip. */
  latency: { meanMs: number; jitterMs: number }
  /** A function's first call after it has been idle for `idleMs` waits this long (ms). */
  coldStartMs: number
  idleMs: number
  /** Transactions run side by side and conflict as CloudBase's do, instead of one after another. */
  optimisticTransactions: boolean
  /** `cloud.openapi.*` answers -604101 unless the function's config.json lists the method. */
  openapiPermissions: boolean
  /** Stored files are read only through expiring temp links (or by functions). */
  privateFiles: boolean
  /** How long a getTempFileURL link stays valid (ms). */
  tempUrlTtlMs: number
  /** CloudBase's size and shape limits: document and request sizes, batch adds, where() in transactions. */
  limits: boolean
  /** Each function runs in worker threads of its own, under its memorySize, stopped whole at its timeout. */
  isolation: boolean
}

export const DEFAULT_PROFILE: CloudProfile = {
  name: 'default',
  latency: { meanMs: 0, jitterMs: 0 },
  coldStartMs: 0,
  idleMs: 15 * 60_000,
  optimisticTransactions: false,
  openapiPermissions: false,
  privateFiles: false,
  tempUrlTtlMs: 2 * 3600_000,
  limits: false,
  isolation: false,
}

export const CLOUD_PROFILE: CloudProfile = {
  ...DEFAULT_PROFILE,
  name: 'cloud',
  latency: { meanMs: 8, jitterMs: 4 },
  coldStartMs: 400,
  optimisticTransactions: true,
  openapiPermissions: true,
  privateFiles: true,
  limits: true,
  isolation: true,
}

const number = (env: NodeJS.ProcessEnv, key: string): number | undefined => {
  const raw = env[key]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${key} 应为非负数：${raw}`)
  return n
}
const toggle = (env: NodeJS.ProcessEnv, key: string): boolean | undefined => {
  const raw = env[key]
  if (raw === undefined || raw === '') return undefined
  if (raw === '1' || raw === 'on' || raw === 'true') return true
  if (raw === '0' || raw === 'off' || raw === 'false') return false
  throw new Error(`${key} 应为 on 或 off：${raw}`)
}

/**
 * The profile named by LOCALCLOUD_PROFILE (or `name`), with each LOCALCLOUD_* setting from the environment
 * laid over it: LATENCY_MS, JITTER_MS, COLD_START_MS, OPTIMISTIC, OPENAPI_PERMISSIONS, PRIVATE_FILES,
 * TEMP_URL_TTL_MS, LIMITS, ISOLATION.
 */
export function resolveProfile(name?: string, env: NodeJS.ProcessEnv = process.env): CloudProfile {
  const chosen = name ?? env.LOCALCLOUD_PROFILE ?? 'default'
  if (chosen !== 'default' && chosen !== 'cloud')
    throw new Error(`LOCALCLOUD_PROFILE 只能是 default 或 cloud：${chosen}`)
  const base = chosen === 'cloud' ? CLOUD_PROFILE : DEFAULT_PROFILE
  return {
    ...base,
    latency: {
      meanMs: number(env, 'LOCALCLOUD_LATENCY_MS') ?? base.latency.meanMs,
      jitterMs: number(env, 'LOCALCLOUD_JITTER_MS') ?? base.latency.jitterMs,
    },
    coldStartMs: number(env, 'LOCALCLOUD_COLD_START_MS') ?? base.coldStartMs,
    optimisticTransactions: toggle(env, 'LOCALCLOUD_OPTIMISTIC') ?? base.optimisticTransactions,
    openapiPermissions: toggle(env, 'LOCALCLOUD_OPENAPI_PERMISSIONS') ?? base.openapiPermissions,
    privateFiles: toggle(env, 'LOCALCLOUD_PRIVATE_FILES') ?? base.privateFiles,
    tempUrlTtlMs: number(env, 'LOCALCLOUD_TEMP_URL_TTL_MS') ?? base.tempUrlTtlMs,
    limits: toggle(env, 'LOCALCLOUD_LIMITS') ?? base.limits,
    isolation: toggle(env, 'LOCALCLOUD_ISOLATION') ?? base.isolation,
  }
}

let active: CloudProfile = DEFAULT_PROFILE

/** The profile the running localcloud was started with (the SDK patches are process-wide). */
export const activeProfile = (): CloudProfile => active
export function setActiveProfile(profile: CloudProfile): void {
  active = profile
}
