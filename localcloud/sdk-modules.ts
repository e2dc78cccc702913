import { createRequire } from 'node:module'

import type * as WxServerSdk from 'wx-server-sdk'

// Node's own require, never a test runner's module registry: the function bundles load wx-server-sdk
// natively, so every patch must land on those very instances. Internals resolve from the SDK's location.
const nativeRequire = createRequire(__filename)
const fromSdk = createRequire(nativeRequire.resolve('wx-server-sdk'))

export const sdkRequire = (id: string): unknown => fromSdk(id)

/** The wx-server-sdk module object the function bundles share. */
export const nativeSdk = (): typeof WxServerSdk => nativeRequire('wx-server-sdk') as typeof WxServerSdk
