// Makes a CloudBase environment's database match deploy/database.json: creates missing collections, adds missing
// indexes (never drops one), and sets every collection's security rule, then reads the rule back.

/** A stable index name from its fields: `groupId_withdrawn_pinned_createdAt`. */
export const indexName = (fields) => fields.join('_').replace(/[^A-Za-z0-9_]/g, '_')

const sameKeys = (index, fields) =>
  Array.isArray(index.Keys) &&
  index.Keys.length === fields.length &&
  index.Keys.every((k, i) => k.Name === fields[i] && String(k.Direction) === '1')

/** Every collection name in the environment (DescribeTables pages with MgoLimit/MgoOffset). */
async function existingCollections(call, envId) {
  const names = new Set()
  for (let offset = 0; ; offset += 100) {
    const res = await call('DescribeTables', { EnvId: envId, MgoLimit: 100, MgoOffset: offset })
    const tables = res.Tables ?? []
    for (const t of tables) names.add(t.TableName)
    const total = res.Pager?.Total ?? 0
    if (tables.length < 100 || offset + tables.length >= total) return names
  }
}

/**
 * Applies `spec` ({rule, collections: {name: [[field, …], …]}}) through `call(action, params)`; `log` reports
 * each step. Returns what it did. Throws (TcbApiError) on the first refusal, or when a rule does not read back.
 */
export async function applyDatabase(call, envId, spec, log = () => {}) {
  const rule = JSON.stringify(spec.rule)
  const done = { created: [], indexes: [], rules: 0, extraIndexes: [] }
  const existing = await existingCollections(call, envId)
  for (const [name, indexes] of Object.entries(spec.collections)) {
    if (!existing.has(name)) {
      await call('CreateTable', {
        EnvId: envId,
        TableName: name,
        PermissionInfo: { AclTag: 'CUSTOM', EnvId: envId, Rule: rule },
      })
      done.created.push(name)
      log(`  + 集合 ${name} (collection created)`)
    }
    const table = await call('DescribeTable', { EnvId: envId, TableName: name })
    const present = table.Indexes ?? []
    const missing = indexes.filter((fields) => !present.some((i) => sameKeys(i, fields)))
    if (missing.length > 0) {
      await call('UpdateTable', {
        EnvId: envId,
        TableName: name,
        CreateIndexes: missing.map((fields) => ({
          IndexName: indexName(fields),
          MgoKeySchema: {
            MgoIsUnique: false,
            MgoIndexKeys: fields.map((f) => ({ Name: f, Direction: '1' })),
          },
        })),
      })
      for (const fields of missing) {
        done.indexes.push(`${name}.${indexName(fields)}`)
        log(`  + 索引 ${name} (${fields.join(', ')}) (index created)`)
      }
    }
    for (const i of present)
      if (i.Name !== '_id_' && !indexes.some((fields) => sameKeys(i, fields)))
        done.extraIndexes.push(`${name}.${i.Name}`)

    await call('ModifySafeRule', { EnvId: envId, CollectionName: name, AclTag: 'CUSTOM', Rule: rule })
    const back = await call('DescribeSafeRule', { EnvId: envId, CollectionName: name })
    let readBack = null
    try {
      readBack = JSON.stringify(JSON.parse(back.Rule ?? 'null'))
    } catch {
      readBack = String(back.Rule)
    }
    if (back.AclTag !== 'CUSTOM' || readBack !== rule)
      throw new Error(
        `集合 ${name} 的安全规则读回为 ${back.AclTag} ${back.Rule}，不是 ${rule} (security rule did not stick)`,
      )
    done.rules++
  }
  return done
}
