import { readdirSync } from 'node:fs'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { join, relative } from 'node:path'
import { guestCookie } from '../../cloudfunctions/projects/__tests__/helpers'
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../gateway/rate-limit'
import { resolveProfile } from '../profile'
import { startTestCloud } from '../testing'
import type { TestCloud } from '../testing'

/**
 * The gateway under abuse, all on 127.0.0.1 and bounded in count and time: clients that trickle a body or
 * headers, bodies too large, paths that climb out of the storage folder, bad addresses and cookies, and one
 * identity hammering. Each time the abuser gets a clear answer (or is cut off) and everyone else is served.
 */
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  // The gateway's own behaviour under abuse: under the `cloud` profile everything stays strict but the round
  // trips and cold starts, which would blur 'everyone else is served meanwhile'.
  const profile = resolveProfile()
  cloud = await startTestCloud({
    bodyTimeoutMs: 800,
    headersTimeoutMs: 1000,
    rateLimit: { capacity: 30, refillPerSecond: 20 },
    profile: { ...profile, latency: { meanMs: 0, jitterMs: 0 }, coldStartMs: 0 },
  })
  for (const id of ['p001', 'p005']) as[id] = await cloud.signIn(id)
  // A function's first call starts its instance; 'served meanwhile' is about the calls after that.
  await cloud.post('/fn/org', JSON.stringify({ action: 'whoami', payload: {} }), { cookie: as.p005 })
})
afterAll(() => cloud.close())

interface RawReply {
  status: number
  text: string
  /** ms from connecting until the server closed the connection (or the reply ended). */
  ms: number
}

/** Sends `head` (and then `trickle`, one byte every `everyMs`) on a raw socket; what came back. */
function raw(head: string, trickle = '', everyMs = 100, giveUpMs = 6000): Promise<RawReply> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket: Socket = connect(cloud.port, '127.0.0.1')
    let text = ''
    let k = 0
    let timer: NodeJS.Timeout | undefined
    const done = () => {
      clearInterval(timer)
      clearTimeout(stop)
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, text, ms: Date.now() - started })
    }
    const stop = setTimeout(() => socket.destroy(), giveUpMs)
    socket.on('data', (d) => (text += d.toString('utf8')))
    socket.on('close', done)
    socket.on('error', () => undefined)
    socket.write(head)
    if (trickle) {
      timer = setInterval(() => {
        if (k < trickle.length && !socket.destroyed) socket.write(trickle[k++])
      }, everyMs)
    }
  })
}

const get = (path: string) => raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
const whoami = (cookie: string) =>
  cloud.post('/fn/org', JSON.stringify({ action: 'whoami', payload: {} }), { cookie })

describe('slow clients', () => {
  it('times out a body trickled byte by byte with 408, closes it, and serves everyone else meanwhile', async () => {
    const body = JSON.stringify({ action: 'whoami', payload: {} })
    const head =
      `POST /fn/org HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\nCookie: ${as.p001}\r\n\r\n`
    const slow = Array.from({ length: 20 }, () => raw(head, body, 100))
    const served: number[] = []
    for (let i = 0; i < 10; i++) {
      const t = Date.now()
      expect((await whoami(as.p005)).json).toMatchObject({ ok: true })
      served.push(Date.now() - t)
      await new Promise((r) => setTimeout(r, 50))
    }
    const replies = await Promise.all(slow)
    for (const r of replies) {
      expect(r.status).toBe(408)
      expect(r.text).toContain('"code":"TIMEOUT"')
      expect(r.ms).toBeLessThan(2500)
    }
    expect(Math.max(...served)).toBeLessThan(500)
  })

  it('cuts off a client that never finishes its headers', async () => {
    const r = await raw(
      'POST /fn/org HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: ' + 'a'.repeat(200),
      50,
      8000,
    )
    expect(r.ms).toBeLessThan(4000)
    expect([0, 408]).toContain(r.status)
    expect((await whoami(as.p005)).json).toMatchObject({ ok: true })
  })
})

