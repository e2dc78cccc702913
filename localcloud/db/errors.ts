/**
 * Error codes the SDK understands. wx-server-sdk maps `code` to an errCode through TCB_ERR_CODE
 * (DATABASE_REQUEST_FAILED → -502001, INVALID_PARAM → -501007, unknown → -501001), and
 * @cloudbase/database's runTransaction retries only on DATABASE_TRANSACTION_CONFLICT.
 */
export const ErrorCode = {
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  INVALID_PARAM: 'INVALID_PARAM',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
} as const

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode]

export class DbError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(message)
    this.name = 'DbError'
  }
}

/** Duck-typed, because errors from native code (better-sqlite3) can fail `instanceof Error` under jest. */
export function errorMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(err)
}
