import { join } from 'node:path'
import fc from 'fast-check'
import { ROOT } from '../../localcloud'
import { loadFunctions } from '../../localcloud/functions'
import type { LoadedFunction } from '../../localcloud/functions'
import { invokeFunction } from '../../localcloud/gateway/server'
import { demoOpenid } from '../../localcloud/seed'
import { resolveProfile } from '../../localcloud/profile'
import { startTestCloud } from '../../localcloud/testing'
import type { TestCloud } from '../../localcloud/testing'
import { schemas } from '../../types/api'
import type { ErrorCode } from '../../types/result'
import { guestCookie } from '../projects/__tests__/helpers'
import { PEOPLE, TABLE, payloadOf, prepareFixtures } from './authz-table'

/**
 * Property-based bad input: generated and mutated payloads for every action of every function (from `schemas`,
 * starting from the authorisation table's valid payloads), called in-process through localcloud's identity
 * exactly as the gateway calls `main`, plus raw bodies through the HTTP gateway. Every reply must be a clear
 * `{ok:false, code}` with a known code that is not INTERNAL, or a success; a refused call writes nothing
 * (SQLite's total_changes() is unchanged) and nothing reaches Object.prototype.
 */
const IN_PROCESS_RUNS = Number(process.env.FUZZ_RUNS ?? 20_000)
const HTTP_RUNS = Math.ceil(IN_PROCESS_RUNS / 10)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647

/** Every code a reply may carry; `satisfies` keeps it in step with types/result.ts. */
const CODES = [
  'UNKNOWN_FUNCTION',
  'UNKNOWN_ACTION',
  'INVALID_INPUT',
  'INVALID_JSON',
  'BODY_TOO_LARGE',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'NOT_REGISTERED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NETWORK',
  'TIMEOUT',
  'INTERNAL',
  'TOO_LARGE',
  'NO_ENV',
  'NO_PERMISSION',
] as const satisfies readonly ErrorCode[]
type AllListed = Exclude<ErrorCode, (typeof CODES)[number]> extends never ? true : false
const allListed: AllListed = true

let cloud: TestCloud
let functions: Map<string, LoadedFunction>
let targets: { fn: string; action: string; base: Record<string, unknown>; writesOnRefusal: boolean }[]
const logged: string[] = []

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => void logged.push(String(line)))
  jest.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)))
  // Under the `cloud` profile everything stays strict but the clock: 22,000 calls at 8 ms a round trip would
  // take the fuzz run past any CI budget, and latency is not what it tests.
  const profile = resolveProfile()
  cloud = await startTestCloud({
    rateLimit: false,
    profile: { ...profile, latency: { meanMs: 0, jitterMs: 0 }, coldStartMs: 0 },
  })
  functions = loadFunctions(join(ROOT, 'build', 'cloudfunctions'))
  const cookies: Record<string, string> = {}
  for (const [role, id] of Object.entries(PEOPLE)) cookies[role] = await cloud.signIn(id)
  const fixtures = await prepareFixtures(cloud, cookies)
  // A function still being written (in the contract, not yet built) has nothing to call.
  const built = Object.entries(schemas).filter(([fn]) => functions.has(fn))
  targets = built.flatMap(([fn, actions]) =>
    Object.keys(actions).flatMap((action) => {
      const entry = TABLE[fn]?.[action]
      const payloads = Object.values(entry?.payloads ?? { none: {} })
      const writesOnRefusal = Boolean(entry?.writesOnRefusal)
      return payloads.map((p) => ({ fn, action, base: payloadOf(p, fixtures), writesOnRefusal }))
    }),
  )
})
afterAll(async () => {
  await cloud.close()
  jest.restoreAllMocks()
})

// ---- generators ----------------------------------------------------------------------------------------

const nest = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
}

/** Keys that reach for the prototype chain, Mongo operators or identity. */
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$where',
  '$set',
  '$ne',
  '_id',
  'openid',
  'OPENID',
  'caller',
  'userInfo',
]

const OPERATORS = [
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $regularExpression: { pattern: '.*', options: '' } },
  { $where: 'sleep(1000)' },
  { $in: ['p001', 'prj-001'] },
  { $exists: true },
  { $nin: [] },
  { $or: [{}] },
  { $date: 0 },
  { $tcb_server_date: { offset: 0 } },
]

const UNICODE = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\u202Eevil\u202C',
  '\uFEFF',
  '\u200B\u200D',
  'e\u0301\u0301\u0301',
  '𠜎𠜱𠝹',
  '👨‍👩‍👧‍👦🇨🇳',
  'Ｐ００１',
  '\u2028\u2029',
  'prj-001\u0000',
  'prj-001\n',
  ' prj-001 ',
  '../../etc/passwd',
  'cloud://local.localcloud/uploads/p005/../p001/aaaaaaaa.jpg',
  'cloud://local.localcloud/uploads/p005/aaaaaaaa.jpg\u0000.png',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '%00%2e%2e%2f',
]

const PROTO = [
  () => JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
  () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
  () => JSON.parse('{"__proto__":{"ok":true,"code":"x"}}') as unknown,
]

