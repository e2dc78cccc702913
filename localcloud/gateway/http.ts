import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode } from '../../types/result'

export const MAX_BODY_BYTES = 1024 * 1024

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

export const sendFail = (res: ServerResponse, status: number, code: ErrorCode, message: string) =>
  sendJson(res, status, { ok: false, code, message })

/** Reads a request body, refusing (without buffering the rest) anything over `limit` bytes. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume()
      return resolve('too_large')
    }
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        req.resume()
        resolve('too_large')
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks))
      done = true
    })
    // A client that goes away (or is cut off for being too slow) mid-body leaves nothing to answer.
    req.on('close', () => {
      if (!done) reject(new Error('REQUEST_ABORTED'))
      done = true
    })
    req.on('error', reject)
  })
}

/** A malformed %-escape in someone's cookie is their problem, not a 500. */
function decodeCookie(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=')
    if (i > 0) out[part.slice(0, i).trim()] = decodeCookie(part.slice(i + 1).trim())
  }
  return out
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
