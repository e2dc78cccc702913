import Taro from '@tarojs/taro'
import { callCloud } from '../call-cloud'
import { CloudError } from '../cloud-error'
import { fromWeChatFailure } from '../wechat-errors'

/** How WeChat rejects: an Error whose errCode is a field and also written into errMsg. */
const rejection = (errCode: number, detail: string) => ({
  errCode,
  errMsg: `cloud.callFunction:fail Error: errCode: ${errCode} | errMsg: ${detail}`,
})

describe('WeChat errCodes of callFunction', () => {
  it.each([
    [-501000, 'Environment invalid and please check your parameters', 'NO_ENV', '找不到小程序的云开发环境'],
    [-501000, '[100003] env not exists', 'NO_ENV', '找不到小程序的云开发环境'],
    [-501005, 'env info error', 'NO_ENV', '云开发环境信息异常'],
    [-601034, '没有权限，请先开通云开发或者云托管', 'NO_ENV', '没有开通云开发'],
    [-501000, 'FunctionName parameter could not be found', 'UNKNOWN_FUNCTION', '服务「checkins」没有部署'],
    [-504002, 'functions execute fail | ResourceNotFound.FunctionName', 'UNKNOWN_FUNCTION', '没有部署'],
    [-504002, 'functions execute fail | Invoking task timed out after 3 seconds', 'TIMEOUT', '超时'],
    [-504002, 'functions execute fail | TypeError: x is not a function', 'INTERNAL', '服务运行出错'],
    [-504003, 'Invoking task timed out', 'TIMEOUT', '服务响应超时'],
    [-501002, 'cloud timeout', 'TIMEOUT', '服务响应超时'],
    [-604102, 'call timeout', 'TIMEOUT', '服务响应超时'],
    [-604101, 'function has no permission to call this API', 'NO_PERMISSION', '没有调用此接口的权限'],
    [-501019, 'unauthorized', 'NO_PERMISSION', '没有权限执行此云开发操作'],
    [-401001, 'no permission', 'NO_PERMISSION', '没有权限使用此云开发接口'],
    [-503002, 'storage permission denied', 'NO_PERMISSION', '没有权限访问云存储的文件'],
    [-403001, 'file too large', 'INVALID_INPUT', '文件太大'],
    [-501003, 'quota exceeded', 'RATE_LIMITED', '调用次数已达上限'],
    [-501004, 'concurrency exceeded', 'RATE_LIMITED', '访问人数太多'],
    [-404011, 'cloud function execution error', 'INTERNAL', '服务运行出错'],
    [-601003, 'system network error', 'INTERNAL', '微信服务暂时异常'],
    [-502001, 'database request fail', 'INTERNAL', '云服务出错'],
  ])('%i (%s) → %s', (errCode, detail, code, words) => {
    const failure = fromWeChatFailure(rejection(errCode, detail), 'checkins')
    expect(failure).toMatchObject({ code, errCode })
    expect(failure.message).toContain(words)
    expect(failure.message).toContain(`错误码 ${errCode}`)
  })

  it('reads the errCode from the text when the field is missing', () => {
    expect(fromWeChatFailure(new Error('errCode: -504003 | errMsg: timed out'), 'org').code).toBe('TIMEOUT')
  })

  it.each<[{ errCode?: number; errMsg?: string }]>([
    [{ errMsg: 'cloud.callFunction:fail timeout' }],
    [{ errMsg: 'cloud.uploadFile:fail' }],
    [{ errCode: -1, errMsg: 'cloud.callFunction:fail Error: errCode: -1 | errMsg: request:fail' }],
    [{ errMsg: 'cloud.callFunction:fail network is down' }],
    [{}],
  ])('a request that never reached WeChat is NETWORK: %j', (error) => {
    expect(fromWeChatFailure(error, 'org')).toEqual({
      code: 'NETWORK',
      message: '网络连接失败，请检查网络后重试',
      errCode: error.errCode ?? null,
    })
  })

  it('does not call an unexplained failure without a code a network problem', () => {
    expect(fromWeChatFailure({ errMsg: 'cloud.callFunction:fail something odd' }, 'org').code).toBe(
      'INTERNAL',
    )
  })
})

describe('callCloud on weapp reports what happened', () => {
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
  const originalEnv = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    callFunction.mockReset()
  })
  afterAll(() => {
    process.env.TARO_ENV = originalEnv
  })

  it('throws a CloudError with our code and Chinese words for a missing environment', async () => {
    callFunction.mockRejectedValue(rejection(-501000, 'Environment invalid'))
    const error = await callCloud('org', 'whoami', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({
      code: 'NO_ENV',
      message: expect.stringContaining('找不到小程序的云开发环境'),
    })
  })

  it('names the function that is not deployed', async () => {
    callFunction.mockRejectedValue(rejection(-501000, 'FunctionName parameter could not be found'))
    await expect(callCloud('projects', 'list', {})).rejects.toMatchObject({
      code: 'UNKNOWN_FUNCTION',
      message: expect.stringContaining('服务「projects」没有部署'),
    })
  })
})
