import { PROJECT_CATEGORIES } from '../../types/entities'
import { buildDemoOrg } from '../seed/org'
import { buildDemoProjects } from '../seed/projects'

const org = buildDemoOrg()
const projects = buildDemoProjects(org.people, new Date('2026-11-25T00:00:00Z'))

describe('demo company', () => {
  it('has about 60 people with unique names and ids', () => {
    expect(org.people).toHaveLength(60)
    expect(new Set(org.people.map((p) => p.name)).size).toBe(60)
    expect(new Set(org.people.map((p) => p._id)).size).toBe(60)
  })

  it('has eight branches, each with a secretary and two groups', () => {
    const branches = org.units.filter((u) => u.kind === 'branch')
    expect(branches.map((b) => b.name)).toEqual(
      expect.arrayContaining(['运维部党支部', '营销部党支部', '安质部党支部', '人资党支部', '机关党支部']),
    )
    expect(branches).toHaveLength(8)
    for (const b of branches) {
      const secretaries = org.people.filter((p) =>
        p.grants.some((g) => g.role === 'secretary' && g.branchId === b._id),
      )
      expect(secretaries).toHaveLength(1)
      expect(org.groups.filter((g) => g.branchId === b._id)).toHaveLength(2)
    }
  })

  it('has committee staff', () => {
    expect(org.people.filter((p) => p.grants.some((g) => g.role === 'committee')).length).toBe(4)
  })

  it('has the projects the article names, in all five categories and many states', () => {
    expect(projects.map((p) => p.title)).toEqual(
      expect.arrayContaining(['党员干部施工项目全程负责制', '党员“1+N”安全帮扶法', '党员人才双向培养']),
    )
    expect(new Set(projects.map((p) => p.category))).toEqual(new Set(PROJECT_CATEGORIES))
    expect(new Set(projects.map((p) => p.status)).size).toBeGreaterThanOrEqual(7)
    expect(projects.every((p) => p.ownerId !== '')).toBe(true)
  })
})
