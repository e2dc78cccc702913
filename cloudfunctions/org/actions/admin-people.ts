import { grantsAfterMove, grantsAsMember, grantsAsSecretary, stintOf } from '../../../domain/org-admin'
import { planOrgChange } from '../../../domain/notifications'
import { canGrantRoles, isSecretaryOf } from '../../../domain/roles'
import type { GroupBoard, Person } from '../../../types/entities'
import { fail, ok } from '../../../types/result'
import { _ } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { newId } from '../../_shared/ids'
import { notify, settingsOf } from '../../_shared/notify'
import { getPeopleByIds } from '../../_shared/repositories/people'
import { listSecretariesOf } from '../../_shared/repositories/supervision'
import { chunk, fetchAll } from '../../_shared/repositories/query'
import { readingEarly, type Handler } from '../../_shared/router'
import {
  applyChange,
  askFullRollup,
  audit,
  coll,
  peopleOf,
  peopleOfGroup,
  readOrg,
  reindex,
} from '../admin-store'

const NO_ROLE = '不能授予您自己没有的角色'

/** 组织管理: a new 党小组 in a branch. */
export const createGroup: Handler<'org', 'createGroup'> = async ({ branchId, name }, { caller }) => {
  const { units, groups } = await readOrg()
  const branch = units.find((u) => u._id === branchId)
  if (!branch) return fail('NOT_FOUND', '支部不存在')
  if (branch.kind !== 'branch') return fail('CONFLICT', '党小组只能设在党支部之下')
  if (groups.some((g) => g.branchId === branchId && g.name === name))
    return fail('CONFLICT', `「${branch.name}」已有名为「${name}」的党小组`)
  const id = newId('g')
  const summary = `在「${branch.name}」新建党小组「${name}」`
  await Promise.all([
    coll('groups').add({ data: { _id: id, branchId, name, leaderId: null } }),
    audit(caller, 'createGroup', [id, branchId], summary, { branchId, name }, now()),
  ])
  return ok({ id, message: `已${summary}`, moved: {} })
}

export const renameGroup: Handler<'org', 'renameGroup'> = async ({ groupId, name }, { caller }) => {
  const { groups } = await readOrg()
  const group = groups.find((g) => g._id === groupId)
  if (!group) return fail('NOT_FOUND', '党小组不存在')
  if (group.name === name) return fail('CONFLICT', `名称未改变：仍为「${name}」`)
  if (groups.some((g) => g._id !== groupId && g.branchId === group.branchId && g.name === name))
    return fail('CONFLICT', `本支部已有名为「${name}」的党小组`)
  const summary = `党小组「${group.name}」更名为「${name}」`
  await Promise.all([
    coll('groups').doc(groupId).update({ data: { name } }),
    audit(caller, 'renameGroup', [groupId], summary, { from: group.name, to: name }, now()),
  ])
  return ok({ id: groupId, message: `已将${summary}`, moved: {} })
}

/** Why these people cannot leave their branch as they are: a secretary leaves only with a successor named. */
const leadersAmong = (people: readonly Person[]): Person[] =>
  people.filter((p) => p.branchId !== null && isSecretaryOf(p, p.branchId))

/** The group and all its members go to another branch; their past stays with them (branchHistory, check-ins). */
export const moveGroup: Handler<'org', 'moveGroup'> = async ({ groupId, branchId }, { caller }) => {
  const [{ units, groups }, members] = await Promise.all([readOrg(), peopleOfGroup(groupId)])
  const group = groups.find((g) => g._id === groupId)
  const to = units.find((u) => u._id === branchId)
  if (!group) return fail('NOT_FOUND', '党小组不存在')
  if (!to) return fail('NOT_FOUND', '支部不存在')
  if (to.kind !== 'branch') return fail('CONFLICT', '党小组只能设在党支部之下')
  if (group.branchId === branchId) return fail('CONFLICT', `党小组「${group.name}」已在「${to.name}」`)
  if (groups.some((g) => g.branchId === branchId && g.name === group.name))
    return fail('CONFLICT', `「${to.name}」已有名为「${group.name}」的党小组：请先更名`)
  const secretaries = leadersAmong(members)
  if (secretaries.length > 0)
    return fail(
      'CONFLICT',
      `组内的${secretaries.map((p) => p.name).join('、')}是支部书记：请先调动其本人并指定继任书记`,
    )
  const at = now()
  const from = units.find((u) => u._id === group.branchId)?.name ?? ''
  const summary = `党小组「${group.name}」（${members.length} 人）从「${from}」调至「${to.name}」`
  await Promise.all([
    coll('groups').doc(groupId).update({ data: { branchId } }),
    coll('groupPosts').where({ groupId }).update({ data: { branchId } }),
    ...members.map((p) =>
      coll('people')
        .doc(p._id)
        .update({
          data: {
            branchId,
            grants: _.set(grantsAfterMove(p.grants, branchId)),
            branchHistory: _.push([stintOf(p, at)]),
          },
        }),
    ),
    reindex(
      members.map((p) => ({ ...p, branchId })),
      [],
      new Map(units.map((u) => [u._id, u.name])),
    ),
    askFullRollup(),
    audit(caller, 'moveGroup', [groupId, group.branchId, branchId], summary, { members: members.length }, at),
  ])
  return ok({ id: groupId, message: `已将${summary}`, moved: { people: members.length } })
}

