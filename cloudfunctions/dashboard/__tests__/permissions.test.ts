import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { YINGXIAO, YUNWEI, guestCookie } from './helpers'

let cloud: TestCloud
const as: Record<string, string> = {}
const THIS_YEAR = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear()

beforeAll(async () => {
  cloud = await startTestCloud()
  // p005 member of 运维部, p001 its secretary, p008 secretary of 营销部, p057 committee.
  for (const id of ['p005', 'p001', 'p008', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const code = async (
  who: string | null,
  action: 'committee' | 'branch' | 'overdue' | 'league',
  payload: object,
) => {
  const res = await cloud.call(who, 'dashboard', action, payload as never)
  return res.ok ? 'OK' : res.code
}

describe('who may open which dashboard', () => {
  it('members open none', async () => {
    expect(await code(as.p005, 'committee', {})).toBe('FORBIDDEN')
    expect(await code(as.p005, 'branch', {})).toBe('FORBIDDEN')
    expect(await code(as.p005, 'branch', { branchId: YUNWEI })).toBe('FORBIDDEN')
    expect(await code(as.p005, 'overdue', {})).toBe('FORBIDDEN')
    expect(await code(as.p005, 'league', {})).toBe('FORBIDDEN')
  })

  it('a secretary opens their own branch only, never the company’s or the league', async () => {
    expect(await code(as.p001, 'branch', {})).toBe('OK')
    expect(await code(as.p001, 'branch', { branchId: YUNWEI })).toBe('OK')
    expect(await code(as.p001, 'branch', { branchId: YINGXIAO })).toBe('FORBIDDEN')
    expect(await code(as.p001, 'overdue', {})).toBe('OK')
    expect(await code(as.p001, 'overdue', { branchId: YINGXIAO })).toBe('FORBIDDEN')
    expect(await code(as.p001, 'committee', {})).toBe('FORBIDDEN')
    expect(await code(as.p001, 'league', {})).toBe('FORBIDDEN')
    expect(await code(as.p008, 'branch', { branchId: YUNWEI })).toBe('FORBIDDEN')
  })

  it('the committee opens the company and any branch (which it must name)', async () => {
    expect(await code(as.p057, 'committee', {})).toBe('OK')
    expect(await code(as.p057, 'league', {})).toBe('OK')
    expect(await code(as.p057, 'overdue', { branchId: YINGXIAO })).toBe('OK')
    expect(await code(as.p057, 'branch', { branchId: YINGXIAO })).toBe('OK')
    expect(await code(as.p057, 'branch', {})).toBe('INVALID_INPUT')
    expect(await code(as.p057, 'branch', { branchId: 'b-nowhere' })).toBe('NOT_FOUND')
  })

  it('nobody unregistered or signed out', async () => {
    const guest = guestCookie(cloud, 'dash-public')
    expect(await code(guest, 'committee', {})).toBe('NOT_REGISTERED')
    expect(await code(null, 'committee', {})).toBe('UNAUTHENTICATED')
  })

  it('no client can start the roll-up: a timer-shaped call from the app is an unknown action', async () => {
    const before = cloud.db.find('dashboard_rollups', { _id: 'run' })
    const res = await cloud.post('/fn/dashboard', JSON.stringify({ Type: 'Timer', TriggerName: 'rollup' }), {
      cookie: as.p057,
    })
    expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(cloud.db.find('dashboard_rollups', { _id: 'run' })).toEqual(before)
  })
})

describe('filters out of range are refused', () => {
  it.each([
    ['a year before the five shown', { year: THIS_YEAR - 5 }],
    ['next year', { year: THIS_YEAR + 1 }],
    ['a year far off', { year: 1999 }],
    ['a year as text', { year: String(THIS_YEAR) }],
    ['a fractional year', { year: THIS_YEAR - 0.5 }],
    ['an unknown category', { category: 'sports' }],
    ['an unknown filter', { status: 'draft' }],
  ])('%s', async (_, payload) => {
    for (const action of ['committee', 'overdue', 'league'] as const) {
      const res = await cloud.call(as.p057, 'dashboard', action, payload as never)
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(await code(as.p001, 'branch', payload)).toBe('INVALID_INPUT')
  })

  it('names the field and the years allowed', async () => {
    const res = await cloud.call(as.p057, 'dashboard', 'committee', { year: THIS_YEAR - 5 })
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: `年度应在 ${THIS_YEAR - 4} 至 ${THIS_YEAR} 之间`,
      issues: [{ path: 'year' }],
    })
  })

  it('refuses pages out of range', async () => {
    expect(await code(as.p057, 'overdue', { pageSize: 51 })).toBe('INVALID_INPUT')
    expect(await code(as.p057, 'league', { page: 0 })).toBe('INVALID_INPUT')
  })

  it('accepts every year shown and every category', async () => {
    for (let k = 0; k <= 4; k++) expect(await code(as.p057, 'committee', { year: THIS_YEAR - k })).toBe('OK')
    expect(await code(as.p057, 'committee', { category: 'flagship' })).toBe('OK')
  })
})
