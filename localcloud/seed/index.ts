import type { LocalDatabase } from '../db'
import type { LocalStorage } from '../storage'
import { buildDemoCheckins } from './checkins'
import { buildDemoCommunity, insertDemoCommunity } from './community'
import { buildDemoDashboards } from './dashboards'
import { buildDemoGuide } from './guide'
import { buildDemoOrg } from './org'
import { buildDemoLifecycle } from './projects'
import { buildSearchKeys } from './search'
import { buildDemoAssignments, buildDemoTopTen } from './supervision'

export { demoOpenid } from './org'

const META = '_meta'
const SEED_ID = 'demo-seed'

const rows = <T extends object>(docs: T[]) => docs as unknown as Record<string, unknown>[]

/**
 * Seeds the demo company once; a database that already holds it is left as it is. With `storage`, the
 * demo's photos are stored too, so its check-ins and evidence show real images.
 */
export function seedDemo(
  db: LocalDatabase,
  now = new Date(),
  storage?: Pick<LocalStorage, 'upload'>,
): { seeded: boolean; people: number; projects: number } {
  if (db.count(META, { _id: SEED_ID }) > 0)
    return { seeded: false, people: db.count('people'), projects: db.count('projects') }
  const org = buildDemoOrg()
  const life = buildDemoLifecycle(org.people, now)
  const loop = buildDemoCheckins(life.projects, life.milestones, org.people, now)
  const choice = buildDemoGuide(org.people, life.projects, now)
  // Each sent version took up the problems its project is linked to.
  const linked = new Map(life.projects.map((p) => [p._id, p.problemIds ?? []]))
  for (const v of life.proposalVersions) v.problemIds = [...(linked.get(v.projectId) ?? [])]
  db.insertMany('org_units', rows(org.units))
  db.insertMany('groups', rows(org.groups))
  db.insertMany('people', rows(org.people))
  db.insertMany('projects', rows(life.projects))
  db.insertMany('milestones', rows(loop.milestones))
  db.insertMany('project_events', rows(life.events))
  db.insertMany('proposal_versions', rows(life.proposalVersions))
  db.insertMany('survey_rounds', rows([choice.round]))
  db.insertMany('survey_problems', rows(choice.problems))
  db.insertMany('proposal_guides', rows([choice.guide]))
  db.insertMany('ratings', rows(life.ratings))
  db.insertMany('milestone_submissions', rows(loop.records))
  db.insertMany('checkins', rows(loop.checkins))
  db.insertMany('checkin_stats', rows(loop.stats))
  db.insertMany('checkin_counts', rows(loop.counts))
  for (const f of storage ? loop.files : []) storage?.upload(f.cloudPath, f.content)
  const community = buildDemoCommunity(org.units, org.groups, org.people, now)
  insertDemoCommunity(db, community, storage)
  const dashboards = buildDemoDashboards(org, life.projects, loop, community.totals, now)
  db.insertMany('dashboard_rollups', rows([...dashboards.rollups, ...dashboards.leagues, dashboards.run]))
  db.insertMany('dashboard_overdue', rows(dashboards.overdue))
  db.insertMany('supervision_assignments', rows(buildDemoAssignments(org.people, now)))
  db.insertMany('top_ten_selections', rows(buildDemoTopTen(life.projects, org.people)))
  db.insertMany(
    'search_keys',
    rows(
      buildSearchKeys(org.units, org.groups, org.people, life.projects, community.lectures, community.posts),
    ),
  )
  db.insertMany(META, [{ _id: SEED_ID, at: now, version: 1 }])
  return { seeded: true, people: org.people.length, projects: life.projects.length }
}
