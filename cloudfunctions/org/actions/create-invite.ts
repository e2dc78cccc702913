import { INVITE_PAGE, INVITE_VALID_HOURS, formatInviteCode, inviteScene } from '../../../domain/invites'
import { canGrantRoles, isCommittee, isSecretaryOf } from '../../../domain/roles'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, db } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { logEvent } from '../../_shared/log'
import { makeMiniCode } from '../../_shared/mini-code'
import { getPerson } from '../../_shared/repositories/people'
import type { Handler } from '../../_shared/router'
import { inviteDocId, newInviteCode, type InviteDoc } from '../invites'

/**
 * A member's secretary (or the committee) makes them a one-time code to bind their WeChat with. A new code
 * replaces any earlier unused one, so only the latest read-out code works. Only someone holding every role the
 * member holds may (`canGrantRoles`): a committee member's code comes from the committee. The code comes also as a
 * 小程序码 whose scene is the code alone: scanning it opens the 绑定 page with the code filled in.
 */
export const createInvite: Handler<'org', 'createInvite'> = async ({ personId }, { caller }) => {
  const person = await getPerson(personId)
  if (!person) return fail('NOT_FOUND', '没有这位党员')
  if (!isCommittee(caller) && !(person.branchId !== null && isSecretaryOf(caller, person.branchId)))
    return fail('FORBIDDEN', '只能为本支部的党员生成邀请码')
  // Before anything is revoked: a refused caller must not cancel a code the committee handed out.
  if (!canGrantRoles(caller, person.grants))
    return fail('FORBIDDEN', `${person.name}担任党委职务，只有党委可以为其生成邀请码`)
  if (person.openid) return fail('CONFLICT', `${person.name}已绑定微信，无需邀请码`)

  const at = now()
  await db
    .collection(COLLECTIONS.invites)
    .where({ personId: person._id, usedAt: null, revoked: false })
    .update({ data: { revoked: true } })
  const code = newInviteCode()
  const expiresAt = new Date(at.getTime() + INVITE_VALID_HOURS * 3600 * 1000)
  const doc: InviteDoc = {
    _id: inviteDocId(code),
    personId: person._id,
    branchId: person.branchId,
    createdBy: caller._id,
    createdAt: at,
    expiresAt,
    usedAt: null,
    usedBy: null,
    revoked: false,
  }
  // The 小程序码 is drawn beside the write, not after it: no extra round trip.
  const [, qr] = await Promise.all([
    db.collection(COLLECTIONS.invites).add({ data: doc }),
    makeMiniCode(INVITE_PAGE, inviteScene(code)),
  ])
  logEvent('info', 'invite_created', { personId: person._id, by: caller._id })
  return ok({
    code: formatInviteCode(code),
    expiresAt: expiresAt.toISOString(),
    person: { id: person._id, name: person.name },
    qr: qr.ok ? qr.code : null,
    qrProblem: qr.ok ? null : qr.problem,
  })
}
