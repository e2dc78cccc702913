import { missingProposalFields } from '../../../domain/proposal'
import { planProblems } from '../../../domain/plan'
import { PUBLIC_STATUSES } from '../../../domain/lifecycle'
import { buildDemoOrg } from '../org'
import { buildDemoLifecycle } from '../projects'

const org = buildDemoOrg()
const life = buildDemoLifecycle(org.people, new Date('2026-11-25T00:00:00Z'))
const byTitle = (title: string) => {
  const p = life.projects.find((x) => x.title === title)
  if (!p) throw new Error(`no demo project ${title}`)
  return p
}

describe('demo lifecycle', () => {
  it('gives every project the whole Project shape, with its branch name and version 1', () => {
    const names = new Map(org.units.map((u) => [u._id, u.name]))
    for (const p of life.projects) {
      expect(p.branchName).toBe(names.get(p.branchId))
      expect(p.version).toBe(1)
      expect(Object.keys(p).sort()).toEqual(
        [
          '_id',
          'acceptance',
          'answers',
          'branchId',
          'branchName',
          'category',
          'checklist',
          'createdAt',
          'ownerId',
          'problem',
          'progress',
          'rating',
          'score',
          'slogan',
          'status',
          'submittedBy',
          'tasks',
          'title',
          'updatedAt',
          'version',
          'year',
        ].sort(),
      )
      expect(p.createdAt.getTime()).toBeLessThan(p.updatedAt.getTime())
    }
  })

  it('has a complete proposal everywhere but the draft, which lacks four answers', () => {
    for (const p of life.projects.filter((x) => x.status !== 'draft'))
      expect(missingProposalFields(p)).toEqual([])
    const draft = byTitle('“互联网+党建”网格化服务')
    expect(missingProposalFields(draft).map((m) => m.label)).toEqual([
      '谁来做',
      '怎么做',
      '何时做',
      '做到什么程度',
    ])
  })

  it('gives every project from approval on a plan meeting the 五个明确 and a checklist', () => {
    const planned = life.projects.filter((p) => ['approved', ...PUBLIC_STATUSES].includes(p.status))
    expect(planned).toHaveLength(12)
    for (const p of planned) {
      const own = life.milestones.filter((m) => m.projectId === p._id)
      expect(own.length).toBeGreaterThan(0)
      expect(planProblems(p.tasks, own)).toEqual([])
      expect(p.checklist.length).toBeGreaterThan(0)
      for (const m of own) {
        expect(org.people.find((x) => x._id === m.ownerId)?.branchId).toBe(p.branchId)
        expect(m.deadline?.getUTCFullYear()).toBeGreaterThanOrEqual(p.year)
      }
    }
  })

  it('records each project’s history as events ending at its status', () => {
    for (const p of life.projects) {
      const events = life.events.filter((e) => e.projectId === p._id)
      expect(events[0]).toMatchObject({ action: 'create', from: null, to: 'draft' })
      expect(events[events.length - 1].to).toBe(p.status)
      events.slice(1).forEach((e, k) => expect(e.from).toBe(events[k].to))
    }
    const returned = life.events.filter((e) => e.projectId === byTitle('“党建+新媒体”宣传阵地建设')._id)
    expect(returned[returned.length - 1]).toMatchObject({
      action: 'return',
      comment: expect.stringMatching(/.+/),
    })
  })

  it('leaves the submitted proposal for the committee, sent by its branch secretary', () => {
    const p = byTitle('“党建+安全”调度无差错行动')
    expect(p).toMatchObject({ status: 'submitted', submittedBy: 'p036', branchId: 'b-diaokong' })
    expect(life.proposalVersions.filter((v) => v.projectId === p._id)).toHaveLength(1)
  })

  it('has acceptance for projects under review or closed, and scores and ratings for the closed', () => {
    for (const p of life.projects) {
      const reviewed = ['acceptance_requested', 'closed', 'archived'].includes(p.status)
      const closed = ['closed', 'archived'].includes(p.status)
      expect(p.acceptance !== null).toBe(reviewed)
      expect(p.score !== null).toBe(closed)
      const ratings = life.ratings.filter((r) => r.projectId === p._id)
      expect(p.rating).toEqual({ count: ratings.length, sum: ratings.reduce((s, r) => s + r.score, 0) })
      expect(ratings.length > 0).toBe(closed)
      if (p.score) expect(p.score.total).toBe(Object.values(p.score.scores).reduce((a, b) => a + b, 0))
    }
  })
})
