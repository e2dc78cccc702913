import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'

let cloud: TestCloud
const cookies: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p002', 'p057']) cookies[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('projects.list', () => {
  it('gives a member their own branch, newest activity first', async () => {
    const res = await cloud.call(cookies.p002, 'projects', 'list', {})
    if (!res.ok) throw new Error(res.code)
    expect(res.data.items.map((p) => p.title)).toEqual([
      '党员干部施工项目全程负责制',
      '打造“440”精品“党员先锋岗”',
    ])
    expect(res.data.items.every((p) => p.branchName === '运维部党支部')).toBe(true)
    expect(res.data).toMatchObject({ total: 2, page: 1, hasMore: false })
  })

  it('refuses a member another branch', async () => {
    const res = await cloud.call(cookies.p002, 'projects', 'list', { branchId: 'b-anzhi' })
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lets the committee filter across branches by status and category', async () => {
    const res = await cloud.call(cookies.p057, 'projects', 'list', { status: 'closed' })
    if (!res.ok) throw new Error(res.code)
    expect(res.data.total).toBe(4)
    expect(new Set(res.data.items.map((p) => p.status))).toEqual(new Set(['closed']))
    const flagship = await cloud.call(cookies.p057, 'projects', 'list', { category: 'flagship', year: 2026 })
    expect(flagship.ok && flagship.data.items.map((p) => p.title).sort()).toEqual(
      ['党员人才双向培养', '打造“440”精品“党员先锋岗”'].sort(),
    )
  })

  it('pages through every project exactly once', async () => {
    const seen: string[] = []
    for (let page = 1; page <= 5; page++) {
      const res = await cloud.call(cookies.p057, 'projects', 'list', { page, pageSize: 4 })
      if (!res.ok) throw new Error(res.code)
      seen.push(...res.data.items.map((p) => p.id))
      if (!res.data.hasMore) break
    }
    expect(seen).toHaveLength(15)
    expect(new Set(seen).size).toBe(15)
  })

  it('refuses a wrong status, a huge page size and unknown fields', async () => {
    const bad = [{ status: 'done' }, { pageSize: 5000 }, { branchId: 'b-anzhi', drop: true }]
    for (const payload of bad) {
      const res = await cloud.post('/fn/projects', JSON.stringify({ action: 'list', payload }), {
        cookie: cookies.p057,
      })
      expect(res.json).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
  })
})
