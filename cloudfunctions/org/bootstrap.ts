import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { DB } from 'wx-server-sdk'
import { INVITE_VALID_HOURS, formatInviteCode } from '../../domain/invites'
import type { InviteView } from '../../types/api'
import type { Person } from '../../types/entities'
import { fail, ok, type Result } from '../../types/result'
import { COLLECTIONS, db, _ } from '../_shared/cloud'
import { now } from '../_shared/clock'
import { logEvent } from '../_shared/log'
import { BOOTSTRAP_MAKER, inviteDocId, newInviteCode, type InviteDoc } from './invites'

const payloadSchema = z
  .object({
    name: z.string().trim().min(1).max(20),
    phone: z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确'),
  })
  .strict()

/**
 * The first committee member, before anyone can import a roster: `npm run deploy -- --bootstrap 姓名,手机号`
 * invokes this with the environment's keys (`tcb fn invoke`, so there is no WeChat user), and gets an invite code
 * for them. It works only while no committee member has bound a WeChat: after that, people come in through the
 * roster and their secretaries' codes.
 */
export async function bootstrapCommittee(payload: unknown): Promise<Result<InviteView>> {
  const parsed = payloadSchema.safeParse(payload ?? {})
  if (!parsed.success)
    return fail(
      'INVALID_INPUT',
      '需要党委成员的姓名和手机号',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    )
  const { name, phone } = parsed.data
  const people = db.collection(COLLECTIONS.people)
  const bound = (await people
    .where({ 'grants.role': 'committee', openid: _.neq('') })
    .limit(1)
    .get()) as DB.IQueryResult
  if (bound.data.length > 0)
    return fail('CONFLICT', '已有绑定微信的党委成员：请由其在小程序中导入名册、生成邀请码')

  const found = ((await people.where({ phone }).limit(1).get()) as DB.IQueryResult).data[0] as
    Person | undefined
  const id = found?._id ?? `p-${createHash('sha256').update(`roster\np:${phone}`).digest('hex').slice(0, 20)}`
  const grants = [
    ...(found?.grants ?? []).filter((g) => g.role !== 'committee'),
    { role: 'committee' as const },
  ]
  if (found) await people.doc(id).update({ data: { name, grants: _.set(grants) } })
  else
    await people.doc(id).set({
      data: { openid: '', name, phone, branchId: null, groupId: null, title: '党委', grants },
    })

  const at = now()
  await db
    .collection(COLLECTIONS.invites)
    .where({ personId: id, usedAt: null, revoked: false })
    .update({ data: { revoked: true } })
  const code = newInviteCode()
  const expiresAt = new Date(at.getTime() + INVITE_VALID_HOURS * 3600 * 1000)
  const doc: InviteDoc = {
    _id: inviteDocId(code),
    personId: id,
    branchId: null,
    createdBy: BOOTSTRAP_MAKER,
    createdAt: at,
    expiresAt,
    usedAt: null,
    usedBy: null,
    revoked: false,
  }
  await db.collection(COLLECTIONS.invites).add({ data: doc })
  logEvent('info', 'committee_bootstrapped', { personId: id })
  // Printed in the deploy's terminal: the first committee member types it (no 小程序码 to scan there).
  return ok({
    code: formatInviteCode(code),
    expiresAt: expiresAt.toISOString(),
    person: { id, name },
    qr: null,
    qrProblem: '部署时只生成邀请码：请在小程序「尚未登记」页输入',
  })
}
