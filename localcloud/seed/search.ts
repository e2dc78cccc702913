import {
  lectureSearchable,
  personSearchable,
  postSearchable,
  projectSearchable,
  searchKeyDocs,
  type SearchKeyDoc,
} from '../../domain/search'
import type { OrgUnit, PartyGroup, Person, Project } from '../../types/entities'
import type { GroupPost, Lecture } from '../../types/entities-community'

/** The search index of a seeded company, as the functions write it when these things are saved. */
export function buildSearchKeys(
  units: OrgUnit[],
  groups: PartyGroup[],
  people: Person[],
  projects: Project[],
  lectures: Lecture[],
  posts: GroupPost[],
): SearchKeyDoc[] {
  const unitName = new Map(units.map((u) => [u._id, u.name]))
  const groupName = new Map(groups.map((g) => [g._id, g.name]))
  return [
    ...projects.map(projectSearchable),
    ...people.map((p) => personSearchable(p, (p.branchId && unitName.get(p.branchId)) || '')),
    ...lectures.filter((l) => l.status === 'published').map(lectureSearchable),
    ...posts.filter((p) => !p.withdrawn).map((p) => postSearchable(p, groupName.get(p.groupId) ?? '')),
  ].flatMap(searchKeyDocs)
}
