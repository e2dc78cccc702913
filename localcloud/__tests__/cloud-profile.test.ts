import type { LoadedFunction } from '../functions'
import { invokeFunction } from '../gateway/server'
import { TRIGGER_CALLER } from '../identity'
import { CLOUD_PROFILE, resolveProfile } from '../profile'
import { nativeSdk } from '../sdk-modules'
import { startTestCloud } from '../testing'
import type { TestCloud } from '../testing'

// The `cloud` profile: localcloud as strict as CloudBase. Each part is checked against what CloudBase does.
let cloud: TestCloud
let member: string
const sdk = nativeSdk()

/** What runTransaction hands its callback (the SDK types it loosely). */
interface TxHandle {
  collection(name: string): {
    doc(id: string): { get(): Promise<unknown>; update(o: { data: object }): Promise<unknown> }
  }
}

/** A function of our own, run as localcloud runs the real bundles. */
const fake = (name: string, main: LoadedFunction['main']): LoadedFunction => ({ name, main, config: {} })

beforeAll(async () => {
  cloud = await startTestCloud({ profile: 'cloud' })
  member = await cloud.signIn('p002')
  sdk.init({ env: 'local' })
})
afterAll(() => cloud.close())

describe('the profile', () => {
  it('is chosen by name or LOCALCLOUD_PROFILE, and each setting can be changed on its own', () => {
    expect(resolveProfile(undefined, {})).toMatchObject({ name: 'default', latency: { meanMs: 0 } })
    expect(resolveProfile(undefined, { LOCALCLOUD_PROFILE: 'cloud' })).toEqual(CLOUD_PROFILE)
    expect(
      resolveProfile('cloud', { LOCALCLOUD_LATENCY_MS: '20', LOCALCLOUD_OPTIMISTIC: 'off' }),
    ).toMatchObject({ latency: { meanMs: 20, jitterMs: 4 }, optimisticTransactions: false })
    expect(resolveProfile('default', { LOCALCLOUD_PRIVATE_FILES: 'on' }).privateFiles).toBe(true)
    expect(() => resolveProfile('prod', {})).toThrow(/LOCALCLOUD_PROFILE/)
    expect(() => resolveProfile(undefined, { LOCALCLOUD_LATENCY_MS: '-1' })).toThrow(/LATENCY/)
  })
})

describe('round trips', () => {
  it('a function pays a cold start on its first call, and every database request is a counted round trip', async () => {
    const t0 = Date.now()
    const first = await cloud.callTraced(member, 'messages', 'unreadCount', {})
    const coldMs = Date.now() - t0
    expect(first.result.ok).toBe(true)
    expect(coldMs).toBeGreaterThanOrEqual(CLOUD_PROFILE.coldStartMs)
    const t1 = Date.now()
    const warm = await cloud.callTraced(member, 'messages', 'unreadCount', {})
    const warmMs = Date.now() - t1
    expect(warm.roundTrips).toBeGreaterThanOrEqual(1)
    expect(warm.requests).toBeGreaterThanOrEqual(warm.roundTrips)
    // Each sequential round trip waits at least mean − jitter.
    const { meanMs, jitterMs } = CLOUD_PROFILE.latency
    expect(warmMs).toBeGreaterThanOrEqual(warm.roundTrips * (meanMs - jitterMs))
    expect(warmMs).toBeLessThan(coldMs)
  })

  it('requests issued together count as one round trip', async () => {
    const db = sdk.database()
    const trace = { fn: 'x', requests: 0, sequential: 0, deadline: Date.now() + 10_000, inFlight: 0 }
    await invokeFunction(
      fake('x', async () => {
        await Promise.all([1, 2, 3].map(() => db.collection('people').limit(1).get()))
        await db.collection('people').limit(1).get()
      }),
      {},
      'someone',
      10_000,
      trace,
    )
    expect(trace).toMatchObject({ requests: 4, sequential: 2 })
  })
})

