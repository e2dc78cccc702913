import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendFail } from './http'
import type { RateLimiter } from './rate-limit'

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
