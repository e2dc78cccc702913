import type { LocalDatabase } from '../db'
import { buildDemoOrg } from './org'
import { buildDemoProjects } from './projects'

export { demoOpenid } from './org'

const META = '_meta'
const SEED_ID = 'demo-seed'

/** Seeds the demo company once; a database that already holds it is left as it is. */
export function seedDemo(
  db: LocalDatabase,
  now = new Date(),
): { seeded: boolean; people: number; projects: number } {
  if (db.count(META, { _id: SEED_ID }) > 0)
    return { seeded: false, people: db.count('people'), projects: db.count('projects') }
  const org = buildDemoOrg()
  const projects = buildDemoProjects(org.people, now)
  db.insertMany('org_units', org.units as unknown as Record<string, unknown>[])
  db.insertMany('groups', org.groups as unknown as Record<string, unknown>[])
  db.insertMany('people', org.people as unknown as Record<string, unknown>[])
  db.insertMany('projects', projects as unknown as Record<string, unknown>[])
  db.insertMany(META, [{ _id: SEED_ID, at: now, version: 1 }])
  return { seeded: true, people: org.people.length, projects: projects.length }
}
