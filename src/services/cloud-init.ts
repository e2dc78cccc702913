import Taro from '@tarojs/taro'

/** `cloud.init`'s options: the built-in env id when the build had one, else none (the default environment). */
export function cloudInitOptions(envId: string): { env?: string; traceUser: boolean } {
  return envId ? { env: envId, traceUser: true } : { traceUser: true }
}

/** Once, before any page calls a function (WeChat only: H5 talks to localcloud over HTTP). */
export function initCloud(envId: string = CLOUD_ENV): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.cloud.init(cloudInitOptions(envId))
}
