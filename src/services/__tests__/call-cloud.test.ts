import Taro from '@tarojs/taro'
import type { MeView } from '@contract/api'
import { callCloud } from '../call-cloud'
import { CloudError } from '../cloud-error'
import { fileUrl } from '../file-url'
import { goToDevSignIn } from '../dev-sign-in'

jest.mock('../dev-sign-in', () => ({ goToDevSignIn: jest.fn() }))

const me: MeView = {
  id: 'p1',
  name: '李红',
  title: '党员',
  branch: { id: 'b1', name: '营销党支部' },
  group: null,
  roles: ['member'],
  grants: [{ role: 'member', branchId: 'b1' }],
}

function jsonResponse(status: number, body: unknown): Response {
  return { status, ok: status < 400, json: async () => body } as unknown as Response
}

const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>()
const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
const originalEnv = process.env.TARO_ENV

beforeAll(() => {
  global.fetch = fetchMock as unknown as typeof fetch
})

afterAll(() => {
  process.env.TARO_ENV = originalEnv
})

describe('callCloud on H5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
    fetchMock.mockReset()
  })

  it('posts {action, payload} to the gateway and returns the data of an ok envelope', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true, data: me }))

    await expect(callCloud('org', 'whoami', {})).resolves.toEqual(me)

    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/fn/org')
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
    })
    expect(JSON.parse(String(init?.body))).toEqual({ action: 'whoami', payload: {} })
  })

  it('keeps the file links an answer carries, so a photo of someone else shows by its link', async () => {
    const photo = 'cloud://local.localcloud/uploads/p9/a.jpg'
    expect(fileUrl(photo)).toBe('/files/uploads/p9/a.jpg')
    fetchMock.mockResolvedValue(
      jsonResponse(200, {
        ok: true,
        data: me,
        files: { [photo]: 'http://127.0.0.1:8787/files/uploads/p9/a.jpg?sign=x' },
      }),
    )
    await callCloud('org', 'whoami', {})
    expect(fileUrl(photo)).toBe('http://127.0.0.1:8787/files/uploads/p9/a.jpg?sign=x')
  })

  it('reads the envelope of a non-2xx answer and throws a CloudError with code, message and issues', async () => {
    const issues = [{ path: 'pageSize', message: '每页最多 50 条' }]
    fetchMock.mockResolvedValue(
      jsonResponse(400, { ok: false, code: 'INVALID_INPUT', message: '参数不正确', issues }),
    )

    const error = await callCloud('projects', 'list', { pageSize: 500 }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '参数不正确', issues })
    expect(goToDevSignIn).not.toHaveBeenCalled()
  })

  it('turns a failed request into a NETWORK error with a Chinese message', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))

    const error = await callCloud('org', 'whoami', {}).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
  })

  it('turns a body that is not JSON into a NETWORK error', async () => {
    fetchMock.mockResolvedValue({
      status: 502,
      json: async () => {
        throw new SyntaxError('Unexpected token <')
      },
    } as unknown as Response)

    await expect(callCloud('org', 'whoami', {})).rejects.toMatchObject({ code: 'NETWORK' })
  })

  it('sends the browser to the dev sign-in when nobody is signed in', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }),
    )

    await expect(callCloud('org', 'whoami', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(goToDevSignIn).toHaveBeenCalledTimes(1)
  })
})

describe('callCloud on weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    callFunction.mockReset()
  })

  it('calls the cloud function with {action, payload} and unwraps res.result', async () => {
    callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: me } })

    await expect(callCloud('org', 'whoami', {})).resolves.toEqual(me)
    expect(callFunction).toHaveBeenCalledWith({ name: 'org', data: { action: 'whoami', payload: {} } })
  })

  it('throws NOT_REGISTERED as a CloudError and never redirects', async () => {
    callFunction.mockResolvedValue({
      errMsg: 'cloud.callFunction:ok',
      result: { ok: false, code: 'NOT_REGISTERED', message: '你的微信还未登记为党员，请联系支部书记' },
    })

    await expect(callCloud('org', 'whoami', {})).rejects.toMatchObject({ code: 'NOT_REGISTERED' })
    expect(goToDevSignIn).not.toHaveBeenCalled()
  })

  it('turns a rejected callFunction into a NETWORK error', async () => {
    callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail timeout' })

    await expect(callCloud('org', 'whoami', {})).rejects.toMatchObject({ code: 'NETWORK' })
  })

  it('rejects a result that is not an envelope', async () => {
    callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: 'hello' })

    await expect(callCloud('org', 'whoami', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})
