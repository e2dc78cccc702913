// Sets the environment's cloud storage security rule to deploy/storage.json and reads it back. The rule binds the
// app only: a person reads and writes their own uploads; cloud functions (admin rights) read everything and hand
// out expiring temporary links, so members' photos and exported ledgers never depend on the environment default.

/** The storage bucket of the environment (DescribeEnvs → EnvList[].Storages[].Bucket). */
async function bucketOf(call, envId) {
  const res = await call('DescribeEnvs', { EnvId: envId })
  const env = (res.EnvList ?? []).find((e) => e.EnvId === envId) ?? res.EnvList?.[0]
  const bucket = env?.Storages?.[0]?.Bucket
  if (!bucket)
    throw new Error(`环境 ${envId} 没有云存储 (no storage bucket in DescribeEnvs): 先在控制台开通云存储`)
  return bucket
}

const canonical = (rule) => {
  try {
    return JSON.stringify(typeof rule === 'string' ? JSON.parse(rule) : rule)
  } catch {
    return String(rule)
  }
}

/** Applies `spec.rule` through `call(action, params)`; throws when the API refuses or the rule does not read back. */
export async function applyStorageRule(call, envId, spec) {
  const bucket = await bucketOf(call, envId)
  const rule = JSON.stringify(spec.rule)
  await call('ModifyStorageSafeRule', { EnvId: envId, Bucket: bucket, AclTag: 'CUSTOM', Rule: rule })
  const back = await call('DescribeStorageSafeRule', { EnvId: envId, Bucket: bucket })
  if (back.AclTag !== 'CUSTOM' || canonical(back.Rule) !== canonical(rule))
    throw new Error(
      `云存储安全规则读回为 ${back.AclTag} ${back.Rule}，不是 ${rule} (storage rule did not stick)`,
    )
  return { bucket, rule }
}