const leaf = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, -1e-308, '', ' ', '0', 'null', '[object Object]'),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...UNICODE),
)

/** A value that has no business where it is put. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => '字'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 50, max: 2_000 }), leaf, fc.boolean())
      .map(([d, l, asArray]) => nest(d, l, asArray)),
  },
  { weight: 2, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO).map((make) => make()) },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...NASTY_KEYS)), leaf) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

/** A value of the right shape that the schema lets through, so the handler itself must cope. */
const plausible: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'prj-013',
    'prj-010',
    'prj-011',
    'p001',
    'p057',
    'lec-004',
    'b-chengqu',
    'b-chengqu-g1',
    'gp-demo-b-yunwei-g1-5',
    'x',
    'a'.repeat(64),
  ),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...UNICODE.filter((u) => u.trim() !== '')),
  fc.constantFrom(0, 1, 5, 50, 100, 0.5, 2100),
)

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'plausible'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'drop'; at: number }
  | { kind: 'payload'; value: unknown }
  | { kind: 'event'; action: unknown; extra: Record<string, unknown> | null; bare: unknown }

const plausibleMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('plausible' as const),
  at: fc.nat(),
  value: plausible,
})

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostile }),
  },
  { weight: 3, arbitrary: plausibleMutation },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 12 })),
      value: hostile,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('payload' as const), value: hostile }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      action: fc.oneof(
        fc.constantFrom(
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          'valueOf',
          '',
          ' list',
          'LIST',
        ),
        hostile,
      ),
      extra: fc.option(fc.dictionary(fc.constantFrom(...NASTY_KEYS), hostile, { maxKeys: 3 })),
      bare: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostile }),
    }),
  },
)

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null

/** Paths to the values inside the payload down to depth 6 (past that lies generated nesting), itself first. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at]
  if (at.length >= 6) return out
  if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => out.push(...paths(x, [...at, i])))
  else if (isObject(v)) for (const [k, x] of Object.entries(v).slice(0, 50)) out.push(...paths(x, [...at, k]))
  return out
}

/** Sets an own property even for `__proto__` (plain assignment would change the prototype instead). */
const define = (o: object, key: string | number, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })

function setAt(root: unknown, path: (string | number)[], value: unknown | typeof DROP): unknown {
  if (path.length === 0) return value === DROP ? {} : value
  let parent = root as Json
  for (const k of path.slice(0, -1)) parent = parent[k] as Json
  const last = path[path.length - 1]
  if (value !== DROP) define(parent, last, value)
  else if (Array.isArray(parent)) parent.splice(Number(last), 1)
  else delete parent[last]
  return root
}
const DROP = Symbol('drop')

/** Generated values may be shared instances (constants): each use gets its own copy, as JSON would. */
const copy = (v: unknown): unknown =>
  v === undefined ? null : (JSON.parse(JSON.stringify(v) ?? 'null') as unknown)

/** The event the app would send, mutated; JSON round-tripped exactly as WeChat or the gateway would. */
function eventOf(action: string, base: Json, muts: Mutation[]): unknown {
  let payload: unknown = structuredClone(base)
  let event: Json = {}
  let bare: unknown = null
  for (const m of muts) {
    const all = paths(payload)
    if (m.kind === 'replace' || m.kind === 'plausible') {
      const leaves = all.filter((p) => p.length > 0)
      if (leaves.length) payload = setAt(payload, leaves[m.at % leaves.length], copy(m.value))
    } else if (m.kind === 'drop') {
      const leaves = all.filter((p) => p.length > 0)
      if (leaves.length) payload = setAt(payload, leaves[m.at % leaves.length], DROP)
    } else if (m.kind === 'add') {
      const holders = all.filter((p) => {
        let v: unknown = payload
        for (const k of p) v = (v as Json)[k]
        return isObject(v) && !Array.isArray(v)
      })
      if (holders.length) {
        let target: unknown = payload
        for (const k of holders[m.at % holders.length]) target = (target as Json)[k]
        define(target as object, m.key, copy(m.value))
      }
    } else if (m.kind === 'payload') {
      payload = copy(m.value)
    } else {
      event = { ...(copy(m.extra) as Json | null), action: copy(m.action) }
      bare = copy(m.bare)
    }
  }
  const whole = bare ?? { action, ...event, payload }
  return JSON.parse(JSON.stringify(whole) ?? 'null') as unknown
}

const CALLERS: (string | null)[] = [
  demoOpenid(PEOPLE.member),
  demoOpenid(PEOPLE.secretary),
  demoOpenid(PEOPLE.otherSecretary),
  demoOpenid(PEOPLE.committee),
  'fuzz-guest-openid',
  null,
]

/** Whether the body names an action that deliberately writes when it refuses (authz-table.ts). */
function writesOnRefusal(fn: string, text: string): boolean {
  try {
    const action = (JSON.parse(text) as { action?: unknown } | null)?.action
    return typeof action === 'string' && Boolean(TABLE[fn]?.[action]?.writesOnRefusal)
  } catch {
    return false
  }
}

