/** Stable error codes every function and the gateway may return. */
export type ErrorCode =
  | 'UNKNOWN_FUNCTION'
  | 'UNKNOWN_ACTION'
  | 'INVALID_INPUT'
  | 'INVALID_JSON'
  | 'BODY_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'NOT_REGISTERED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'INTERNAL'
  /** More than one request may do at once, even as a job: the person is told how to ask for less. */
  | 'TOO_LARGE'
  /** The app's cloud environment does not exist or cloud development is not enabled for it (a build/setup error). */
  | 'NO_ENV'
  /** WeChat refused the call: no permission for this API or function (a setup error, not the person's role). */
  | 'NO_PERMISSION'

/** One problem with one field of a request, as zod reports it. */
export interface InputIssue {
  path: string
  message: string
}

export interface Ok<T> {
  ok: true
  data: T
  /** A temporary https link for each cloud file `data` names, by file id: storage is private to its owner. */
  files?: Record<string, string>
}

export interface Fail {
  ok: false
  code: ErrorCode
  message: string
  issues?: InputIssue[]
}

/** The envelope every cloud-function call returns. */
export type Result<T> = Ok<T> | Fail

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })

export const fail = (code: ErrorCode, message: string, issues?: InputIssue[]): Fail =>
  issues ? { ok: false, code, message, issues } : { ok: false, code, message }
