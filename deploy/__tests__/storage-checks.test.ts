import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkStorageSpec, OWNER_ONLY } from '../storage-checks'

describe('deploy/storage.json', () => {
  it('is owner-only, as the repository ships it', () => {
    const spec = JSON.parse(readFileSync(join(__dirname, '..', 'storage.json'), 'utf8'))
    expect(checkStorageSpec(spec)).toEqual([])
  })

  it('refuses a missing rule and one that opens reads or writes to everyone', () => {
    expect(checkStorageSpec(null)[0].message).toContain('缺少云存储安全规则')
    const open = checkStorageSpec({ rule: { read: true, write: OWNER_ONLY } })
    expect(open).toHaveLength(1)
    expect(open[0].message).toContain('read 须为')
    expect(checkStorageSpec({ rule: { read: OWNER_ONLY, write: 'auth != null' } })[0].message).toContain(
      'write',
    )
  })
})
