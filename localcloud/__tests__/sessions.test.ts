import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { demoOpenid } from '../seed/org'
import { startTestCloud } from '../testing'
import type { TestCloud } from '../testing'

/**
 * Dev sessions as a person and an attacker on the same machine see them: signing out ends the session on the
 * server, an idle session ends after 7 days, only the app's own JSON calls reach the functions, and one client
 * address can neither mint guests nor try invite codes without limit.
 */
let cloud: TestCloud

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

const WHOAMI = JSON.stringify({ action: 'whoami', payload: {} })
const whoami = (cookie: string, headers: Record<string, string> = {}) =>
  cloud.post('/fn/org', WHOAMI, { cookie, ...headers })

/** whoami over node:http, which (unlike fetch) sends the Host it is given; the status. */
const rawWhoami = (cookie: string, headers: Record<string, string>) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: cloud.port,
        path: '/fn/org',
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(WHOAMI)
  })

const DAY = 24 * 3600 * 1000

/** A session for p002 as if made and last used that long ago. */
function oldSession(createdDaysAgo: number, lastSeenDaysAgo?: number): string {
  const token = randomBytes(24).toString('hex')
  cloud.db.insertMany('sessions', [
    {
      _id: token,
      token,
      personId: 'p002',
      openid: demoOpenid('p002'),
      createdAt: new Date(Date.now() - createdDaysAgo * DAY),
      ...(lastSeenDaysAgo === undefined ? {} : { lastSeenAt: new Date(Date.now() - lastSeenDaysAgo * DAY) }),
    },
  ])
  return `lc_session=${token}`
}

describe('sessions', () => {
  it('ends on sign-out: the same cookie is refused afterwards', async () => {
    const cookie = await cloud.signIn('p002')
    expect((await whoami(cookie)).json).toMatchObject({ ok: true, data: { id: 'p002' } })
    const out = await fetch(`${cloud.url}/dev/sign-out`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    })
    expect(out.status).toBe(303)
    expect(await whoami(cookie)).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } })
  })

  it('ends after 7 days idle; use keeps it going', async () => {
    expect(await whoami(oldSession(8))).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } })
    expect(await whoami(oldSession(30, 7.01))).toMatchObject({ status: 401 })
    const active = oldSession(30, 6)
    expect((await whoami(active)).json).toMatchObject({ ok: true, data: { id: 'p002' } })
    // The call marked it used now: 7 days from today, not from 6 days ago.
    const token = active.split('=')[1]
    const lastSeen = () => new Date(cloud.db.find('sessions', { _id: token })[0].lastSeenAt as Date).getTime()
    for (let k = 0; k < 40 && Date.now() - lastSeen() > 60_000; k++)
      await new Promise((r) => setTimeout(r, 50))
    expect(Date.now() - lastSeen()).toBeLessThan(60_000)
  })
})

describe('function calls from another page', () => {
  let cookie: string
  beforeAll(async () => {
    cookie = await cloud.signIn('p002')
  })
  const own = () => `http://127.0.0.1:${cloud.port}`

  it('accept only application/json', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expect(await whoami(cookie, { 'content-type': type })).toMatchObject({
        status: 415,
        json: { ok: false, code: 'INVALID_INPUT' },
      })
    }
    expect((await whoami(cookie, { 'content-type': 'application/json; charset=utf-8' })).json).toMatchObject({
      ok: true,
    })
  })

  it('accept only the gateway’s own origin', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      { origin: own(), 'sec-fetch-site': 'same-site' },
    ]
    for (const headers of refused) {
      expect(await whoami(cookie, headers)).toMatchObject({
        status: 403,
        json: { ok: false, code: 'FORBIDDEN' },
      })
    }
    const signIn = await cloud.post('/dev/sign-in', JSON.stringify({ personId: 'p057' }), {
      origin: 'http://evil.example',
    })
    expect(signIn.status).toBe(403)
    expect((await whoami(cookie, { origin: own(), 'sec-fetch-site': 'same-origin' })).json).toMatchObject({
      ok: true,
    })
    // fetch cannot set Host: a raw request can, as a DNS-rebound page's browser would.
    const withHost = (host: string) =>
      rawWhoami(cookie, { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })
    expect(await withHost(`evil.example:${cloud.port}`)).toBe(403)
    // `npm start -- --host 0.0.0.0`: the app opened by the machine's address.
    expect(await withHost('192.168.1.5:8787')).toBe(200)
    expect(await withHost(`localhost:${cloud.port}`)).toBe(200)
  })
})

describe('per client address', () => {
  const guest = async (c: TestCloud) => {
    const res = await fetch(`${c.url}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: '__guest__' }),
    })
    return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] }
  }

  it('makes at most 20 new guests a minute', async () => {
    const fresh = await startTestCloud()
    try {
      const statuses: number[] = []
      for (let i = 0; i < 25; i++) statuses.push((await guest(fresh)).status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(20)
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429])
      // Members still sign in.
      expect(await fresh.signIn('p002')).toMatch(/^lc_session=/)
    } finally {
      await fresh.close()
    }
  })

  it('allows 20 wrong invite codes an hour, however many guests try them', async () => {
    const tries: number[] = []
    for (let g = 0; g < 5; g++) {
      const { cookie: c } = await guest(cloud)
      for (let k = 0; k < 5; k++) {
        const res = await cloud.post(
          '/fn/org',
          JSON.stringify({ action: 'bindInvite', payload: { code: 'ZZZZ-9999' } }),
          {
            cookie: c,
          },
        )
        tries.push(res.status)
      }
    }
    expect(tries.slice(0, 20).every((s) => s === 200)).toBe(true)
    expect(tries.slice(20)).toEqual([429, 429, 429, 429, 429])
  })
})
