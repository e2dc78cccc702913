import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { SearchView } from '../../../types/api'
import type { Result } from '../../../types/result'

// Demo ids: p001 secretary of 运维部 (group b-yunwei-g1), p002 a member there (same group), p008 secretary of
// 营销部, p057 committee. prj-001 运维部 "党员干部施工项目全程负责制", prj-002 营销部, prj-014 东部 "农村供电服务党员连心卡".
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

async function search(
  who: string,
  q: string,
  more: { kind?: 'project' | 'person' | 'lecture' | 'post'; page?: number } = {},
) {
  const res: Result<SearchView> = await cloud.call(as[who], 'org', 'search', { q, ...more })
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`)
  return res.data
}
const ids = (view: SearchView, kind: string) =>
  view.sections.find((s) => s.kind === kind)?.hits.map((h) => h.id) ?? []

describe('org.search', () => {
  it('finds projects by title, slogan and branch within the caller’s branch; the committee in all', async () => {
    expect(ids(await search('p002', '施工'), 'project')).toEqual(['prj-001'])
    expect(ids(await search('p002', '一票直达'), 'project')).toEqual(['prj-001'])
    expect(ids(await search('p002', '运维部'), 'project')).toEqual(
      expect.arrayContaining(['prj-001', 'prj-009']),
    )
    // 连心卡 is 东部供电所's: not for a 运维部 member, found by the committee.
    const member = await search('p002', '连心卡')
    expect(ids(member, 'project')).toEqual([])
    expect(member.notice).toBe('没有找到与「连心卡」相关的项目、党员、微党课或动态')
    const committee = await search('p057', '连心卡')
    expect(committee.sections[0]).toMatchObject({
      kind: 'project',
      label: '项目',
      hits: [
        {
          kind: 'project',
          id: 'prj-014',
          title: '农村供电服务党员连心卡',
          sub: expect.stringContaining('一张卡片连民心'),
        },
      ],
    })
  })

  it('finds people by name only where the caller may see them, and never shows a phone', async () => {
    const own = await search('p002', '周晓东')
    expect(ids(own, 'person')).toEqual(['p001'])
    expect(JSON.stringify(own)).not.toMatch(/1[3-9]\d{9}/)
    expect(ids(await search('p002', '黄亚楠'), 'person')).toEqual([])
    expect(ids(await search('p057', '黄亚楠'), 'person')).toEqual(['p008'])
  })

  it('finds lectures published to the caller and their own group’s posts, not withdrawn ones', async () => {
    expect(ids(await search('p002', '二十大'), 'lecture')).toEqual(['lec-001'])
    expect(ids(await search('p002', '无违章'), 'lecture')).toEqual(['lec-002'])
    expect(ids(await search('p008', '无违章'), 'lecture')).toEqual([])
    // A draft lecture is not found.
    expect(ids(await search('p057', '践诺'), 'lecture')).toEqual([])
    expect(ids(await search('p002', '社区志愿服务'), 'post')).toEqual(['gp-demo-b-yunwei-g1-4'])
    expect(ids(await search('p002', '发错了群'), 'post')).toEqual([])
    // Another group's post: the member is not in it, their secretary leads every group of the branch.
    expect(ids(await search('p002', '走访辖区'), 'post')).toEqual([])
    expect(ids(await search('p001', '走访辖区'), 'post')).toEqual(['gp-demo-b-yunwei-g2-0'])
    expect(ids(await search('p057', '走访辖区'), 'post')).toEqual([])
  })

  it('answers a symbols-only or a 200-character query in words, never an error', async () => {
    expect(await search('p002', '！@#￥%……&*（）——+')).toEqual({
      query: '',
      notice: '请输入文字或数字：只有符号无法搜索',
      sections: [],
    })
    expect(await search('p002', '   ')).toMatchObject({ notice: '请输入要搜索的内容', sections: [] })
    const long = await search('p002', '施工'.repeat(100))
    expect(long.query).toHaveLength(30)
    expect(long.notice).toBe('搜索内容较长，只按前 30 个字搜索')
    expect(long.sections).toEqual([])
    // Full-width letters and case fold as the index does.
    expect(ids(await search('p057', '４４０'), 'project')).toEqual(['prj-009'])
  })

  it('finds a draft as soon as it is saved, and by its new title once renamed', async () => {
    const made = await cloud.call(as.p001, 'projects', 'saveDraft', {
      title: '配网抢修党员突击队',
      slogan: '抢修有我',
    })
    if (!made.ok) throw new Error(made.message)
    const id = made.data.id
    expect(ids(await search('p002', '抢修党员'), 'project')).toEqual([id])
    await cloud.call(as.p001, 'projects', 'saveDraft', { id, title: '带电作业党员先锋队' })
    expect(ids(await search('p002', '抢修党员'), 'project')).toEqual([])
    expect(ids(await search('p002', '带电作业'), 'project')).toEqual([id])
    // …and by its slogan still.
    expect(ids(await search('p002', '抢修有我'), 'project')).toEqual([id])
  })

  it('pages one kind, each thing once, in at most three round trips', async () => {
    const first = await cloud.callTraced(as.p057, 'org', 'search', { q: '党', kind: 'project' })
    expect(first.roundTrips).toBeLessThanOrEqual(3)
    if (!first.result.ok) throw new Error(first.result.message)
    const page0 = first.result.data.sections[0]
    expect(page0.hits.length).toBeGreaterThan(0)
    expect(new Set(page0.hits.map((h) => h.id)).size).toBe(page0.hits.length)
    const overview = await cloud.callTraced(as.p001, 'org', 'search', { q: '党员' })
    expect(overview.roundTrips).toBeLessThanOrEqual(3)
    if (!overview.result.ok) throw new Error(overview.result.message)
    expect(overview.result.data.sections.length).toBeGreaterThan(1)
    expect(overview.result.data.sections.every((s) => s.hits.length > 0)).toBe(true)
    let page = 0
    const seen: string[] = []
    for (;;) {
      const view = await search('p057', '党', { kind: 'project', page })
      seen.push(...(view.sections[0]?.hits.map((h) => h.id) ?? []))
      if (!view.sections[0]?.more) break
      page++
    }
    const all = cloud.db
      .find('projects', {})
      .filter((p) => /党/.test(`${p.title} ${p.slogan} ${p.branchName}`))
    expect(new Set(seen)).toEqual(new Set(all.map((p) => p._id)))
  })

  it('finds people a roster import brings in', async () => {
    const res = await cloud.call(as.p057, 'org', 'importRoster', {
      rows: [{ row: 2, name: '欧阳新苗', phone: '13900007777', branch: '运维部党支部', title: '检修工' }],
      commit: true,
    })
    expect(res).toMatchObject({ ok: true, data: { committed: true } })
    expect(ids(await search('p002', '欧阳'), 'person')).toHaveLength(1)
    expect(ids(await search('p008', '欧阳'), 'person')).toEqual([])
  })
})
