import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../types/api'
import type { Result } from '../types/result'
import { startLocalcloud } from './index'
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
  /** Posts a raw body to a path, for bad-input tests. */
  post(
    path: string,
    body: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: unknown }>
}

/** What a test may change of its cloud: the gateway's limits (e.g. a small rate limit to run into). */
export type TestCloudOptions = Pick<LocalcloudOptions, 'rateLimit' | 'bodyTimeoutMs' | 'headersTimeoutMs'>

export async function startTestCloud(opts: TestCloudOptions = {}): Promise<TestCloud> {
  // A storage folder of its own, so tests never write into the developer's .localcloud/.
  const storageDir = mkdtempSync(join(tmpdir(), 'dj-test-storage-'))
  const lc = await startLocalcloud({
    port: 0,
    dbFile: ':memory:',
    storageDir,
    seed: true,
    timers: false,
    timeoutMs: 15_000,
    ...opts,
  })
  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
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
    return { status: res.status, json }
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
  }
}
