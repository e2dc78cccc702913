import { createHash, randomInt } from 'node:crypto'
import { INVITE_ALPHABET, INVITE_LENGTH } from '../../domain/invites'

/** `createdBy` of the code `npm run deploy -- --bootstrap` makes for the first committee member. */
export const BOOTSTRAP_MAKER = 'bootstrap'

/** An invite as stored. Its `_id` is a hash of the code, so the database never holds a usable code. */
export interface InviteDoc {
  _id: string
  personId: string
  branchId: string | null
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedAt: Date | null
  usedBy: string | null
  revoked: boolean
}

/** Per WeChat user (`_id` = openid): wrong tries in the current window, and the member they bound to. */
export interface OpenidClaim {
  _id: string
  failures: number
  windowStart: Date | null
  personId: string | null
  boundAt: Date | null
}

export const inviteDocId = (code: string): string =>
  `iv-${createHash('sha256').update(`invite\n${code}`).digest('hex').slice(0, 32)}`

export function newInviteCode(): string {
  let code = ''
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]
  return code
}
