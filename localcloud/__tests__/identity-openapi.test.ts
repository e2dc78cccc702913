import { LocalDatabase, installLocalDatabase } from '../db'
import { installIdentity, runAs } from '../identity'
import { CREDITS, OUTBOX, grantSubscription, installOpenApi } from '../openapi'
import { nativeSdk } from '../sdk-modules'

const cloud = nativeSdk()
let db: LocalDatabase
let uninstall: () => void

beforeAll(() => {
  installIdentity()
  db = new LocalDatabase({ file: ':memory:' })
  uninstall = installLocalDatabase(db)
  installOpenApi()
  cloud.init({ env: 'local' })
})
afterAll(() => {
  uninstall()
  db.close()
})

const tick = () => new Promise((r) => setTimeout(r, 5))

describe('identity', () => {
  it('gives each concurrent caller their own OPENID and never writes it into the environment', async () => {
    const seen = await Promise.all(
      ['alice', 'bob', 'carol'].map((openid) =>
        runAs({ openid }, async () => {
          await tick()
          const first = cloud.getWXContext().OPENID
          await tick()
          return [first, cloud.getWXContext().OPENID]
        }),
      ),
    )
    expect(seen).toEqual([
      ['alice', 'alice'],
      ['bob', 'bob'],
      ['carol', 'carol'],
    ])
    expect(Object.keys(process.env).filter((k) => k === 'WX_OPENID')).toEqual([])
  })

  it('has no OPENID outside a request', async () => {
    await runAs(null, async () => {
      expect(cloud.getWXContext().OPENID).toBeUndefined()
    })
  })
})

describe('openapi.subscribeMessage.send', () => {
  const message = {
    touser: 'alice',
    templateId: 'tpl-due',
    page: 'pages/index/index',
    data: { thing1: { value: '里程碑即将到期' } },
  }
  const send = (m: object) =>
    (cloud.openapi as { subscribeMessage: { send: (m: object) => Promise<unknown> } }).subscribeMessage.send(
      m,
    )

  it('refuses with 43101 when the user granted no credit, and writes nothing', async () => {
    await expect(send(message)).rejects.toMatchObject({ errCode: 43101 })
    expect(db.count(OUTBOX)).toBe(0)
  })

  it('delivers once per granted credit', async () => {
    await grantSubscription('alice', 'tpl-due')
    await expect(send(message)).resolves.toMatchObject({ errCode: 0 })
    await expect(send(message)).rejects.toMatchObject({ errCode: 43101 })
    expect(db.count(OUTBOX, { touser: 'alice' })).toBe(1)
    expect(db.find(CREDITS, { _id: 'alice:tpl-due' })[0]).toMatchObject({ count: 0 })
  })

  it('refuses over-long values with 47003 and keeps the credit', async () => {
    await grantSubscription('alice', 'tpl-due')
    await expect(send({ ...message, data: { thing1: { value: '一'.repeat(21) } } })).rejects.toMatchObject({
      errCode: 47003,
    })
    expect(db.find(CREDITS, { _id: 'alice:tpl-due' })[0]).toMatchObject({ count: 1 })
  })
})
