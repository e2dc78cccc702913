import { defaultGuideContent } from '../../../domain/guide'
import { CATEGORY_LABELS } from '../../../domain/labels'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { G1 } from '../../groups/__tests__/helpers'
import { data, guestCookie } from './helpers'

// Demo: prj-009 is 运维部's 2026 精品党建项目 (flagship), closed; p001 its secretary, p004 a member of group G1,
// which works on it; p057 the committee. 2026's guide is published; the 2025 十佳 year has none.
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p004', 'p057']) as[id] = await cloud.signIn(id)
  as.guest = guestCookie(cloud, 'category-guest')
})
afterAll(() => cloud.close())

/** The committee renames a category in the published guide of a year. */
async function rename(year: number, id: string, label: string) {
  const g = data(await cloud.call(as.p057, 'projects', 'guide', { year })).guide ?? defaultGuideContent(year)
  data(
    await cloud.call(as.p057, 'projects', 'saveGuide', {
      year,
      categories: g.categories.map((c) => (c.id === id ? { ...c, label } : c)),
      focusFields: g.focusFields,
      focus: g.focus,
      opensOn: g.opensOn,
      deadline: g.deadline,
      publish: true,
    }),
  )
}

describe('a project’s category, named as its year’s 选题指南 names it', () => {
  it('on project cards, the project page, the 四公开 page and the group’s projects; other years keep theirs', async () => {
    const before = data(await cloud.call(as.p057, 'projects', 'list', { year: 2026, category: 'flagship' }))
    expect(before.items.map((p) => p.categoryLabel)).toEqual(before.items.map(() => '精品党建项目'))

    await rename(2026, 'flagship', '党建品牌项目')

    // Asked by year (that year's guide) and across years (every year's guide), in the same reads.
    const byYear = data(await cloud.call(as.p057, 'projects', 'list', { year: 2026, category: 'flagship' }))
    expect(byYear.items.length).toBeGreaterThan(0)
    expect(byYear.items.map((p) => p.categoryLabel)).toEqual(byYear.items.map(() => '党建品牌项目'))
    const all = data(await cloud.call(as.p057, 'projects', 'list', { pageSize: 50 }))
    for (const p of all.items) {
      const renamed = p.year === 2026 && p.category === 'flagship'
      expect(p.categoryLabel).toBe(renamed ? '党建品牌项目' : CATEGORY_LABELS[p.category])
    }
    expect(new Set(all.items.map((p) => p.year)).size).toBeGreaterThan(1)
    const mine = data(await cloud.call(as.p001, 'projects', 'list', {}))
    expect(mine.items.find((p) => p.id === 'prj-009')?.categoryLabel).toBe('党建品牌项目')

    expect(data(await cloud.call(as.p001, 'projects', 'get', { id: 'prj-009' }))).toMatchObject({
      category: 'flagship',
      categoryLabel: '党建品牌项目',
    })
    expect(data(await cloud.call(as.guest, 'projects', 'publicGet', { id: 'prj-009' }))).toMatchObject({
      categoryLabel: '党建品牌项目',
    })
    const group = data(await cloud.call(as.p004, 'groups', 'groupProjects', { groupId: G1 })).projects
    expect(group.find((p) => p.id === 'prj-009')?.categoryLabel).toBe('党建品牌项目')
    // The ids never change.
    expect(cloud.db.find('projects', { _id: 'prj-009' })[0].category).toBe('flagship')
  })

  it('in the 十佳 showcase, as the selection’s year names it', async () => {
    const view = data(await cloud.call(as.p001, 'projects', 'showcase', {}))
    expect(view.items.length).toBeGreaterThan(0)
    await rename(view.year ?? 0, view.items[0].category, '改名后的类别')
    const after = data(await cloud.call(as.p001, 'projects', 'showcase', {}))
    expect(after.items[0].categoryLabel).toBe('改名后的类别')
  })
})
