import { PAGES } from '../types/routes'

/**
 * Invite codes: how a member binds their WeChat to the record the committee imported. Their secretary makes a
 * code for them; they type it on the 未登记 screen. Short enough to read out, long enough not to guess: 8 of 32
 * symbols (no 0/O, 1/I) is 2^40 codes, and a WeChat user gets 5 wrong tries an hour.
 */
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const INVITE_LENGTH = 8
export const INVITE_VALID_HOURS = 72
export const INVITE_MAX_FAILURES = 5
export const INVITE_FAILURE_WINDOW_MS = 60 * 60 * 1000

/** What a person typed, as a code: upper case, without spaces or dashes; null if it cannot be one. */
export function normalizeInviteCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== INVITE_LENGTH) return null
  return [...code].every((c) => INVITE_ALPHABET.includes(c)) ? code : null
}

/** A code as shown to people: ABCD-EFGH. */
export const formatInviteCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`

/** Whether a window of wrong tries that began at `windowStart` is still running at `now`. */
export const inFailureWindow = (windowStart: Date | null, now: Date): boolean =>
  windowStart !== null && now.getTime() - new Date(windowStart).getTime() < INVITE_FAILURE_WINDOW_MS

/** Whether a WeChat user has used up their wrong tries: `failures` within the window that began `windowStart`. */
export const isLockedOut = (failures: number, windowStart: Date | null, now: Date): boolean =>
  inFailureWindow(windowStart, now) && failures >= INVITE_MAX_FAILURES

/** The page an invite 小程序码 opens (the 绑定 page of the org subpackage), without a leading slash. */
export const INVITE_PAGE = PAGES.bind

/** The scene of an invite 小程序码: the code alone (`c=ABCDEFGH`), nothing about the person. */
export const inviteScene = (code: string): string => `c=${code}`
