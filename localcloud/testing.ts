import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../types/api'
import type { Result } from '../types/result'
import { startLocalcloud } from './index'
import { resolveProfile } from './profile'
import type { Localcloud, LocalcloudOptions } from './index'

/** A throwaway localcloud (in-memory database, demo data, random port) for integration tests. */
export interface TestCloud extends Localcloud {
  /** The throwaway folder standing in for cloud storage. */
  storageDir: string
  /** Signs in as a seeded person and returns the session cookie. */
  signIn(personId: string): Promise<string>
  /** Calls a function through the gateway exactly as the H5 app does. */
  call<F extends FunctionName, A extends ActionName<F>>(
    cookie: string | null,
    fn: F,
    action: A,
    payload: ActionInput<F, A>,
  ): Promise<Result<ActionOutput<F, A>>>
  /** Like call(), and also what the call cost: sequential round trips and requests (see round-trips.ts). */
  callTraced<F extends FunctionName, A extends ActionName<F>>(
    cookie: string | null,
    fn: F,
    action: A,
    payload: ActionInput<F, A>,
  ): Promise<{ result: Result<ActionOutput<F, A>>; roundTrips: number; requests: number }>
  /** Posts a raw body to a path, for bad-input tests. */
  post(
    path: string,
    body: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: unknown }>
}

/** What a test may change of its cloud: the gateway's limits (e.g. a small rate limit to run into). */
/** The profile comes from LOCALCLOUD_PROFILE unless given: CI runs the integration tests under `cloud` too. */
export type TestCloudOptions = Pick<
  LocalcloudOptions,
  'rateLimit' | 'bodyTimeoutMs' | 'headersTimeoutMs' | 'profile' | 'timeoutMs'
>

export async function startTestCloud(opts: TestCloudOptions = {}): Promise<TestCloud> {
  // A storage folder of its own, so tests never write into the developer's .localcloud/.
  const storageDir = mkdtempSync(join(tmpdir(), 'dj-test-storage-'))
  const profile = typeof opts.profile === 'object' ? opts.profile : resolveProfile(opts.profile)
  const lc = await startLocalcloud({
    port: 0,
    dbFile: ':memory:',
    storageDir,
    seed: true,
    timers: false,
    // The `cloud` profile keeps each function's own timeout from cloudbaserc.json, as production does.
    timeoutMs: profile.name === 'cloud' ? undefined : 15_000,
    ...opts,
    profile,
  })
  const request = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(lc.url + path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    })
    const text = await res.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: res.status, json, headers: res.headers }
  }
  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const { status, json } = await request(path, body, headers)
    return { status, json }
  }
  return {
    ...lc,
    storageDir,
    close: async () => {
      await lc.close()
      rmSync(storageDir, { recursive: true, force: true })
    },
    post,
    async signIn(personId) {
      const res = await fetch(lc.url + '/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId }),
      })
      const cookie = res.headers.get('set-cookie')
      if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${personId} failed: ${res.status}`)
      return cookie.split(';')[0]
    },
    async call(cookie, fn, action, payload) {
      const res = await post(`/fn/${fn}`, JSON.stringify({ action, payload }), cookie ? { cookie } : {})
      return res.json as Result<never>
    },
    async callTraced(cookie, fn, action, payload) {
      const res = await request(`/fn/${fn}`, JSON.stringify({ action, payload }), cookie ? { cookie } : {})
      return {
        result: res.json as Result<never>,
        roundTrips: Number(res.headers.get('x-localcloud-round-trips')),
        requests: Number(res.headers.get('x-localcloud-requests')),
      }
    },
  }
}
