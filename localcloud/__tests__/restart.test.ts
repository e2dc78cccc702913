import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalcloud } from '../index'

const dir = mkdtempSync(join(tmpdir(), 'dj-restart-'))
const dbFile = join(dir, 'data.sqlite')
const start = (opts: { reset?: boolean; seed?: boolean }) =>
  startLocalcloud({ port: 0, dbFile, storageDir: join(dir, 'files'), timers: false, ...opts })

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('restarting localcloud', () => {
  it('keeps the data and never loads the demo twice', async () => {
    const first = await start({ seed: true })
    first.db.insertMany('projects', [
      { _id: 'mine', title: '自建项目', branchId: 'b-yunwei', status: 'draft' },
    ])
    await first.close()

    const second = await start({ seed: true })
    expect(second.db.count('people')).toBe(60)
    expect(second.db.count('projects')).toBe(16)
    expect(second.db.count('projects', { _id: 'mine' })).toBe(1)
    await second.close()
  })

  it('starts from an empty database when asked', async () => {
    const empty = await start({ reset: true, seed: false })
    expect(empty.db.count('people')).toBe(0)
    expect(empty.db.count('projects')).toBe(0)
    const page = await fetch(empty.url + '/dev/sign-in').then((r) => r.text())
    expect(page).toContain('数据库中还没有人员')
    await empty.close()
  })
})
