import { chinaDay } from '../../../domain/checkins'
import { audienceKeys, canReadLecture } from '../../../domain/lecture-permissions'
import { studyId } from '../../../domain/lectures'
import { isCommittee, secretaryBranches } from '../../../domain/roles'
import type { Person } from '../../../types/entities'
import type { Lecture, LectureStudy } from '../../../types/entities-community'
import type { LectureListItem } from '../../../types/functions/lectures'
import { fail, ok } from '../../../types/result'
import type { Result } from '../../../types/result'
import { cursorAfter, parseCursor } from '../../_shared/group-views'
import { toListItem } from '../../_shared/lecture-views'
import type { PageMark } from '../../_shared/repositories/groups'
import {
  getLectures,
  getStudies,
  listFinished,
  listListings,
  listManaged,
} from '../../_shared/repositories/lectures'
import type { FileLinks } from '../../_shared/file-links'
import type { Handler } from '../../_shared/router'

type Page = { items: LectureListItem[]; nextCursor: string | null }

/** The items of a page, in the order of `ids`, with the caller's study of each. */
async function assemble(
  ids: string[],
  caller: Person,
  known: Lecture[] | null,
  studies: LectureStudy[] | null,
): Promise<LectureListItem[]> {
  const [lectures, mine] = await Promise.all([
    known ?? getLectures(ids),
    studies ?? getStudies(ids.map((id) => studyId(id, caller._id))),
  ])
  const byId = new Map(lectures.map((l) => [l._id, l]))
  const studyOf = new Map(mine.map((s) => [s.lectureId, s]))
  const today = chinaDay(new Date())
  return ids.flatMap((id) => {
    const l = byId.get(id)
    return l ? [toListItem(l, studyOf.get(id) ?? null, today)] : []
  })
}

/** A page of `limit` from `rows` read with one extra: the cursor after the last one shown, if there are more. */
function pageOf<T>(rows: T[], limit: number, mark: (row: T) => string) {
  const shown = rows.slice(0, limit)
  const last = shown[shown.length - 1]
  return { shown, nextCursor: rows.length > limit && last !== undefined ? mark(last) : null }
}

async function audiencePage(
  caller: Person,
  requiredOnly: boolean,
  before: PageMark | null,
  limit: number,
  links: FileLinks,
) {
  const rows = await listListings(audienceKeys(caller), requiredOnly, before, limit + 1)
  const { shown, nextCursor } = pageOf(rows, limit, (r) => cursorAfter(r.publishedAt, r._id))
  // The covers' links travel with the lectures' reads.
  links.prefetch(shown.map((r) => r.cover))
  // A member of two branches a lecture is for finds it twice: it is shown once.
  const ids = [...new Set(shown.map((r) => r.lectureId))]
  return { items: await assemble(ids, caller, null, null), nextCursor }
}

async function finishedPage(caller: Person, before: PageMark | null, limit: number) {
  const rows = await listFinished(caller._id, before, limit + 1)
  const { shown, nextCursor } = pageOf(rows, limit, (s) => cursorAfter(s.completedAt ?? s.updatedAt, s._id))
  const items = await assemble(
    shown.map((s) => s.lectureId),
    caller,
    null,
    shown,
  )
  return { items, nextCursor }
}

async function managePage(
  caller: Person,
  before: PageMark | null,
  limit: number,
  links: FileLinks,
): Promise<Result<Page>> {
  const branches = secretaryBranches(caller)
  if (!isCommittee(caller) && branches.length === 0) {
    return fail('FORBIDDEN', '只有支部书记和党委可以管理微讲坛')
  }
  const rows = await listManaged(isCommittee(caller) ? null : branches, before, limit + 1)
  const { shown, nextCursor } = pageOf(rows, limit, (l) => cursorAfter(l.updatedAt, l._id))
  links.prefetch(shown.map((l) => l.cover))
  const items = await assemble(
    shown.filter((l) => canReadLecture(caller, l)).map((l) => l._id),
    caller,
    shown,
    null,
  )
  return ok({ items, nextCursor })
}

/**
 * 微讲坛: one indexed range read per page past the cursor (never a skip), then the lectures and the caller's
 * study records by id. `new` and `required` read the listings of the caller's audience keys (the whole
 * company and their branches), so a lecture for other branches never comes near the caller.
 */
export const list: Handler<'lectures', 'list'> = async ({ tab, cursor, limit }, { caller, links }) => {
  const before = cursor ? parseCursor(cursor) : null
  switch (tab) {
    case 'new':
      return ok(await audiencePage(caller, false, before, limit, links))
    case 'required':
      return ok(await audiencePage(caller, true, before, limit, links))
    case 'finished':
      return ok(await finishedPage(caller, before, limit))
    case 'manage':
      return managePage(caller, before, limit, links)
  }
}
