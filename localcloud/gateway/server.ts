import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { LocalDatabase } from '../db'
import type { LoadedFunction } from '../functions'
import { PUBLIC_STATUSES } from '../../domain/lifecycle'
import { runAs } from '../identity'
import type { Caller } from '../identity'
import { activeProfile } from '../profile'
import { newTrace, runTraced, sleep } from '../round-trips'
import { RunFailed } from '../worker/pool'
import type { Trace } from '../round-trips'
import { grantSubscription } from '../openapi'
import type { LocalStorage } from '../storage'
import {
  BODY_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS,
  addressOf,
  admit,
  admitWindow,
  bodyDeadline,
  fromOwnOrigin,
  isJsonBody,
} from './guards'
import { isRecord, parseCookies, readBody, sendFail, sendJson } from './http'
import { OUTBOX_PATH, serveOutbox } from './outbox-page'
import {
  DEFAULT_RATE_LIMIT,
  GUEST_SIGN_IN_LIMIT,
  RateLimiter,
  WRONG_INVITE_LIMIT,
  WindowLimiter,
} from './rate-limit'
import type { RateLimit } from './rate-limit'
import { SESSION_COOKIE, Sessions } from './sessions'
import { renderSignIn } from './sign-in-page'
import { serveFile } from './static'
import { UPLOAD_PATH, handleUpload } from './upload'

export interface GatewayOptions {
  db: LocalDatabase
  functions: Map<string, LoadedFunction>
  storage: LocalStorage
  h5Dir: string
  /** How a call runs (default: invokeFunction, in this process). */
  run?: Runner
  /** Overrides every function's timeout (ms); otherwise cloudbaserc.json's seconds, default 3 like WeChat. */
  timeoutMs?: number
  /**
   * Per-identity token bucket on every POST; DEFAULT_RATE_LIMIT when left out, false for none (then neither the
   * per-address limits on new guests and wrong invite codes).
   */
  rateLimit?: RateLimit | false
  /** How long a request body may take to arrive (default 20 s); then 408 and the connection closes. */
  bodyTimeoutMs?: number
  /** How long request headers may take to arrive (default 10 s). */
  headersTimeoutMs?: number
  log?: (line: string) => void
}

export const APPID = 'localcloud-appid'
/** The sign-in form's personId for 职工群众 (a WeChat user with no member record). */
export const GUEST = '__guest__'

/** What the function's context holds: an openid is a call from the mini-program (SOURCE `wx_client`). */
export const contextOf = (caller: string | Caller | null): Caller | null =>
  typeof caller === 'string' ? { openid: caller, appid: APPID, source: 'wx_client' } : caller

/** Runs one call of a function: in this process (invokeFunction) or in a worker of its own (worker/pool.ts). */
export type Runner = (
  fn: LoadedFunction,
  event: unknown,
  caller: string | Caller | null,
  timeoutMs: number,
  trace: Trace,
) => Promise<unknown>

/** When each function was last called: a function idle longer than the profile's idleMs starts cold. */
const lastCalled = new Map<string, number>()

/**
 * Runs a function as WeChat would: an openid is a call from the mini-program (SOURCE `wx_client`); a Caller
 * says exactly what the context holds (a timer, an HTTP or cross-account call); null is no context at all.
 * Under the active profile it pays a cold start, each request is a round trip counted in `trace`, and past
 * its timeout the caller gets FUNCTION_TIMEOUT and the run's further requests are never done.
 */
export function invokeFunction(
  fn: LoadedFunction,
  event: unknown,
  caller: string | Caller | null,
  timeoutMs: number,
  trace: Trace = newTrace(fn.name, timeoutMs),
) {
  const context = contextOf(caller)
  const { coldStartMs, idleMs } = activeProfile()
  const now = Date.now()
  const last = lastCalled.get(fn.name)
  lastCalled.set(fn.name, now)
  const cold = coldStartMs > 0 && (last === undefined || now - last > idleMs)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('FUNCTION_TIMEOUT')), timeoutMs)
  })
  // A main that throws before its first await becomes a rejection here, not a stray timeout rejection later.
  const run = new Promise((resolve) => {
    resolve(
      runTraced(trace, async () => {
        if (cold) await sleep(coldStartMs)
        return runAs(context, () => fn.main(event, { function_name: fn.name }))
      }),
    )
  })
  // A run refused its next request at the deadline may fail a moment before the timer fires: a timeout too.
  const ran = run.catch((err: unknown) => {
    throw Date.now() >= trace.deadline ? new Error('FUNCTION_TIMEOUT') : err
  })
  // The run may still settle after its timeout answered; its outcome then goes nowhere.
  ran.catch(() => undefined)
  return Promise.race([ran, timeout]).finally(() => clearTimeout(timer))
}

