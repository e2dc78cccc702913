import type { LocalDatabase } from '../db'
import { buildDemoOrg } from './org'
import { buildDemoLifecycle } from './projects'

export { demoOpenid } from './org'

const META = '_meta'
const SEED_ID = 'demo-seed'

const rows = <T extends object>(docs: T[]) => docs as unknown as Record<string, unknown>[]

/** Seeds the demo company once; a database that already holds it is left as it is. */
export function seedDemo(
  db: LocalDatabase,
  now = new Date(),
): { seeded: boolean; people: number; projects: number } {
  if (db.count(META, { _id: SEED_ID }) > 0)
    return { seeded: false, people: db.count('people'), projects: db.count('projects') }
  const org = buildDemoOrg()
  const life = buildDemoLifecycle(org.people, now)
  db.insertMany('org_units', rows(org.units))
  db.insertMany('groups', rows(org.groups))
  db.insertMany('people', rows(org.people))
  db.insertMany('projects', rows(life.projects))
  db.insertMany('milestones', rows(life.milestones))
  db.insertMany('project_events', rows(life.events))
  db.insertMany('proposal_versions', rows(life.proposalVersions))
  db.insertMany('ratings', rows(life.ratings))
  db.insertMany(META, [{ _id: SEED_ID, at: now, version: 1 }])
  return { seeded: true, people: org.people.length, projects: life.projects.length }
}
