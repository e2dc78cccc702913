import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { data, IN_PROGRESS } from './helpers'

// p001 secretary of 运维部, p005 a member on prj-001 (owner of prj-001-m4).
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p005']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('the project timeline', () => {
  it('shows milestone reviews and check-ins beside the state changes, newest first', async () => {
    const page = data(await cloud.call(as.p005, 'projects', 'get', { id: IN_PROGRESS }))
    const approvals = page.work.filter((w) => w.kind === 'milestone' && w.action === 'approve')
    const checkins = page.work.filter((w) => w.kind === 'checkin')
    expect(approvals.length).toBe(
      cloud.db.count('milestone_submissions', { projectId: IN_PROGRESS, action: 'approve' }),
    )
    expect(approvals[0].title).not.toBe('')
    expect(checkins.length).toBe(Math.min(30, cloud.db.count('checkins', { projectId: IN_PROGRESS })))
    expect(checkins[0]).toMatchObject({
      action: null,
      actorName: expect.any(String),
      comment: expect.any(String),
    })
    const times = page.work.map((w) => new Date(w.at).getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('adds a new check-in and a milestone approval as they happen', async () => {
    const before = data(await cloud.call(as.p005, 'projects', 'get', { id: IN_PROGRESS })).work
    const project = data(await cloud.call(as.p005, 'projects', 'get', { id: IN_PROGRESS }))
    const task = project.tasks.find((t) => t.assignees.some((a) => a.id === 'p005')) ?? project.tasks[0]
    data(
      await cloud.call(as.p005, 'checkins', 'create', {
        requestId: 'timeline-checkin-1',
        projectId: IN_PROGRESS,
        taskId: task.id,
        text: '走访用户 LongLatinWordWithoutSpacesToWrapInsideTheCard',
        photos: [],
      } as never),
    )
    const after = data(await cloud.call(as.p005, 'projects', 'get', { id: IN_PROGRESS })).work
    expect(after.filter((w) => w.kind === 'checkin').map((w) => w.comment)).toContain(
      '走访用户 LongLatinWordWithoutSpacesToWrapInsideTheCard',
    )
    expect(after.length).toBeGreaterThanOrEqual(Math.min(before.length, 79))
  })
})
