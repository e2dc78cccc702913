import { CloudError } from '@/services/cloud-error'
import { storage } from '../../../../test/mocks/taro'
import { clearRefusal, flushOutbox, isRetryable, keep, readOutbox, type PendingCheckin } from '../outbox'

function pending(requestId: string, photos: string[] = []): PendingCheckin {
  return {
    payload: { requestId, projectId: 'prj-001', taskId: 't1', text: `写实 ${requestId}` },
    photos: photos.map((local) => ({ local, fileId: null })),
    personId: 'p002',
    label: '施工现场安全监督',
    savedAt: '2026-11-26T08:00:00.000Z',
    attempts: 0,
    refused: null,
  }
}

beforeEach(() => storage.clear())

describe('check-in outbox', () => {
  it('survives as storage: what is kept is read back, and a second keep of one request updates it in place', () => {
    keep(pending('req-aaaaaaaa'))
    keep(pending('req-bbbbbbbb'))
    keep({ ...pending('req-aaaaaaaa'), attempts: 2 })
    expect(readOutbox().map((p) => [p.payload.requestId, p.attempts])).toEqual(
      [
        ['req-bbbbbbbb', 0],
        ['req-aaaaaaaa', 2],
      ]
        .reverse()
        .sort(),
    )
  })

  it('sends in order, uploads each photo once across retries, and keeps the same request id', async () => {
    keep(pending('req-aaaaaaaa', ['blob:1', 'blob:2']))
    keep(pending('req-bbbbbbbb'))
    const uploads: string[] = []
    let failSecondPhoto = true
    const upload = jest.fn(async (local: string) => {
      if (local === 'blob:2' && failSecondPhoto) {
        failSecondPhoto = false
        throw new CloudError('NETWORK')
      }
      uploads.push(local)
      return `cloud://local.localcloud/uploads/p002/${local.slice(5)}xxxxxxxx.jpg`
    })
    const create = jest.fn(async (_p: unknown) => ({}))

    expect(await flushOutbox({ upload, create })).toEqual({ sent: 0, left: 2 })
    expect(create).not.toHaveBeenCalled()
    expect(readOutbox()[0]).toMatchObject({ attempts: 1, refused: null })

    expect(await flushOutbox({ upload, create })).toEqual({ sent: 2, left: 0 })
    expect(uploads).toEqual(['blob:1', 'blob:2'])
    expect(create.mock.calls.map(([p]) => p)).toEqual([
      expect.objectContaining({
        requestId: 'req-aaaaaaaa',
        photos: [
          'cloud://local.localcloud/uploads/p002/1xxxxxxxx.jpg',
          'cloud://local.localcloud/uploads/p002/2xxxxxxxx.jpg',
        ],
      }),
      expect.objectContaining({ requestId: 'req-bbbbbbbb', photos: [] }),
    ])
  })

  it('marks a refusal on the item, keeps it for the member, and goes on with the rest', async () => {
    keep(pending('req-aaaaaaaa'))
    keep(pending('req-bbbbbbbb'))
    const create = jest.fn(async (p: { requestId: string }) => {
      if (p.requestId === 'req-aaaaaaaa') throw new CloudError('FORBIDDEN', '只能在自己的任务上打卡')
      return {}
    })
    expect(await flushOutbox({ upload: jest.fn(), create })).toEqual({ sent: 1, left: 1 })
    expect(readOutbox()).toEqual([expect.objectContaining({ refused: '只能在自己的任务上打卡' })])
    // A refused item is not sent again on the next flush.
    await flushOutbox({ upload: jest.fn(), create })
    expect(create).toHaveBeenCalledTimes(2)
  })

  it('runs one flush at a time: two calls at once send each check-in once', async () => {
    keep(pending('req-aaaaaaaa'))
    const create = jest.fn(async () => ({}))
    const [a, b] = await Promise.all([
      flushOutbox({ upload: jest.fn(), create }),
      flushOutbox({ upload: jest.fn(), create }),
    ])
    expect(a).toEqual(b)
    expect(create).toHaveBeenCalledTimes(1)
  })

  it('waits for the network only on a network failure; any other failure is shown on the item at once', () => {
    expect(isRetryable(new CloudError('NETWORK'))).toBe(true)
    for (const code of [
      'TIMEOUT',
      'INTERNAL',
      'NO_ENV',
      'UNKNOWN_FUNCTION',
      'NO_PERMISSION',
      'FORBIDDEN',
    ] as const)
      expect(isRetryable(new CloudError(code))).toBe(false)
  })

  it('does not re-send into a dead environment: the member sees why, retries it, or deletes it', async () => {
    keep(pending('req-aaaaaaaa'))
    let env: 'missing' | 'fixed' = 'missing'
    const create = jest.fn(async () => {
      if (env === 'missing')
        throw new CloudError('NO_ENV', '找不到小程序的云开发环境，请联系管理员（错误码 -501000）')
      return {}
    })
    expect(await flushOutbox({ upload: jest.fn(), create })).toEqual({ sent: 0, left: 1 })
    expect(readOutbox()[0].refused).toContain('找不到小程序的云开发环境')
    await flushOutbox({ upload: jest.fn(), create })
    expect(create).toHaveBeenCalledTimes(1)

    env = 'fixed'
    clearRefusal('req-aaaaaaaa')
    expect(await flushOutbox({ upload: jest.fn(), create })).toEqual({ sent: 1, left: 0 })
  })
})