function problemWith(reply: unknown, wrote: boolean): string | null {
  if (!isObject(reply) || typeof reply.ok !== 'boolean') return `not an envelope: ${JSON.stringify(reply)}`
  if ('polluted' in Object.prototype || ({} as Json).polluted !== undefined)
    return 'Object.prototype polluted'
  if (reply.ok) return 'data' in reply ? null : 'success without data'
  if (!CODES.includes(reply.code as ErrorCode)) return `unknown code ${String(reply.code)}`
  if (reply.code === 'INTERNAL') return `INTERNAL; logged: ${logged.slice(-2).join(' | ').slice(0, 1500)}`
  if (typeof reply.message !== 'string' || reply.message === '') return 'no message'
  if (wrote) return `${String(reply.code)} yet the database changed`
  return null
}

describe('bad input to every action', () => {
  it('lists every error code', () => expect(allListed).toBe(true))

  it(`answers ${IN_PROCESS_RUNS.toLocaleString()} mutated calls with a clear code or a success, writing nothing when refusing`, async () => {
    const tally: Record<string, number> = {}
    const targetIndex = fc.nat({ max: targets.length - 1 })
    await fc.assert(
      fc.asyncProperty(
        targetIndex,
        fc.constantFrom(...CALLERS),
        // Two in three hostile; one in three the right shape with the wrong content, which reaches the handler.
        fc.oneof(
          { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
          { weight: 1, arbitrary: fc.array(plausibleMutation, { minLength: 1, maxLength: 2 }) },
        ),
        async (t, caller, muts) => {
          // In-process calls can finish without ever leaving the microtask queue; let timers and sockets run.
          await new Promise((resolve) => setImmediate(resolve))
          const { fn, action, base, writesOnRefusal } = targets[t]
          const event = eventOf(action, base, muts)
          const before = cloud.db.changes()
          const reply = await invokeFunction(functions.get(fn) as LoadedFunction, event, caller, 10_000)
          const key = isObject(reply) ? (reply.ok ? 'ok' : String(reply.code)) : 'none'
          tally[key] = (tally[key] ?? 0) + 1
          const problem = problemWith(reply, cloud.db.changes() !== before && !writesOnRefusal)
          if (problem) throw new Error(`${fn}.${action} as ${String(caller)}: ${problem}`)
        },
      ),
      { numRuns: IN_PROCESS_RUNS, seed: SEED, endOnFailure: true },
    )
    process.stdout.write(
      `bad input (in-process): ${IN_PROCESS_RUNS} cases over ${targets.length} payloads, seed ${SEED}; replies ${JSON.stringify(tally)}\n`,
    )
    expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(IN_PROCESS_RUNS)
  })

  it(`answers ${HTTP_RUNS.toLocaleString()} raw bodies through the gateway with a JSON envelope, never a 500`, async () => {
    const cookies = [
      await cloud.signIn(PEOPLE.member),
      await cloud.signIn(PEOPLE.committee),
      guestCookie(cloud, 'fuzz-http-guest'),
      'lc_session=%E0%A4%A',
      '',
    ]
    const statuses: Record<number, number> = {}
    const body = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .tuple(fc.nat({ max: targets.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 2 }))
        .map(([t, muts]) => JSON.stringify(eventOf(targets[t].action, targets[t].base, muts)) ?? ''),
      fc
        .tuple(fc.nat({ max: targets.length - 1 }), fc.nat(), fc.string({ maxLength: 3 }))
        .map(([t, cut, junk]) => {
          const text = JSON.stringify({ action: targets[t].action, payload: targets[t].base })
          return text.slice(0, cut % (text.length + 1)) + junk
        }),
      fc.integer({ min: 1, max: 30_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
      fc.constant(JSON.stringify({ Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() })),
    )
    await fc.assert(
      fc.asyncProperty(
        // reminders has no actions: only its timer may run it, whatever a client dresses its event as.
        fc.constantFrom(...Object.keys(schemas), 'reminders', 'nope', '..%2f..%2fetc', '__proto__'),
        body,
        fc.constantFrom(...cookies),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        async (fn, text, cookie, type) => {
          const before = cloud.db.changes()
          const res = await fetch(`${cloud.url}/fn/${fn}`, {
            method: 'POST',
            body: text,
            headers: { ...(cookie ? { cookie } : {}), ...(type ? { 'content-type': type } : {}) },
          })
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          const reply = JSON.parse(await res.text()) as unknown
          if (res.status >= 500) throw new Error(`${res.status} for ${text.slice(0, 200)}`)
          if (fn === 'reminders' && (reply as { ok?: unknown }).ok) throw new Error('a client ran the sweep')
          const problem = problemWith(reply, cloud.db.changes() !== before && !writesOnRefusal(fn, text))
          if (problem) throw new Error(`${fn} ${text.slice(0, 200)}: ${problem}`)
        },
      ),
      { numRuns: HTTP_RUNS, seed: SEED, endOnFailure: true },
    )
    process.stdout.write(`bad input (HTTP): ${HTTP_RUNS} raw bodies, statuses ${JSON.stringify(statuses)}\n`)
    const health = await fetch(`${cloud.url}/healthz`)
    expect(health.status).toBe(200)
  })
})