describe('oversized bodies', () => {
  it('refuses a streamed body over 1 MB with no declared length, and goes on serving', async () => {
    const chunk = 'a'.repeat(64 * 1024)
    const res = await fetch(`${cloud.url}/fn/org`, {
      method: 'POST',
      headers: { cookie: as.p005, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 24; i++) controller.enqueue(new TextEncoder().encode(chunk))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, code: 'BODY_TOO_LARGE' })
    expect((await whoami(as.p005)).json).toMatchObject({ ok: true })
  })
})

describe('file names and paths', () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])

  it('stores an upload under a random name in its owner’s folder, whatever name or path the client sends', async () => {
    const res = await fetch(`${cloud.url}/files/upload?name=../../../evil.jpg&cloudPath=../../x.jpg`, {
      method: 'POST',
      headers: { cookie: as.p005, 'content-type': 'image/jpeg', 'x-file-name': '../../../evil.jpg' },
      body: JPEG,
    })
    const out = (await res.json()) as { ok: boolean; data: { fileID: string; url: string } }
    expect(out.data.fileID).toMatch(/^cloud:\/\/local\.localcloud\/uploads\/p005\/[a-f0-9]{24}\.jpg$/)
    const stored = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? stored(join(dir, e.name)) : [relative(cloud.storageDir, join(dir, e.name))],
      )
    expect(stored(cloud.storageDir).every((f) => f.startsWith('uploads/'))).toBe(true)
    expect((await fetch(out.data.url)).status).toBe(200)
  })

  it.each([
    '/files/../../package.json',
    '/files/..%2f..%2fpackage.json',
    '/files/%2e%2e/%2e%2e/package.json',
    '/files/uploads/..%5c..%5c..%5cpackage.json',
    '/files/uploads/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/files/%2fetc%2fpasswd',
    '/files//etc/passwd',
    '/files/uploads/p005/x.jpg%00.png',
    '/files/%00',
    '/files/%E0%A4%A',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/static/../../../package.json',
  ])('never serves anything outside its folders: %s', async (path) => {
    const r = await get(path)
    // 403: under the `cloud` profile a file is served only through a valid temp link.
    expect([302, 400, 403, 404]).toContain(r.status)
    expect(r.text).not.toContain('dangjian-xiangmutong')
    expect(r.text).not.toContain('root:')
  })

  it('refuses file ids that climb out of the caller’s own folder', async () => {
    for (const photo of [
      'cloud://local.localcloud/uploads/p005/../p002/abcdefgh.jpg',
      'cloud://local.localcloud/uploads/p005/%2e%2e/abcdefgh.jpg',
      'cloud://local.localcloud/../uploads/p005/abcdefgh.jpg',
    ]) {
      const res = await cloud.call(as.p005, 'checkins', 'create', {
        requestId: `abuse-${photo.length}-${photo.charCodeAt(40)}`,
        projectId: 'prj-001',
        taskId: 't2',
        text: '现场勘查',
        photos: [photo],
      })
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
  })
})

