/**
 * Every page that takes an id, opened without it and with one that names nothing: a clear Chinese message, never a
 * blank page, a spinner that never ends, a network error or an exception. The pages come from dist/app.json; the
 * ids a page reads come from its source (`params.xxxId`), so a new page with an id is checked too.
 */
import fs from 'node:fs'
import path from 'node:path'
import { BROKEN, CHINESE, setUpWeappCloud } from './cloud'
import { allRoutes } from './phone'

const w = setUpWeappCloud()

const SRC = path.resolve(__dirname, '..', '..', 'src')
/** The id parameters a page reads: `params.id`, `params.groupId`, `useRouter().params.branchId`… */
function idParams(route: string): string[] {
  const file = ['tsx', 'ts'].map((ext) => path.join(SRC, `${route}.${ext}`)).find((f) => fs.existsSync(f))
  if (!file) return []
  const names = [...fs.readFileSync(file, 'utf8').matchAll(/params\.(\w+)/g)].map((m) => m[1])
  return [...new Set(names.filter((n) => /(^id|Id)$/.test(n)))]
}

/** Filters, not ids: a branch's dashboard, list or members (the caller's own branch without one). */
const FILTERS = new Set(['branchId'])
/** Pages whose id is optional: without one they start something new (a draft proposal, a new lecture). */
const NEW_WITHOUT_ID = new Set(['pages/proposal/index', 'packages/lectures/pages/edit/index'])
const taking = allRoutes()
  .map((route) => ({ route, ids: idParams(route).filter((id) => !FILTERS.has(id)) }))
  .filter((p) => p.ids.length > 0)

/** What a person reads when the link names nothing: it says so. */
const NOTHING_THERE = /不存在|没有找到|找不到|缺少|无效|已删除|没有指定|没有这/

it('finds the pages that take an id', () => {
  expect(taking.map((p) => p.route)).toEqual(
    expect.arrayContaining(['pages/project/index', 'packages/lectures/pages/detail/index']),
  )
})

describe.each(['secretary', 'committee'] as const)('as %s', (role) => {
  it.each(taking)('$route with an unknown id says so in Chinese', async ({ route, ids }) => {
    const query = ids.map((id) => `${id}=nope-404`).join('&')
    const { text } = await w.open(role, route, query)
    expect(text).toMatch(CHINESE)
    expect(text).not.toMatch(BROKEN)
    expect(text).toMatch(NOTHING_THERE)
  })

  it.each(taking.filter((p) => !NEW_WITHOUT_ID.has(p.route)))(
    '$route without its id says so in Chinese',
    async ({ route }) => {
      const { text } = await w.open(role, route)
      expect(text).toMatch(CHINESE)
      expect(text).not.toMatch(BROKEN)
      expect(text).toMatch(NOTHING_THERE)
    },
  )
})
