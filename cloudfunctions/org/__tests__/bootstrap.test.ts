import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalcloud, type Localcloud } from '../../../localcloud'
import { loadFunctions } from '../../../localcloud/functions'
import { invokeFunction } from '../../../localcloud/gateway/server'
import { startTestCloud } from '../../../localcloud/testing'

const org = () => loadFunctions(join(__dirname, '..', '..', '..', 'build', 'cloudfunctions')).get('org')!
/** What `tcb fn invoke org` does: signed with the environment's keys, no WeChat user, SOURCE `scf`. */
const invokeAsAdmin = (payload: unknown) =>
  invokeFunction(org(), { action: 'bootstrapCommittee', payload }, { openid: '', source: 'scf' }, 10_000)

describe('org bootstrapCommittee in the demo company (committee members already bound)', () => {
  it('is refused, is no action the app can call, and needs a name and a phone', async () => {
    const cloud = await startTestCloud()
    try {
      expect(await invokeAsAdmin({ name: '党委书记', phone: '13700009001' })).toMatchObject({
        ok: false,
        code: 'CONFLICT',
      })
      expect(cloud.db.count('people', { phone: '13700009001' })).toBe(0)
      expect(await invokeAsAdmin({ name: '', phone: '123' })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      })
      const cookie = await cloud.signIn('p057')
      const res = await cloud.post('/fn/org', JSON.stringify({ action: 'bootstrapCommittee', payload: {} }), {
        cookie,
      })
      expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    } finally {
      await cloud.close()
    }
  })
})

describe('org bootstrapCommittee in a fresh environment (npm run deploy -- --bootstrap)', () => {
  let lc: Localcloud
  let storage: string
  beforeAll(async () => {
    storage = mkdtempSync(join(tmpdir(), 'dj-boot-'))
    lc = await startLocalcloud({
      port: 0,
      dbFile: ':memory:',
      storageDir: storage,
      seed: false,
      timers: false,
    })
  })
  afterAll(async () => {
    await lc.close()
    rmSync(storage, { recursive: true, force: true })
  })

  const post = async (cookie: string, body: unknown) =>
    (await (
      await fetch(`${lc.url}/fn/org`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      })
    ).json()) as Record<string, unknown>

  it('makes the first committee member and a code they bind with; then it is closed', async () => {
    const res = (await invokeAsAdmin({ name: '赵书记', phone: '13700009001' })) as {
      ok: boolean
      data: { code: string; person: { id: string; name: string } }
    }
    expect(res).toMatchObject({ ok: true, data: { person: { name: '赵书记' } } })
    expect(res.data.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
    expect(lc.db.find('people', { phone: '13700009001' })[0]).toMatchObject({
      openid: '',
      grants: [{ role: 'committee' }],
    })

    const signIn = await fetch(`${lc.url}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: '__guest__' }),
    })
    const guest = (signIn.headers.get('set-cookie') ?? '').split(';')[0]
    expect(await post(guest, { action: 'bindInvite', payload: { code: res.data.code } })).toMatchObject({
      ok: true,
      data: { name: '赵书记', roles: ['committee'] },
    })
    expect(await post(guest, { action: 'whoami', payload: {} })).toMatchObject({
      ok: true,
      data: { name: '赵书记' },
    })
    expect(await invokeAsAdmin({ name: '别人', phone: '13700009002' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })
})
