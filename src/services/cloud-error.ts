import type { ErrorCode, InputIssue } from '@contract/result'

/** Shown when the server's message is missing; the server normally sends its own Chinese text. */
const FALLBACK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNKNOWN_FUNCTION: '服务暂不可用',
  UNKNOWN_ACTION: '服务暂不可用',
  INVALID_INPUT: '填写的内容有误',
  INVALID_JSON: '请求格式有误',
  BODY_TOO_LARGE: '提交的内容过大',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  NOT_REGISTERED: '你的微信还未登记为党员，请联系支部书记',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '服务响应超时，请稍后重试',
  INTERNAL: '服务出错了，请稍后重试',
  TOO_LARGE: '内容太多，一次处理不完，请缩小范围',
  NO_ENV: '找不到小程序的云开发环境，请联系管理员',
  NO_PERMISSION: '小程序没有调用此服务的权限，请联系管理员',
}

/** A failed cloud call: a `{ok:false}` envelope from a function, or a network failure ('NETWORK'). */
export class CloudError extends Error {
  readonly code: ErrorCode
  readonly issues: InputIssue[]

  constructor(code: ErrorCode, message?: string, issues: InputIssue[] = []) {
    super(message && message.trim() ? message : (FALLBACK_MESSAGES[code] ?? '操作失败，请稍后重试'))
    // Keeps `instanceof` working when a transpiler downlevels the class.
    Object.setPrototypeOf(this, CloudError.prototype)
    this.name = 'CloudError'
    this.code = code
    this.issues = issues
  }
}

/** Turns anything caught from a call into a CloudError, so screens handle one shape. */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error
  return new CloudError('NETWORK')
}
