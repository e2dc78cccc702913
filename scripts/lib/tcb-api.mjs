/* global AbortSignal */
// A minimal client of Tencent Cloud's CloudBase API (service tcb, version 2018-06-08), signed with TC3-HMAC-SHA256:
// what `npm run deploy` needs to create collections, their indexes and security rules, without pulling in an SDK.
import { createHash, createHmac } from 'node:crypto'

const VERSION = '2018-06-08'
const SERVICE = 'tcb'
const CONTENT_TYPE = 'application/json; charset=utf-8'

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
const hmac = (key, text) => createHmac('sha256', key).update(text, 'utf8').digest()

/** The Authorization header of one request (Tencent Cloud API signature v3). */
export function sign({ secretId, secretKey, host, payload, timestamp }) {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10)
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${CONTENT_TYPE}`,
    `host:${host}`,
    '',
    'content-type;host',
    sha256(payload),
  ].join('\n')
  const scope = `${date}/${SERVICE}/tc3_request`
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), SERVICE), 'tc3_request')
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex')
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`
}

/** An error answered by the API: its code (e.g. ResourceNotFound), message and request id. */
export class TcbApiError extends Error {
  constructor(action, code, message, requestId) {
    super(`${action} 失败 (failed): ${code} ${message}${requestId ? ` [RequestId ${requestId}]` : ''}`)
    this.action = action
    this.code = code
    this.requestId = requestId
  }
}

/**
 * `call(action, params)` → the API's Response object (without RequestId checks), or a thrown TcbApiError.
 * `endpoint` defaults to https://tcb.tencentcloudapi.com; tests point it at a local fake.
 */
export function createTcbApi({ secretId, secretKey, token, region = 'ap-shanghai', endpoint }) {
  const url = new URL(endpoint || 'https://tcb.tencentcloudapi.com')
  return async function call(action, params) {
    const payload = JSON.stringify(params)
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = {
      'content-type': CONTENT_TYPE,
      authorization: sign({ secretId, secretKey, host: url.host, payload, timestamp }),
      'x-tc-action': action,
      'x-tc-timestamp': String(timestamp),
      'x-tc-version': VERSION,
      'x-tc-region': region,
      ...(token ? { 'x-tc-token': token } : {}),
    }
    let res
    try {
      res = await fetch(url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(30_000) })
    } catch (err) {
      throw new TcbApiError(action, 'NetworkError', err instanceof Error ? err.message : String(err), '')
    }
    const text = await res.text()
    let body
    try {
      body = JSON.parse(text)
    } catch {
      throw new TcbApiError(action, `HTTP${res.status}`, text.slice(0, 200), '')
    }
    const response = body?.Response
    if (!response) throw new TcbApiError(action, `HTTP${res.status}`, text.slice(0, 200), '')
    if (response.Error)
      throw new TcbApiError(action, response.Error.Code, response.Error.Message, response.RequestId)
    return response
  }
}
