import type { Finding } from './checks'

/** deploy/storage.json */
export interface StorageSpec {
  rule?: { read?: unknown; write?: unknown }
}

/** Only the uploader: what a person reaches in cloud storage from the app (functions are not bound by it). */
export const OWNER_ONLY = 'resource.openid == auth.openid'

/** The storage rule lets a person read and write only their own uploads: never `true`, never the default. */
export function checkStorageSpec(spec: StorageSpec | null): Finding[] {
  const where = 'deploy/storage.json'
  if (!spec?.rule)
    return [
      {
        level: 'error',
        where,
        message: '缺少云存储安全规则 (no storage rule: the environment default applies)',
      },
    ]
  const out: Finding[] = []
  for (const key of ['read', 'write'] as const)
    if (spec.rule[key] !== OWNER_ONLY)
      out.push({
        level: 'error',
        where,
        message: `${key} 须为 "${OWNER_ONLY}"：成员照片和导出的台账只给本人与云函数 (${key} must be owner-only, is ${JSON.stringify(spec.rule[key])})`,
      })
  return out
}