describe('callers', () => {
  const context = (caller: Parameters<typeof invokeFunction>[2]) =>
    invokeFunction(
      fake('whoami', async () => sdk.getWXContext()),
      {},
      caller,
      5_000,
    ) as Promise<Record<string, unknown>>

  it('says wx_client for the app, wx_trigger with no OPENID for a timer, and what else a test names', async () => {
    expect(await context('o-1')).toMatchObject({ OPENID: 'o-1', SOURCE: 'wx_client' })
    expect(await context(TRIGGER_CALLER)).toMatchObject({ OPENID: '', SOURCE: 'wx_trigger' })
    expect(await context({ openid: '', source: 'wx_http' })).toMatchObject({ OPENID: '', SOURCE: 'wx_http' })
    expect(await context({ openid: '', source: 'scf', fromOpenid: 'o-2' })).toMatchObject({
      OPENID: '',
      SOURCE: 'scf',
      FROM_OPENID: 'o-2',
    })
  })
})

describe('openapi permissions', () => {
  const send = (fn: string) =>
    invokeFunction(
      fake(fn, () =>
        sdk.openapi.subscribeMessage.send({
          touser: 'o-1',
          templateId: 'tpl',
          data: { thing1: { value: 'x' } },
        }),
      ),
      {},
      TRIGGER_CALLER,
      5_000,
    ).then(
      () => 0,
      (err: { errCode?: number }) => err.errCode,
    )

  it('a function whose config.json does not list the method gets -604101, as in production', async () => {
    expect(await send('projects')).toBe(-604101)
  })

  it('a function that lists it reaches WeChat (here: no credit, 43101)', async () => {
    expect(await send('reminders')).toBe(43101)
  })
})

describe('timeouts', () => {
  it('answers FUNCTION_TIMEOUT, keeps what was written, and never does the rest', async () => {
    const db = sdk.database()
    const run = invokeFunction(
      fake('slow', async () => {
        for (let i = 0; i < 1000; i++) await db.collection('slow_writes').add({ data: { i } })
      }),
      {},
      'someone',
      // Past its cold start (400 ms), with time for some writes and not all thousand.
      1500,
    )
    await expect(run).rejects.toThrow('FUNCTION_TIMEOUT')
    const written = cloud.db.count('slow_writes')
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(1000)
    await new Promise((r) => setTimeout(r, 200))
    expect(cloud.db.count('slow_writes')).toBe(written)
  })
})

describe('optimistic transactions', () => {
  const db = () => sdk.database()

  it('the second transaction to write a document fails with a conflict; the first commits', async () => {
    await db()
      .collection('tx_docs')
      .add({ data: { _id: 'a', n: 0 } })
    const first = await db().startTransaction()
    const second = await db().startTransaction()
    await first
      .collection('tx_docs')
      .doc('a')
      .update({ data: { n: 1 } })
    await expect(
      second
        .collection('tx_docs')
        .doc('a')
        .update({ data: { n: 2 } }),
    ).rejects.toMatchObject({
      errCode: expect.any(Number),
    })
    await first.commit()
    expect(cloud.db.find('tx_docs', { _id: 'a' })[0].n).toBe(1)
  })

  it('a document written after a transaction began makes its write conflict', async () => {
    await db()
      .collection('tx_docs')
      .add({ data: { _id: 'b', n: 0 } })
    const tx = await db().startTransaction()
    await db()
      .collection('tx_docs')
      .doc('b')
      .update({ data: { n: 5 } })
    const write = async () => {
      await tx
        .collection('tx_docs')
        .doc('b')
        .update({ data: { n: 1 } })
      await tx.commit()
    }
    await expect(write()).rejects.toBeDefined()
    expect(cloud.db.find('tx_docs', { _id: 'b' })[0].n).toBe(5)
  })

  it('concurrent read-modify-write transactions lose no update: each either commits or fails', async () => {
    await db()
      .collection('tx_docs')
      .add({ data: { _id: 'c', n: 0 } })
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        db().runTransaction(async (t: TxHandle) => {
          const doc = (await t.collection('tx_docs').doc('c').get()) as { data: { n: number } }
          await t
            .collection('tx_docs')
            .doc('c')
            .update({ data: { n: doc.data.n + 1 } })
        }),
      ),
    )
    const committed = results.filter((r) => r.status === 'fulfilled').length
    expect(committed).toBeGreaterThan(0)
    expect(cloud.db.find('tx_docs', { _id: 'c' })[0].n).toBe(committed)
  })

  it('forceConflicts makes the next commits fail, and runTransaction retries them', async () => {
    await db()
      .collection('tx_docs')
      .add({ data: { _id: 'd', n: 0 } })
    cloud.db.forceConflicts(2)
    await db().runTransaction(async (t: TxHandle) => {
      await t
        .collection('tx_docs')
        .doc('d')
        .update({ data: { n: 1 } })
    })
    expect(cloud.db.find('tx_docs', { _id: 'd' })[0].n).toBe(1)
  })
})