/** The localcloud HTTP gateway: functions, the dev sign-in, stored files and the H5 build. */
export function createGateway(opts: GatewayOptions): Server {
  const sessions = new Sessions(opts.db)
  const log = opts.log ?? (() => undefined)
  // Looked up once per request: the rate limit and the handler both ask.
  const openids = new WeakMap<IncomingMessage, string | null>()
  const openidOf = (req: IncomingMessage) => {
    if (!openids.has(req)) openids.set(req, sessions.openidFor(tokenOf(req)))
    return openids.get(req) ?? null
  }
  const limiter = opts.rateLimit === false ? null : new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT)
  const guestSignIns = opts.rateLimit === false ? null : new WindowLimiter(GUEST_SIGN_IN_LIMIT)
  const wrongInvites = opts.rateLimit === false ? null : new WindowLimiter(WRONG_INVITE_LIMIT)
  const tokenOf = (req: IncomingMessage) => parseCookies(req.headers.cookie)[SESSION_COOKIE]
  const identityOf = (req: IncomingMessage) => {
    const openid = openidOf(req)
    return openid ? `openid:${openid}` : `addr:${req.socket.remoteAddress ?? ''}`
  }

  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string) {
    const fn = opts.functions.get(name)
    if (!fn) return sendFail(res, 404, 'UNKNOWN_FUNCTION', `没有名为 ${name.slice(0, 40)} 的云函数`)
    const body = await readBody(req)
    if (body === 'too_large') return sendFail(res, 413, 'BODY_TOO_LARGE', '请求内容超过 1 MB')
    let event: unknown
    try {
      event = JSON.parse(body.toString('utf8') || '{}')
    } catch {
      return sendFail(res, 400, 'INVALID_JSON', '请求内容不是有效的 JSON')
    }
    if (!isRecord(event)) return sendFail(res, 400, 'INVALID_INPUT', '请求内容必须是 JSON 对象')
    const openid = openidOf(req)
    if (!openid) return sendFail(res, 401, 'UNAUTHENTICATED', '请先登录')
    // Wrong invite codes count per address too: guests are cheap to mint, each with five tries of its own.
    const binding = name === 'org' && event.action === 'bindInvite' ? wrongInvites : null
    if (binding && !admitWindow(binding, addressOf(req), res, '邀请码错误次数过多，请一小时后再试', false))
      return
    const timeoutMs = opts.timeoutMs ?? (fn.config.timeout ?? 3) * 1000
    const started = Date.now()
    const trace = newTrace(name, timeoutMs)
    // Not String(action): a client's `{"action":{"toString":"x"}}` would throw here, after the function ran.
    const action = typeof event.action === 'string' ? event.action.slice(0, 40) : typeof event.action
    const cost = () => `${trace.sequential} round trips (${trace.requests} requests)`
    try {
      const result = await (opts.run ?? invokeFunction)(
        fn,
        { ...event, userInfo: { appId: APPID, openId: openid } },
        openid,
        timeoutMs,
        trace,
      )
      log(`fn ${name}.${action} ${Date.now() - started}ms ${cost()}`)
      // Tests read what the call cost; the app ignores it.
      res.setHeader('x-localcloud-round-trips', String(trace.sequential))
      res.setHeader('x-localcloud-requests', String(trace.requests))
      if (binding && isRecord(result) && result.code === 'NOT_FOUND') binding.record(addressOf(req))
      sendJson(res, 200, result ?? null)
    } catch (err) {
      const timedOut = err instanceof Error && err.message === 'FUNCTION_TIMEOUT'
      if (err instanceof RunFailed) {
        log(`fn ${name}.${action} ${err.message}`)
        return err.reason === 'OUT_OF_MEMORY'
          ? sendFail(res, 500, 'INTERNAL', '云函数内存不足，请稍后再试')
          : sendFail(res, 500, 'INTERNAL', '云函数异常退出，请稍后再试')
      }
      log(
        `fn ${name}.${action} failed after ${Date.now() - started}ms ${cost()}: ${err instanceof Error ? err.message : 'unknown'}`,
      )
      if (timedOut) sendFail(res, 504, 'TIMEOUT', '云函数执行超时，请稍后再试')
      else sendFail(res, 500, 'INTERNAL', '服务暂时不可用，请稍后再试')
    }
  }

  async function signIn(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req, 16 * 1024)
    if (body === 'too_large') return sendFail(res, 413, 'BODY_TOO_LARGE', '请求内容过大')
    const text = body.toString('utf8')
    const isJson = (req.headers['content-type'] ?? '').includes('json')
    let personId: unknown
    try {
      personId = isJson
        ? (JSON.parse(text || '{}') as { personId?: unknown }).personId
        : new URLSearchParams(text).get('personId')
    } catch {
      return sendFail(res, 400, 'INVALID_JSON', '请求内容不是有效的 JSON')
    }
    if (personId === GUEST) {
      if (guestSignIns && !admitWindow(guestSignIns, addressOf(req), res, '访客登录过于频繁，请一分钟后再试'))
        return
      return signInGuest(res, isJson, isJson ? null : new URLSearchParams(text).get('projectId'))
    }
    const person = typeof personId === 'string' && personId.length <= 64 ? sessions.person(personId) : null
    if (!person) return sendFail(res, 404, 'NOT_FOUND', '没有这位人员')
    const cookie = `${SESSION_COOKIE}=${sessions.create(person)}; Path=/; HttpOnly; SameSite=Lax`
    if (isJson) {
      res.setHeader('set-cookie', cookie)
      return sendJson(res, 200, { ok: true, data: { personId: person._id, name: person.name } })
    }
    res.writeHead(303, { 'set-cookie': cookie, location: '/' })
    res.end()
  }

  /** A staff member with no Party role, landing on a project's 四公开 page as a share card would take them. */
  function signInGuest(res: ServerResponse, isJson: boolean, projectId: string | null) {
    const cookie = `${SESSION_COOKIE}=${sessions.createGuest()}; Path=/; HttpOnly; SameSite=Lax`
    if (isJson) {
      res.setHeader('set-cookie', cookie)
      return sendJson(res, 200, { ok: true, data: { personId: null, name: '职工群众' } })
    }
    const id = projectId && /^[A-Za-z0-9_-]{1,64}$/.test(projectId) ? projectId : null
    const location = id ? `/#/pages/public/index?id=${encodeURIComponent(id)}` : '/'
    res.writeHead(303, { 'set-cookie': cookie, location })
    res.end()
  }

  function signInPage(res: ServerResponse) {
    const names = new Map(
      opts.db
        .find('org_units', {}, { limit: 1000 })
        .map((u): [string, string] => [String(u._id), String(u.name)]),
    )
    const html = renderSignIn(sessions.people(), names, sessions.publicProjects(PUBLIC_STATUSES))
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(html)
  }

  async function subscribe(req: IncomingMessage, res: ServerResponse) {
    const openid = openidOf(req)
    if (!openid) return sendFail(res, 401, 'UNAUTHENTICATED', '请先登录')
    const body = await readBody(req, 16 * 1024)
    if (body === 'too_large') return sendFail(res, 413, 'BODY_TOO_LARGE', '请求内容过大')
    let ids: unknown
    try {
      ids = (JSON.parse(body.toString('utf8') || '{}') as { templateIds?: unknown }).templateIds
    } catch {
      return sendFail(res, 400, 'INVALID_JSON', '请求内容不是有效的 JSON')
    }
    // wx.requestSubscribeMessage takes at most 3 template ids per tap.
    if (
      !Array.isArray(ids) ||
      ids.length < 1 ||
      ids.length > 3 ||
      !ids.every((t) => typeof t === 'string' && t.length <= 64)
    ) {
      return sendFail(res, 400, 'INVALID_INPUT', 'templateIds 须为 1 到 3 个模板编号')
    }
    await runAs({ openid }, async () => {
      for (const t of ids as string[]) await grantSubscription(openid, t)
    })
    sendJson(res, 200, { ok: true, data: { granted: ids } })
  }

  function serveApp(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === '/' || path === '/index.html') {
      if (!openidOf(req)) {
        res.writeHead(302, { location: '/dev/sign-in' })
        return res.end()
      }
      if (!existsSync(join(opts.h5Dir, 'index.html'))) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        return res.end('H5 应用尚未构建：请运行 npm run build:h5（npm start 会自动构建）')
      }
      return serveFile(res, opts.h5Dir, 'index.html', 'no-store') || undefined
    }
    if (serveFile(res, opts.h5Dir, path, 'public, max-age=31536000, immutable')) return
    sendFail(res, 404, 'NOT_FOUND', '找不到该页面')
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      // e.g. `GET //[` gets past the HTTP parser: a bad address, not a server error.
      return sendFail(res, 400, 'INVALID_INPUT', '请求地址无效')
    }
    const path = url.pathname
    const method = req.method ?? 'GET'
    if (method === 'POST' && !fromOwnOrigin(req)) {
      req.resume()
      return sendFail(res, 403, 'FORBIDDEN', '只接受本应用页面发出的请求')
    }
    if (method === 'POST' && limiter && !admit(limiter, identityOf(req), req, res)) return
    const fnMatch = /^\/fn\/([^/]+)$/.exec(path)
    if (fnMatch) {
      if (method !== 'POST') return sendFail(res, 405, 'INVALID_INPUT', '请使用 POST 调用云函数')
      // Only what the app's fetch sends: a form or text/plain post from another page is no call.
      if (!isJsonBody(req)) {
        req.resume()
        return sendFail(res, 415, 'INVALID_INPUT', '请以 application/json 调用云函数')
      }
      return callFunction(req, res, fnMatch[1])
    }
    if (path === '/healthz')
      return sendJson(res, 200, { ok: true, data: { functions: [...opts.functions.keys()] } })
    if (path === '/dev/sign-in') return method === 'POST' ? signIn(req, res) : signInPage(res)
    if (path === '/dev/sign-out' && method === 'POST') {
      req.resume()
      await sessions.end(tokenOf(req))
      res.writeHead(303, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0`, location: '/dev/sign-in' })
      return res.end()
    }
    if (path === '/dev/subscribe' && method === 'POST') return subscribe(req, res)
    if (path === OUTBOX_PATH && method === 'GET') return serveOutbox(res, opts.db)
    if (path === UPLOAD_PATH && method === 'POST') return handleUpload(req, res, opts, openidOf(req))
    if (path.startsWith('/files/') && method === 'GET') {
      // CloudBase storage is private: a file is read through a temp link getTempFileURL issued, until it expires.
      const query = new URL(req.url ?? '/', 'http://localcloud').searchParams
      if (activeProfile().privateFiles && !opts.storage.linkIsValid(path.slice('/files/'.length), query))
        return sendFail(res, 403, 'FORBIDDEN', '文件链接无效或已过期')
      if (serveFile(res, opts.storage.dir, path.slice('/files/'.length), 'private, max-age=3600')) return
      return sendFail(res, 404, 'NOT_FOUND', '文件不存在')
    }
    if (method === 'GET' || method === 'HEAD') return serveApp(req, res, path)
    sendFail(res, 404, 'NOT_FOUND', '找不到该地址')
  }

  const headersTimeout = opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS
  const serverOptions = {
    headersTimeout,
    requestTimeout: Math.max(headersTimeout, opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS) + 60_000,
    connectionsCheckingInterval: Math.min(1000, headersTimeout),
  }
  return createServer(serverOptions, (req, res) => {
    bodyDeadline(req, res, opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS)
    route(req, res).catch((err: unknown) => {
      log(`gateway error: ${err instanceof Error ? err.message : 'unknown'}`)
      if (!res.headersSent) sendFail(res, 500, 'INTERNAL', '服务暂时不可用，请稍后再试')
      else res.end()
    })
  })
}
