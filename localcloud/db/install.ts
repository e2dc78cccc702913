import { createRequire } from 'node:module'
import { roundTrip } from '../round-trips'
import type { LocalDatabase } from './database'

type Send = (this: unknown, api: string, data?: Record<string, unknown>, opts?: unknown) => Promise<unknown>

interface RequesterModule {
  TcbDBApiHttpRequester: { prototype: { send: Send } }
}

interface CloudPlatformModule {
  preflightRuntimeCloudPlatform: () => Promise<void>
}

/** Resolves modules from wx-server-sdk's own location, so we patch the instances it really uses. */
function sdkRequire(): NodeJS.Require {
  const sdk = createRequire(__filename).resolve('wx-server-sdk')
  return createRequire(createRequire(sdk).resolve('@cloudbase/node-sdk'))
}

/**
 * Routes every database call of wx-server-sdk to `db` by replacing TcbDBApiHttpRequester.prototype.send
 * (the one transport all @cloudbase/database requests use). The real send would first look for
 * credentials and, lacking them, reject with "missing secretId or secretKey" and leave a 3 s slow-request
 * timer; the replacement touches neither, so no credentials or env vars are needed.
 *
 * Also stubs node-sdk's preflightRuntimeCloudPlatform: every cloud.init()/database() fires it unawaited to
 * probe http://metadata.tencentyun.com, a network call that localcloud must not make (and that shows up
 * as an open handle in jest). It only feeds the real transport's "internal network" choice.
 *
 * Returns a function that restores both.
 */
export function installLocalDatabase(db: Pick<LocalDatabase, 'handle'>): () => void {
  const req = sdkRequire()
  const requester = req('@cloudbase/node-sdk/dist/utils/tcbdbapirequester') as RequesterModule
  const platform = req('@cloudbase/node-sdk/dist/utils/cloudplatform') as CloudPlatformModule
  const proto = requester.TcbDBApiHttpRequester.prototype
  const originalSend = proto.send
  const originalPreflight = platform.preflightRuntimeCloudPlatform

  // Each request is a network round trip in production: the profile's latency, counted per function run.
  const send: Send = (api, data) => roundTrip(() => db.handle(api, data ?? {}))
  const preflight = (): Promise<void> => Promise.resolve()
  proto.send = send
  platform.preflightRuntimeCloudPlatform = preflight

  return () => {
    if (proto.send === send) proto.send = originalSend
    if (platform.preflightRuntimeCloudPlatform === preflight) {
      platform.preflightRuntimeCloudPlatform = originalPreflight
    }
  }
}
