import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalDatabase } from '../db'
import type { LoadedFunction } from '../functions'
import { CLOUD_PROFILE } from '../profile'
import { newTrace } from '../round-trips'
import { LocalStorage } from '../storage'
import { FunctionPool, RunFailed } from '../worker/pool'

// The `cloud` profile runs each function in worker threads of its own (localcloud/worker), as CloudBase runs
// each instance apart: a run that spins, runs out of memory or crashes ends alone, with a clear answer.
const dir = mkdtempSync(join(tmpdir(), 'dj-isolation-'))
const db = new LocalDatabase({ file: ':memory:' })
const storage = new LocalStorage(join(dir, 'files'))
const profile = { ...CLOUD_PROFILE, coldStartMs: 0 }
const pools: FunctionPool[] = []

function pool(name: string, source: string, memorySize = 256): FunctionPool {
  const file = join(dir, `${name}.js`)
  writeFileSync(file, source)
  const fn: LoadedFunction = { name, file, main: () => Promise.resolve(null), config: { memorySize } }
  const p = new FunctionPool(fn, profile, { db, storage })
  pools.push(p)
  return p
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()))
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const call = (p: FunctionPool, timeoutMs = 5_000, event: unknown = {}) =>
  p.invoke(event, { openid: 'o-1', source: 'wx_client' }, timeoutMs, newTrace('t', timeoutMs))

describe('functions apart from the gateway', () => {
  it('a run that spins past its timeout is stopped whole, and another function answers meanwhile', async () => {
    const spin = pool('spin', 'exports.main = async () => { for (;;) {} }')
    const echo = pool('echo', 'exports.main = async (e) => ({ ok: true, data: e })')
    await call(echo) // warm
    const spinning = call(spin, 1_500).then(
      () => 'answered',
      (err: Error) => err.message,
    )
    const t = Date.now()
    await expect(call(echo, 5_000, { n: 1 })).resolves.toEqual({ ok: true, data: { n: 1 } })
    // Answered while the other function's loop held its own thread.
    expect(Date.now() - t).toBeLessThan(1_000)
    expect(await spinning).toBe('FUNCTION_TIMEOUT')
    // The spinning instance is gone; the function runs again in a fresh one.
    await expect(call(echo, 5_000, { n: 2 })).resolves.toEqual({ ok: true, data: { n: 2 } })
  })

  it('a new instance loads its code before its call’s timeout starts (initialisation has a timeout of its own)', async () => {
    // Loading takes longer than the call may run: on CloudBase that is the instance's initialisation, not the run.
    const slow = pool(
      'slow-load',
      `const t = Date.now(); while (Date.now() - t < 1500) {}
      exports.main = async (e) => { if (e.spin) for (;;) {} return { ok: true, data: e } }`,
    )
    await expect(call(slow, 1_000, { n: 1 })).resolves.toEqual({ ok: true, data: { n: 1 } })
    // The run itself still stops at its timeout.
    await expect(call(slow, 1_000, { spin: true })).rejects.toThrow('FUNCTION_TIMEOUT')
  })

  it('a run past its memorySize ends with OUT_OF_MEMORY, and the function keeps answering', async () => {
    const hog = pool(
      'hog',
      `exports.main = async (e) => {
        if (e.small) return { ok: true, data: 'small' }
        const kept = []
        for (;;) kept.push(new Array(1e6).fill(Math.random()))
      }`,
      64,
    )
    const err = await call(hog, 30_000).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RunFailed)
    expect((err as RunFailed).reason).toBe('OUT_OF_MEMORY')
    await expect(call(hog, 5_000, { small: true })).resolves.toEqual({ ok: true, data: 'small' })
  })

  it('a run whose instance dies answers CRASHED; an exception inside main is the function’s own answer', async () => {
    const dies = pool(
      'dies',
      `exports.main = async (e) => {
        if (e.throw) throw new Error('boom')
        setTimeout(() => { throw new Error('uncaught') }, 0)
        await new Promise((r) => setTimeout(r, 1000))
      }`,
    )
    const crashed = await call(dies).catch((e: unknown) => e)
    expect(crashed).toBeInstanceOf(RunFailed)
    expect((crashed as RunFailed).reason).toBe('CRASHED')
    await expect(call(dies, 5_000, { throw: true })).rejects.toThrow('boom')
  })
})
