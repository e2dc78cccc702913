import { recountCheckins } from '../../../domain/checkin-counts'
import { fileIdProblem, EVIDENCE_EXTENSIONS, PHOTO_EXTENSIONS } from '../../../domain/files'
import { canCheckIn } from '../../../domain/milestones'
import { buildDemoCheckins } from '../checkins'
import { buildDemoOrg } from '../org'
import { buildDemoLifecycle } from '../projects'

const now = new Date('2026-11-25T04:00:00Z')
const org = buildDemoOrg()
const life = buildDemoLifecycle(org.people, now)
const loop = buildDemoCheckins(life.projects, life.milestones, org.people, now)

describe('demo daily loop', () => {
  it('leaves one submission waiting in each running project, one on its second round', () => {
    const waiting = loop.milestones.filter((m) => m.status === 'submitted')
    const running = life.projects.filter((p) => p.status === 'in_progress').map((p) => p._id)
    expect(waiting.map((m) => m.projectId).sort()).toEqual(running.sort())
    expect(waiting.find((m) => m._id === 'prj-001-m3')).toMatchObject({ round: 2, submittedBy: 'p004' })
    for (const m of waiting) expect(m.submittedBy).toBe(m.ownerId)
  })

  it('has one milestone back with its owner, with the comment', () => {
    const back = loop.milestones.filter((m) => m.status === 'returned')
    expect(back).toEqual([
      expect.objectContaining({ _id: 'prj-014-m3', lastComment: expect.stringMatching(/.+/) }),
    ])
  })

  it('keeps a submission and a decision on record for every decided milestone', () => {
    for (const m of loop.milestones.filter((x) => x.status === 'approved')) {
      const steps = loop.records.filter((r) => r.milestoneId === m._id).map((r) => r.action)
      expect(steps).toEqual(['submit', 'approve'])
    }
  })

  it('has check-ins only by people allowed to, with their own photos, and counters equal to a recount', () => {
    expect(loop.checkins.length).toBeGreaterThan(20)
    for (const c of loop.checkins) {
      const project = life.projects.find((p) => p._id === c.projectId)
      const task = project?.tasks.find((t) => t.id === c.taskId)
      expect(task && canCheckIn({ _id: c.personId, branchId: null, grants: [] }, task, [])).toBe(true)
      for (const p of c.photos) expect(fileIdProblem(p, 'local', c.personId, PHOTO_EXTENSIONS)).toBeNull()
    }
    for (const m of loop.milestones) {
      for (const e of m.evidence) expect(fileIdProblem(e, 'local', m.ownerId, EVIDENCE_EXTENSIONS)).toBeNull()
    }
    expect({ stats: loop.stats, counts: loop.counts }).toEqual(recountCheckins(loop.checkins))
    expect(loop.stats.some((s) => s.streak >= 4)).toBe(true)
  })

  it('brings a file for every photo and piece of evidence it names', () => {
    const named = new Set([
      ...loop.checkins.flatMap((c) => c.photos),
      ...loop.milestones.flatMap((m) => m.evidence),
    ])
    const stored = new Set(loop.files.map((f) => `cloud://local.localcloud/${f.cloudPath}`))
    expect([...named].filter((id) => !stored.has(id))).toEqual([])
    expect(loop.files.every((f) => f.content.subarray(1, 4).toString() === 'PNG')).toBe(true)
  })
})

describe('demo streaks', () => {
  // Seeded ten minutes after midnight in China, "today minus an hour" would be yesterday.
  it.each(['2026-11-24T16:10:00Z', '2026-11-25T04:00:00Z', '2026-11-25T15:59:00Z'])(
    'gives p004 check-ins on exactly the last four days when seeded at %s',
    (at) => {
      const seededAt = new Date(at)
      const seededLife = buildDemoLifecycle(org.people, seededAt)
      const seeded = buildDemoCheckins(seededLife.projects, seededLife.milestones, org.people, seededAt)
      const days = [...new Set(seeded.checkins.filter((c) => c.personId === 'p004').map((c) => c.day))].sort()
      const expected = [3, 2, 1, 0].map((back) =>
        new Date(seededAt.getTime() + 8 * 3600_000 - back * 86400_000).toISOString().slice(0, 10),
      )
      expect(days).toEqual(expected)
      for (const c of seeded.checkins) expect(c.at.getTime()).toBeLessThanOrEqual(seededAt.getTime())
    },
  )
})
