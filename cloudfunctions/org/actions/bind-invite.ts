import {
  INVITE_MAX_FAILURES,
  inFailureWindow,
  isLockedOut,
  normalizeInviteCode,
} from '../../../domain/invites'
import { canGrantRoles } from '../../../domain/roles'
import type { Person } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, db, _ } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { logEvent } from '../../_shared/log'
import { getPerson } from '../../_shared/repositories/people'
import { guest, type Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'
import type { DB } from 'wx-server-sdk'
import { meView } from '../me-view'
import { BOOTSTRAP_MAKER, inviteDocId, type InviteDoc, type OpenidClaim } from '../invites'

/** Why a code binds no one: unknown (or mistyped), already spent, replaced by a newer one, or past its time. */
type Spent = 'unknown' | 'used' | 'revoked' | 'expired'
type Outcome = { bound: Person } | { wrong: Spent } | { taken: string } | { outranks: string }

/** What a person is told about a code that binds no one: a scanned code is known, so say what became of it. */
const SPENT_MESSAGE: Record<Spent, string> = {
  unknown: '邀请码无效、已使用或已过期，请向支部书记核对',
  used: '这个邀请码已经使用过，请联系支部书记重新生成',
  revoked: '这个邀请码已作废（支部书记生成了新的邀请码），请使用最新的邀请码',
  expired: '这个邀请码已过期，请联系支部书记重新生成',
}

async function getClaim(openid: string): Promise<OpenidClaim | null> {
  const res = (await db.collection(COLLECTIONS.openidClaims).doc(openid).get()) as DB.IQuerySingleResult
  return (res.data as OpenidClaim | null) ?? null
}

/** Counts a wrong try against this WeChat user; a new window starts when the last one is over. */
async function recordFailure(openid: string, claim: OpenidClaim | null, at: Date): Promise<number> {
  if (!claim || !inFailureWindow(claim.windowStart, at)) {
    await db
      .collection(COLLECTIONS.openidClaims)
      .doc(openid)
      .set({
        data: {
          failures: 1,
          windowStart: at,
          personId: claim?.personId ?? null,
          boundAt: claim?.boundAt ?? null,
        },
      })
    return 1
  }
  await db
    .collection(COLLECTIONS.openidClaims)
    .doc(openid)
    .update({ data: { failures: _.inc(1) } })
  return (claim?.failures ?? 0) + 1
}

/**
 * A WeChat user not yet registered types the code their secretary gave them and becomes that member: the
 * member's openid is set, the code is spent. Wrong, used, revoked or expired codes count against the user:
 * five an hour, then they must wait. A code whose maker no longer holds every role the member now holds
 * (`canGrantRoles`, e.g. a secretary's code for someone since made committee) binds no one.
 */
export const bindInvite: Handler<'org', 'bindInvite'> = async ({ code: typed }, { caller }) => {
  const openid = caller.openid
  if (caller._id !== guest(openid)._id) return fail('CONFLICT', `你的微信已登记为${caller.name}，无需绑定`)
  const at = now()
  const claim = await getClaim(openid)
  if (claim && isLockedOut(claim.failures, claim.windowStart, at))
    return fail('RATE_LIMITED', '邀请码错误次数过多，请一小时后再试')

  const code = normalizeInviteCode(typed)
  const outcome: Outcome = code
    ? await runInTransaction(async (t): Promise<Outcome> => {
        const invite = await txGet<InviteDoc>(t, COLLECTIONS.invites, inviteDocId(code))
        if (!invite) return { wrong: 'unknown' }
        if (invite.usedAt) return { wrong: 'used' }
        if (invite.revoked) return { wrong: 'revoked' }
        if (new Date(invite.expiresAt).getTime() <= at.getTime()) return { wrong: 'expired' }
        const person = await txGet<Person>(t, COLLECTIONS.people, invite.personId)
        if (!person) return { wrong: 'unknown' }
        if (person.openid) return { taken: person.name }
        // The member may have been given roles since the code was made: its maker must hold them all now.
        const maker =
          invite.createdBy === BOOTSTRAP_MAKER
            ? null
            : await txGet<Person>(t, COLLECTIONS.people, invite.createdBy)
        if (invite.createdBy !== BOOTSTRAP_MAKER && !(maker && canGrantRoles(maker, person.grants)))
          return { outranks: person.name }
        const mine = await txGet<OpenidClaim>(t, COLLECTIONS.openidClaims, openid)
        if (mine?.personId) return { taken: person.name }
        await t
          .collection(COLLECTIONS.invites)
          .doc(invite._id)
          .update({ data: { usedAt: at, usedBy: openid } })
        await t.collection(COLLECTIONS.people).doc(person._id).update({ data: { openid } })
        await t
          .collection(COLLECTIONS.openidClaims)
          .doc(openid)
          .set({
            data: {
              failures: mine?.failures ?? 0,
              windowStart: mine?.windowStart ?? null,
              personId: person._id,
              boundAt: at,
            },
          })
        return { bound: { ...person, openid } }
      })
    : { wrong: 'unknown' }

  if ('taken' in outcome) return fail('CONFLICT', `${outcome.taken}已绑定微信；如需更换，请联系支部书记`)
  if ('outranks' in outcome) {
    logEvent('info', 'invite_outranked', {})
    return fail('FORBIDDEN', `此邀请码已不能用于绑定${outcome.outranks}：请联系党委重新生成邀请码`)
  }
  if ('wrong' in outcome) {
    const failures = await recordFailure(openid, claim, at)
    const left = Math.max(0, INVITE_MAX_FAILURES - failures)
    logEvent('info', 'invite_rejected', { failures, why: outcome.wrong })
    return fail(
      'NOT_FOUND',
      left > 0
        ? `${SPENT_MESSAGE[outcome.wrong]}（还可再试 ${left} 次）`
        : '邀请码错误次数过多，请一小时后再试',
    )
  }
  logEvent('info', 'invite_bound', { personId: outcome.bound._id })
  const person = (await getPerson(outcome.bound._id)) ?? outcome.bound
  return ok(await meView(person))
}