// Each limit names the CloudBase or WeChat document it follows (the table in localcloud/db/README.md).
describe('limits', () => {
  // 云开发 数据库事务: "事务中不支持 where 批量操作", only doc(id).
  it('refuses where() inside a transaction: CloudBase takes single documents by _id only', async () => {
    const tx = await sdk.database().startTransaction()
    const where = (
      tx.collection('tx_docs') as unknown as { where: (q: object) => { get: () => Promise<unknown> } }
    )
      .where({ n: 1 })
      .get()
    await expect(where).rejects.toBeDefined()
    await tx.rollback()
  })

  // The same cap as one read (数据库 查询 "limit 最大 1000"); see db/README.md.
  it('refuses one add() of more than 1,000 documents', async () => {
    const docs = Array.from({ length: 1001 }, (_, i) => ({ i }))
    await expect(sdk.database().collection('batch').add({ data: docs })).rejects.toBeDefined()
    expect(cloud.db.count('batch')).toBe(0)
  })

  // A document is BSON, at most 16 MB (MongoDB's document size, which CloudBase's document database keeps).
  it('refuses a document over 16 MB, added or written, and keeps one just under it', async () => {
    const db = sdk.database()
    const MB = 1024 * 1024
    await expect(db.collection('big').add({ data: { text: 'x'.repeat(16 * MB + 1) } })).rejects.toThrow(
      /16 MB/,
    )
    expect(cloud.db.count('big')).toBe(0)
    const { _id } = (await db.collection('big').add({ data: { text: 'x'.repeat(15 * MB) } })) as {
      _id: string
    }
    await expect(
      db
        .collection('big')
        .doc(_id)
        .set({ data: { text: 'y'.repeat(16 * MB + 1) } }),
    ).rejects.toThrow(/16 MB/)
    await expect(
      db
        .collection('big')
        .doc(_id)
        .update({ data: { text: 'y'.repeat(16 * MB + 1) } }),
    ).rejects.toThrow(/16 MB/)
    expect((cloud.db.find('big', { _id })[0].text as string).startsWith('x')).toBe(true)
  })

  // CloudBase 错误码 EXCEED_MAX_PAYLOAD_SIZE: "其他请求的请求体最大限制为 100MB".
  it('refuses a database request over 100 MB, even when each document fits', async () => {
    const doc = { text: 'z'.repeat(15 * 1024 * 1024) }
    await expect(
      sdk
        .database()
        .collection('payload')
        .add({ data: Array.from({ length: 7 }, () => doc) }),
    ).rejects.toThrow(/EXCEED_MAX_PAYLOAD_SIZE/)
    expect(cloud.db.count('payload')).toBe(0)
  })

  // 实时数据推送: "watch 请求只支持在小程序端(Web 端)等前端调用，不支持云函数端". localcloud runs the real
  // wx-server-sdk, whose queries and documents have no watch() at all: a function gets the same TypeError here.
  it('has no watch() in a function: realtime push is for the app only', () => {
    const db = sdk.database()
    const query = db.collection('watched').where({ n: 1 }) as unknown as { watch?: unknown }
    const doc = db.collection('watched').doc('a') as unknown as { watch?: unknown }
    expect(query.watch).toBeUndefined()
    expect(doc.watch).toBeUndefined()
  })
})

describe('files', () => {
  it('are read only through an unexpired temp link: the bare path answers 403', async () => {
    const res = await fetch(`${cloud.url}/files/upload`, {
      method: 'POST',
      headers: { cookie: member, 'content-type': 'image/png' },
      body: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]),
    })
    const { url } = ((await res.json()) as { data: { url: string } }).data
    expect((await fetch(url)).status).toBe(200)
    expect((await fetch(url.split('?')[0])).status).toBe(403)
    // Change the signature's first digit to a different one, so the forged link never equals the real one.
    const forged = url.replace(/sign=([0-9a-f])/, (_m, d: string) => `sign=${d === '0' ? '1' : '0'}`)
    expect(forged).not.toBe(url)
    expect((await fetch(forged)).status).toBe(403)
  })
})
