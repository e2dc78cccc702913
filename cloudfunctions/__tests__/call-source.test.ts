import { join } from 'node:path'
import { loadFunctions } from '../../localcloud/functions'
import { invokeFunction } from '../../localcloud/gateway/server'
import { TRIGGER_CALLER } from '../../localcloud/identity'
import type { CallSource, Caller } from '../../localcloud/identity'
import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import type { Result } from '../../types/result'

/**
 * Who may start what, by what WeChat puts into `getWXContext()`: the three timers (reminders sweep, dashboard
 * roll-up, ledger cleanup) only on SOURCE `wx_trigger`, the first committee member only on the deploy's own
 * keys-signed call (`tcb fn invoke`: no user, SOURCE `scf`). Each is called with every source WeChat sets, with
 * and without a user or a cross-account FROM_OPENID.
 */
let cloud: TestCloud
const functions = loadFunctions(join(__dirname, '..', '..', 'build', 'cloudfunctions'))

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

const DEPLOY: Caller = { openid: '', source: 'scf' }
const CALLERS: Record<string, string | Caller | null> = {
  'the app (wx_client, a member)': 'demo-openid-p002',
  'the app with an unknown user': 'o-nobody',
  'a timer (wx_trigger)': TRIGGER_CALLER,
  'a timer source with a cross-account user': { openid: '', source: 'wx_trigger', fromOpenid: 'o-x' },
  'HTTP access (wx_http)': { openid: '', source: 'wx_http' },
  'HTTP access for another account’s user': { openid: '', source: 'wx_http', fromOpenid: 'o-x' },
  'the devtools (wx_devtools)': { openid: '', source: 'wx_devtools' },
  'an unknown WeChat source': { openid: '', source: 'wx_unknown' },
  'the app through another function (wx_client,scf)': { openid: '', source: 'wx_client,scf' as CallSource },
  'a cross-account call (FROM_OPENID, empty OPENID)': {
    openid: '',
    source: 'wx_client',
    fromOpenid: 'o-other-app-user',
    fromAppid: 'wx-other',
  },
  'keys-signed with a cross-account user': { openid: '', source: 'scf', fromOpenid: 'o-x' },
  'keys-signed with a user': { openid: 'demo-openid-p002', source: 'scf' },
  'no source at all': { openid: '' },
  'no context at all': null,
  'the deploy (tcb fn invoke: scf, no user)': DEPLOY,
}

const invoke = async (fn: string, event: unknown, caller: string | Caller | null) =>
  (await invokeFunction(functions.get(fn)!, event, caller, 15_000)) as Result<unknown>

const timerEvent = (name: string) => ({ Type: 'Timer', TriggerName: name, Time: new Date().toISOString() })

/** Each caller's outcome, as `ok` or the error code, and `+ wrote` when a refusal changed the database. */
async function outcomes(run: (caller: string | Caller | null) => Promise<Result<unknown>>) {
  const got: Record<string, string> = {}
  for (const [name, caller] of Object.entries(CALLERS)) {
    const before = cloud.db.changes()
    const res = await run(caller)
    got[name] = res.ok ? 'ok' : `${res.code}${cloud.db.changes() !== before ? ' + wrote' : ''}`
  }
  return got
}

const onlyFor = (allowed: string, yes: string, no: string) =>
  Object.fromEntries(Object.keys(CALLERS).map((name) => [name, name === allowed ? yes : no]))

describe('callers by SOURCE', () => {
  it('runs the reminders sweep only for its timer', async () => {
    expect(await outcomes((c) => invoke('reminders', timerEvent('sweep'), c))).toEqual(
      onlyFor('a timer (wx_trigger)', 'ok', 'FORBIDDEN'),
    )
  })

  it('runs the dashboard roll-up only for its timer; to anyone else a timer’s event is no action', async () => {
    expect(await outcomes((c) => invoke('dashboard', timerEvent('rollup'), c))).toEqual(
      onlyFor('a timer (wx_trigger)', 'ok', 'UNKNOWN_ACTION'),
    )
  })

  it('runs the ledger export cleanup only for its timer; to anyone else a timer’s event is no action', async () => {
    expect(await outcomes((c) => invoke('ledger', timerEvent('cleanup'), c))).toEqual(
      onlyFor('a timer (wx_trigger)', 'ok', 'UNKNOWN_ACTION'),
    )
  })

  it('reaches bootstrapCommittee only from the deploy; to everyone else it is no action', async () => {
    // The demo company has bound committee members: the deploy's call gets as far as saying so.
    const event = { action: 'bootstrapCommittee', payload: { name: '党委书记', phone: '13700009001' } }
    expect(await outcomes((c) => invoke('org', event, c))).toEqual(
      onlyFor('the deploy (tcb fn invoke: scf, no user)', 'CONFLICT', 'UNKNOWN_ACTION'),
    )
    expect(cloud.db.count('people', { phone: '13700009001' })).toBe(0)
  })
})