/** Members, posts, comments and reads of `fromId` go to `intoId` in the same branch; its leader stays a member. */
export const mergeGroups: Handler<'org', 'mergeGroups'> = async ({ fromId, intoId }, { caller }) => {
  const [{ groups }, members, posts, boards] = await Promise.all([
    readOrg(),
    peopleOfGroup(fromId),
    fetchAll<{ _id: string }>(coll('groupPosts').where({ groupId: fromId }).field({ _id: true })),
    fetchAll<GroupBoard>(coll('groupBoards').where({ _id: _.in([fromId, intoId]) })),
  ])
  const from = groups.find((g) => g._id === fromId)
  const into = groups.find((g) => g._id === intoId)
  if (!from || !into) return fail('NOT_FOUND', '党小组不存在')
  if (fromId === intoId) return fail('CONFLICT', '不能把党小组合并到它自己')
  if (from.branchId !== into.branchId)
    return fail('CONFLICT', '只能合并同一支部的党小组：请先把其中一个调到同一支部')
  const at = now()
  const summary = `党小组「${from.name}」并入「${into.name}」`
  const postIds = posts.map((p) => p._id)
  const fromBoard = boards.find((b) => b._id === fromId)
  const intoBoard = boards.find((b) => b._id === intoId)
  const byPosts = (name: 'groupComments' | 'announcementReads' | 'groupPostEvents') =>
    chunk(postIds).map((part) =>
      coll(name)
        .where({ postId: _.in(part) })
        .update({ data: { groupId: intoId } }),
    )
  await Promise.all([
    ...members.map((p) =>
      coll('people')
        .doc(p._id)
        .update({ data: { groupId: intoId, branchHistory: _.push([stintOf(p, at)]) } }),
    ),
    coll('groupPosts')
      .where({ groupId: fromId })
      .update({ data: { groupId: intoId } }),
    ...byPosts('groupComments'),
    ...byPosts('announcementReads'),
    ...byPosts('groupPostEvents'),
    fromBoard
      ? coll('groupBoards')
          .doc(intoId)
          .set({
            data: {
              pinnedIds: [...(intoBoard?.pinnedIds ?? []), ...fromBoard.pinnedIds],
              posts: (intoBoard?.posts ?? 0) + fromBoard.posts,
              lastPostAt: latest(intoBoard?.lastPostAt ?? null, fromBoard.lastPostAt),
            },
          })
      : null,
    audit(
      caller,
      'mergeGroups',
      [fromId, intoId],
      summary,
      { members: members.length, posts: postIds.length },
      at,
    ),
  ])
  await Promise.all([
    coll('groups').doc(fromId).remove(),
    fromBoard ? coll('groupBoards').doc(fromId).remove() : null,
  ])
  return ok({
    id: intoId,
    message: `已将${summary}`,
    moved: { people: members.length, posts: postIds.length },
  })
}

const latest = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : new Date(a).getTime() >= new Date(b).getTime() ? a : b

