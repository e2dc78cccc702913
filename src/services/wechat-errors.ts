import type { ErrorCode } from '@contract/result'

/** What a failed `wx.cloud.callFunction` (or `uploadFile`) means for the app: one of our codes and words a person can act on. */
export interface WeChatFailure {
  code: ErrorCode
  message: string
  /** WeChat's errCode, when it gave one (also in the message, for whoever the person reports it to). */
  errCode: number | null
}

const ASK_ADMIN = '请联系管理员'

// WeChat's cloud errCodes (小程序云开发 › 错误码) that name a cause the person or the administrator can act on.
const BY_ERRCODE: Record<number, { code: ErrorCode; message: string }> = {
  [-501000]: { code: 'NO_ENV', message: `找不到小程序的云开发环境，${ASK_ADMIN}` },
  [-501005]: { code: 'NO_ENV', message: `云开发环境信息异常，${ASK_ADMIN}` },
  [-601034]: { code: 'NO_ENV', message: `小程序没有开通云开发，或 AppID 与云环境不匹配，${ASK_ADMIN}` },
  [-504003]: { code: 'TIMEOUT', message: '服务响应超时，请稍后重试' },
  [-501002]: { code: 'TIMEOUT', message: '服务响应超时，请稍后重试' },
  [-604102]: { code: 'TIMEOUT', message: '服务响应超时，请稍后重试' },
  [-604101]: { code: 'NO_PERMISSION', message: `小程序没有调用此接口的权限，${ASK_ADMIN}` },
  [-501019]: { code: 'NO_PERMISSION', message: `没有权限执行此云开发操作，${ASK_ADMIN}` },
  [-401001]: { code: 'NO_PERMISSION', message: `没有权限使用此云开发接口，${ASK_ADMIN}` },
  [-503002]: { code: 'NO_PERMISSION', message: `没有权限访问云存储的文件，${ASK_ADMIN}` },
  [-403001]: { code: 'INVALID_INPUT', message: '文件太大，不能上传' },
  [-501003]: { code: 'RATE_LIMITED', message: '云开发调用次数已达上限，请稍后再试' },
  [-501004]: { code: 'RATE_LIMITED', message: '访问人数太多，请稍后再试' },
  [-504002]: { code: 'INTERNAL', message: '服务运行出错，请稍后重试' },
  [-404011]: { code: 'INTERNAL', message: '服务运行出错，请稍后重试' },
  [-601003]: { code: 'INTERNAL', message: '微信服务暂时异常，请稍后重试' },
}

/** Texts WeChat puts in errMsg for a function that is not deployed in the environment. */
const NOT_DEPLOYED = /FunctionName|function not found|ResourceNotFound|函数不存在|FUNCTIONS_NOT_FOUND/i
/** Texts of a run killed at its time limit. */
const TIMED_OUT = /timed out|time ?out|超时/i
/** Texts of a request that never reached WeChat: the phone's network. */
const OFFLINE = /request:fail|network|ERR_|offline|timeout|网络|:fail\s*$/i

function textOf(error: unknown): string {
  if (typeof error === 'string') return error
  if (typeof error !== 'object' || error === null) return ''
  const { errMsg, message } = error as { errMsg?: unknown; message?: unknown }
  return [errMsg, message].filter((t): t is string => typeof t === 'string').join(' ')
}

/** WeChat's errCode: the error's own field, else the `errCode: -504003` WeChat writes into errMsg. */
function errCodeOf(error: unknown, text: string): number | null {
  const own = typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : null
  if (typeof own === 'number' && own !== 0) return own
  if (typeof own === 'string' && /^-?\d+$/.test(own)) return Number(own)
  const inText = /errCode:\s*(-?\d+)/.exec(text)
  return inText ? Number(inText[1]) : null
}

/**
 * Reads a rejected `callFunction` (`fn` names the function for the message). Only a request that never reached
 * WeChat is 'NETWORK'; an environment, deployment, permission or time-limit problem says so.
 */
export function fromWeChatFailure(error: unknown, fn: string): WeChatFailure {
  const text = textOf(error)
  const errCode = errCodeOf(error, text)
  const tag = (message: string) => (errCode === null ? message : `${message}（错误码 ${errCode}）`)
  const known = errCode === null ? undefined : BY_ERRCODE[errCode]
  if (errCode !== null && errCode !== -1 && NOT_DEPLOYED.test(text))
    return { code: 'UNKNOWN_FUNCTION', message: tag(`服务「${fn}」没有部署到云环境，${ASK_ADMIN}`), errCode }
  if (errCode === -504002 && TIMED_OUT.test(text))
    return { code: 'TIMEOUT', message: tag('服务响应超时，请稍后重试'), errCode }
  if (known) return { code: known.code, message: tag(known.message), errCode }
  if (errCode === null || errCode === -1) {
    if (OFFLINE.test(text) || text === '')
      return { code: 'NETWORK', message: '网络连接失败，请检查网络后重试', errCode }
    return { code: 'INTERNAL', message: tag('调用服务失败，请稍后重试'), errCode }
  }
  return { code: 'INTERNAL', message: tag('云服务出错，请稍后重试'), errCode }
}
