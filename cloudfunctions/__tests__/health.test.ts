import { join } from 'node:path'
import { loadFunctions } from '../../localcloud/functions'
import { invokeFunction } from '../../localcloud/gateway/server'
import type { Caller } from '../../localcloud/identity'
import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'

// `npm run verify:live` calls {action: 'health'} through `tcb fn invoke` (keys-signed: SOURCE scf, no user).
const functions = loadFunctions(join(__dirname, '..', '..', 'build', 'cloudfunctions'))
const names = [...functions.keys()].sort()
const DEPLOY: Caller = { openid: '', source: 'scf' }
const invoke = (fn: string, event: unknown, caller: Caller) =>
  invokeFunction(functions.get(fn)!, event, caller, 10_000) as Promise<Record<string, unknown>>

let cloud: TestCloud
let p001: string

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  cloud = await startTestCloud()
  p001 = await cloud.signIn('p001')
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

describe('health, for the deploy only', () => {
  it('every function answers it to the deploy, having reached the database', async () => {
    expect(names).toHaveLength(10)
    for (const fn of names) {
      const res = await invoke(fn, { action: 'health' }, DEPLOY)
      expect(res).toMatchObject({ ok: true, data: { fn, db: 'ok' } })
    }
  })

  it('the app never gets one: to it health is an unknown action (reminders: forbidden)', async () => {
    for (const fn of names) {
      const res = (await cloud.post(`/fn/${fn}`, JSON.stringify({ action: 'health', payload: {} }), {
        cookie: p001,
      })) as { json: Record<string, unknown> }
      expect(res.json).toMatchObject({ ok: false, code: fn === 'reminders' ? 'FORBIDDEN' : 'UNKNOWN_ACTION' })
    }
  })

  it.each<[string, Caller]>([
    ['a call passed on from the app', { openid: '', source: 'wx_client,scf' as Caller['source'] }],
    ['a call carrying a user', { openid: 'demo-openid-p001', source: 'scf' }],
    ['a cross-account call', { openid: '', fromOpenid: 'o-other', source: 'scf' }],
  ])('nor %s', async (_, caller) => {
    const res = await invoke('projects', { action: 'health' }, caller)
    expect(res.ok).toBe(false)
    expect(res.data).toBeUndefined()
  })
})

describe('verifyPush, for the deploy only', () => {
  it('refuses while the template ids are placeholders, saying where to set them', async () => {
    const res = await invoke(
      'reminders',
      { action: 'verifyPush', payload: { openid: 'demo-openid-p001' } },
      DEPLOY,
    )
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(String(res.message)).toContain('reminder-config.json')
  })

  it('is no action for the app or a timer-shaped call', async () => {
    const res = (await cloud.post(
      '/fn/reminders',
      JSON.stringify({ action: 'verifyPush', payload: { openid: 'demo-openid-p001' } }),
      { cookie: p001 },
    )) as { json: Record<string, unknown> }
    expect(res.json).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