/** The branch's secretary becomes one of its members; whoever led it before stays as a member. */
export const setSecretary: Handler<'org', 'setSecretary'> = async ({ branchId, personId }, { caller }) => {
  const [{ units }, members, settings] = await Promise.all([
    readOrg(),
    peopleOf(branchId),
    settingsOf([personId]),
  ])
  const branch = units.find((u) => u._id === branchId)
  if (!branch) return fail('NOT_FOUND', '支部不存在')
  if (branch.kind !== 'branch') return fail('CONFLICT', '只有党支部设支部书记')
  const person = members.find((p) => p._id === personId)
  if (!person) return fail('CONFLICT', '只能任命本支部的党员为支部书记：请先把其调入本支部')
  if (isSecretaryOf(person, branchId)) return fail('CONFLICT', `${person.name}已是本支部书记`)
  const grants = grantsAsSecretary(person.grants, branchId)
  if (!canGrantRoles(caller, grants)) return fail('FORBIDDEN', NO_ROLE)
  const before = members.filter((p) => p._id !== personId && isSecretaryOf(p, branchId))
  const summary = `任命${person.name}为「${branch.name}」书记${before.length ? `（原书记${before.map((p) => p.name).join('、')}）` : ''}`
  const at = now()
  const told = planOrgChange({
    change: 'secretary',
    personId,
    branchId,
    branchName: branch.name,
    byName: caller.name,
    at,
  })
  await applyChange(
    caller,
    {
      action: 'setSecretary',
      targetIds: [branchId, personId, ...before.map((p) => p._id)],
      summary,
      detail: { beforeNames: before.map((p) => p.name), afterName: person.name },
      at,
    },
    [
      coll('people')
        .doc(personId)
        .update({ data: { grants: _.set(grants) } }),
      ...before.map((p) =>
        coll('people')
          .doc(p._id)
          .update({ data: { grants: _.set(grantsAsMember(p.grants, branchId)) } }),
      ),
    ],
    { told, settings },
  )
  return ok({ id: personId, message: `已${summary}`, moved: {} })
}

/**
 * The group's leader (组长), one of its branch's members (moved into the group), or nobody. The organisation is
 * read with the caller; then the new and the old leader together (their names go into the record) and the new
 * one's settings; then the writes: 3 round trips.
 */
export const setGroupLeader = readingEarly<'org', 'setGroupLeader'>()(
  () => readOrg(),
  async ({ groupId, personId }, { caller, early: { units, groups } }) => {
    const group = groups.find((g) => g._id === groupId)
    if (!group) return fail('NOT_FOUND', '党小组不存在')
    const [found, settings] = await Promise.all([
      getPeopleByIds([...new Set([personId, group.leaderId].filter((id): id is string => !!id))]),
      settingsOf(personId ? [personId] : []),
    ])
    const person = personId ? found.find((p) => p._id === personId) : undefined
    const previous = group.leaderId ? found.find((p) => p._id === group.leaderId) : undefined
    if (personId && !person) return fail('NOT_FOUND', '没有这位党员')
    if (person && person.branchId !== group.branchId)
      return fail('CONFLICT', `${person.name}不在本支部：请先把其调入本支部`)
    if (group.leaderId === personId) return fail('CONFLICT', '组长未改变')
    const at = now()
    const summary = person
      ? `任命${person.name}为党小组「${group.name}」组长`
      : `党小组「${group.name}」暂不设组长`
    const told = person
      ? planOrgChange({
          change: 'group_leader',
          personId: person._id,
          groupId,
          groupName: group.name,
          branchName: units.find((u) => u._id === group.branchId)?.name ?? '',
          byName: caller.name,
          at,
        })
      : []
    await applyChange(
      caller,
      {
        action: 'setGroupLeader',
        targetIds: [groupId, ...(personId ? [personId] : [])],
        summary,
        detail: {
          before: group.leaderId,
          beforeName: previous?.name ?? null,
          afterName: person?.name ?? null,
        },
        at,
      },
      [
        coll('groups')
          .doc(groupId)
          .update({ data: { leaderId: personId } }),
        person && person.groupId !== groupId
          ? coll('people')
              .doc(person._id)
              .update({ data: { groupId, branchHistory: _.push([stintOf(person, at)]) } })
          : null,
      ],
      { told, settings },
    )
    return ok({ id: groupId, message: `已${summary}`, moved: {} })
  },
)

/**
 * A person moves to another branch (or group): their roles in the branch they leave stay behind, a secretary
 * names a successor there, and where they were is kept (branchHistory; their check-ins stay with their projects).
 */