describe('bad addresses and cookies', () => {
  it.each(['GET //[ HTTP/1.1', 'POST //[/fn/org HTTP/1.1', 'GET /%E0%A4%A HTTP/1.1'])(
    'answers %s without a server error',
    async (line) => {
      const r = await raw(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      expect(r.status).toBeGreaterThanOrEqual(300)
      expect(r.status).toBeLessThan(500)
    },
  )

  it('treats a malformed session cookie as signed out, not as a server error', async () => {
    const res = await whoami('lc_session=%E0%A4%A')
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('answers an action that is an object with a hostile toString cleanly', async () => {
    const res = await cloud.post('/fn/org', '{"action":{"toString":"x","valueOf":"y"},"payload":{}}', {
      cookie: as.p005,
    })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })
})

describe('one identity hammering', () => {
  it('holds it to its token bucket with 429 RATE_LIMITED and Retry-After, while others are served', async () => {
    await new Promise((r) => setTimeout(r, 1600)) // buckets full again after the tests above
    const started = performance.now()
    const hammer = Array.from({ length: 150 }, () =>
      fetch(`${cloud.url}/fn/org`, {
        method: 'POST',
        headers: { cookie: as.p005, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'whoami', payload: {} }),
      }),
    )
    const others = Array.from({ length: 10 }, () => whoami(as.p001))
    const replies = await Promise.all(hammer)
    const seconds = (performance.now() - started) / 1000
    const limited = replies.filter((r) => r.status === 429)
    // The bucket (30, refilled at 20 a second) lets through its 30 and what refilled while the hammering lasted,
    // which a loaded machine stretches: the bound is taken from how long it really took.
    expect(replies.length - limited.length).toBeLessThanOrEqual(30 + Math.ceil(20 * seconds))
    expect(replies.length - limited.length).toBeGreaterThanOrEqual(30)
    expect(limited.length).toBeGreaterThan(0)
    expect(await limited[0].json()).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: '操作太频繁，请稍后再试',
    })
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    for (const r of await Promise.all(others)) expect(r.json).toMatchObject({ ok: true })
    expect((await fetch(`${cloud.url}/healthz`)).status).toBe(200)

    await new Promise((r) => setTimeout(r, 1100))
    expect((await whoami(as.p005)).json).toMatchObject({ ok: true })
  })

  it('counts one person’s several sessions as one identity (signing in again gains nothing), a guest as another', async () => {
    await new Promise((r) => setTimeout(r, 1600))
    const second = await cloud.signIn('p005')
    const guest = guestCookie(cloud, 'abuse-guest')
    const started = performance.now()
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => whoami(i % 2 ? as.p005 : second)))
    const seconds = (performance.now() - started) / 1000
    // One bucket for both sessions lets through at most its 30 and what refilled while the burst lasted (20 a
    // second): on a loaded machine the burst takes longer, so the bound is taken from how long it really took.
    const allowed = burst.filter((r) => r.status !== 429).length
    expect(allowed).toBeLessThanOrEqual(30 + Math.ceil(20 * seconds))
    expect(allowed).toBeGreaterThanOrEqual(30)
    const publicPage = await cloud.post(
      '/fn/projects',
      JSON.stringify({ action: 'publicGet', payload: { id: 'prj-001' } }),
      {
        cookie: guest,
      },
    )
    expect(publicPage.json).toMatchObject({ ok: true })
  })

  it('limits signed-out callers by address too', async () => {
    await new Promise((r) => setTimeout(r, 1600))
    const replies = await Promise.all(
      Array.from({ length: 80 }, () =>
        cloud.post('/fn/org', JSON.stringify({ action: 'whoami', payload: {} })),
      ),
    )
    const statuses = new Set(replies.map((r) => r.status))
    expect([...statuses].sort()).toEqual([401, 429])
  })

  it('lets a person’s real pace through under the default limit', () => {
    let now = 0
    const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, () => now)
    // Opening ten screens of five calls each in one second, then a study heartbeat every 15 s for an hour.
    for (let i = 0; i < 50; i++) expect(limiter.take('person')).toBe(0)
    for (let t = 1; t <= 240; t++) {
      now = t * 15_000
      expect(limiter.take('person')).toBe(0)
    }
    // A script: 1,000 calls in one second get the burst and the refill, no more.
    now += 60_000
    let allowed = 0
    for (let i = 0; i < 1000; i++) {
      now += 1
      if (limiter.take('script') === 0) allowed += 1
    }
    const { capacity, refillPerSecond } = DEFAULT_RATE_LIMIT
    expect(allowed).toBeGreaterThanOrEqual(capacity + refillPerSecond - 1)
    expect(allowed).toBeLessThanOrEqual(capacity + refillPerSecond)
  })
})
