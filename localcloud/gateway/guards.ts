import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendFail } from './http'
import type { RateLimiter, WindowLimiter } from './rate-limit'

/** How long a request body may take to arrive, and its headers, unless the gateway is told otherwise. */
export const BODY_TIMEOUT_MS = 20_000
export const HEADERS_TIMEOUT_MS = 10_000

/**
 * A body that has not fully arrived within `ms` (a client trickling it byte by byte) is answered 408 and
 * its connection closed, so slow clients hold no socket and no handler for long. Requests whose body is
 * already in (or that have none) are left alone.
 */
export function bodyDeadline(req: IncomingMessage, res: ServerResponse, ms: number): void {
  if (req.complete) return
  const timer = setTimeout(() => {
    if (req.complete) return
    res.once('finish', () => req.destroy())
    if (res.headersSent) return void req.destroy()
    res.setHeader('connection', 'close')
    sendFail(res, 408, 'TIMEOUT', '请求内容发送超时，请检查网络后重试')
  }, ms)
  timer.unref()
  const clear = () => clearTimeout(timer)
  req.once('end', clear)
  req.once('close', clear)
  res.once('close', clear)
}

/**
 * Takes a token from the caller's bucket; when it is empty, answers 429 `RATE_LIMITED` with Retry-After
 * (discarding the body) and returns false.
 */
export function admit(limiter: RateLimiter, key: string, req: IncomingMessage, res: ServerResponse): boolean {
  const wait = limiter.take(key)
  if (wait === 0) return true
  req.resume()
  res.setHeader('retry-after', String(wait))
  sendFail(res, 429, 'RATE_LIMITED', '操作太频繁，请稍后再试')
  return false
}

/** Answers 429 `RATE_LIMITED` with Retry-After when `limiter` has no room for `key`; false then. */
export function admitWindow(
  limiter: WindowLimiter,
  key: string,
  res: ServerResponse,
  message: string,
  record = true,
): boolean {
  const wait = record ? limiter.take(key) : limiter.wait(key)
  if (wait === 0) return true
  res.setHeader('retry-after', String(wait))
  sendFail(res, 429, 'RATE_LIMITED', message)
  return false
}

/** The client's address, what per-address limits count by. */
export const addressOf = (req: IncomingMessage): string => req.socket.remoteAddress ?? ''

/** A loopback name, or an IP literal (`--host 0.0.0.0` on a LAN): never a name an attacker's DNS could answer. */
const OWN_HOST = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])(:\d{1,5})?$/

/**
 * Whether a POST comes from the gateway's own pages (or from a program, which sends no browser headers). A
 * browser marks every request with Origin and Sec-Fetch-Site; another site's page, even one on 127.0.0.1 at
 * another port, is cross-origin. Host must be localhost or an IP address: a DNS-rebound page would otherwise
 * look same-origin under its own name.
 */
export function fromOwnOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? ''
  if (!OWN_HOST.test(host)) return false
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return false
  const origin = req.headers.origin
  return origin === undefined || origin === `http://${host}`
}

/** Whether the body is declared JSON: `application/json`, optionally with parameters (a charset). */
export const isJsonBody = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === 'application/json'