export const movePerson: Handler<'org', 'movePerson'> = async (
  { personId, branchId, groupId, successorId },
  { caller },
) => {
  const [{ units, groups }, found, secretaries] = await Promise.all([
    readOrg(),
    getPeopleByIds(successorId ? [personId, successorId] : [personId]),
    listSecretariesOf(branchId),
  ])
  const person = found.find((p) => p._id === personId)
  if (!person) return fail('NOT_FOUND', '没有这位党员')
  const to = units.find((u) => u._id === branchId)
  if (!to) return fail('NOT_FOUND', '支部不存在')
  if (to.kind !== 'branch') return fail('CONFLICT', '党员只能调入党支部')
  const group = groupId === null ? null : groups.find((g) => g._id === groupId)
  if (group === undefined) return fail('NOT_FOUND', '党小组不存在')
  if (group && group.branchId !== branchId)
    return fail('CONFLICT', `党小组「${group.name}」不属于「${to.name}」`)
  if (person.branchId === branchId && person.groupId === groupId)
    return fail('CONFLICT', `${person.name}已在「${to.name}」${group ? `「${group.name}」` : ''}`)
  const changesBranch = person.branchId !== branchId
  const leaving = changesBranch && person.branchId !== null
  const leads = leaving && isSecretaryOf(person, person.branchId as string)
  const successor = successorId ? found.find((p) => p._id === successorId) : undefined
  if (leads && !successorId) return fail('CONFLICT', `${person.name}是支部书记：调出前请指定本支部的继任书记`)
  if (successorId && !leads) return fail('CONFLICT', '只有支部书记调出本支部时才需要指定继任者')
  if (successorId && (!successor || successor._id === personId || successor.branchId !== person.branchId))
    return fail('CONFLICT', '继任书记须是原支部的另一位党员')
  const grants = changesBranch ? grantsAfterMove(person.grants, branchId) : person.grants
  const successorGrants = successor ? grantsAsSecretary(successor.grants, person.branchId as string) : null
  if (!canGrantRoles(caller, [...grants, ...(successorGrants ?? [])])) return fail('FORBIDDEN', NO_ROLE)
  const at = now()
  const fromName = units.find((u) => u._id === person.branchId)?.name ?? '（无支部）'
  const summary = `${person.name}从「${fromName}」调至「${to.name}」${group ? `「${group.name}」` : ''}${successor ? `，${successor.name}继任书记` : ''}`
  const ledGroups = groups.filter((g) => g.leaderId === personId && g._id !== groupId)
  const told = planOrgChange({
    change: 'moved',
    personId,
    personName: person.name,
    fromName,
    branchId,
    branchName: to.name,
    groupName: group?.name ?? null,
    // Told of a new member only when one joins their branch.
    secretaryIds: changesBranch
      ? secretaries.filter((p) => isSecretaryOf(p, branchId)).map((p) => p._id)
      : [],
    successor: successor ? { id: successor._id, branchId: person.branchId as string } : null,
    byName: caller.name,
    at,
  })
  await Promise.all([
    // The recipients' settings, then their notices, beside the move's own writes.
    settingsOf([...new Set(told.map((t) => t.personId))]).then((settings) => notify(told, settings, at)),
    coll('people')
      .doc(personId)
      .update({
        data: { branchId, groupId, grants: _.set(grants), branchHistory: _.push([stintOf(person, at)]) },
      }),
    successor && successorGrants
      ? coll('people')
          .doc(successor._id)
          .update({ data: { grants: _.set(successorGrants) } })
      : null,
    ...ledGroups.map((g) =>
      coll('groups')
        .doc(g._id)
        .update({ data: { leaderId: null } }),
    ),
    changesBranch ? reindex([{ ...person, branchId }], [], new Map(units.map((u) => [u._id, u.name]))) : null,
    askFullRollup(),
    audit(
      caller,
      'movePerson',
      [
        personId,
        ...(person.branchId ? [person.branchId] : []),
        branchId,
        ...(successor ? [successor._id] : []),
      ],
      summary,
      { from: stintOf(person, at), to: { branchId, groupId } },
      at,
    ),
  ])
  return ok({ id: personId, message: `已将${summary}`, moved: {} })
}
