import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import type { ActionInput, ActionName } from '../../../types/api'
import { data } from '../../projects/__tests__/helpers'

// Demo: p057 is on the committee; p001 is 运维部's secretary.
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

const org = <A extends ActionName<'org'>>(who: string, action: A, payload: ActionInput<'org', A>) =>
  cloud.call(as[who], 'org', action, payload)

describe('组织管理操作记录', () => {
  it('reads every change back newest first, with who, when and before/after in names, a page at a time', async () => {
    data(await org('p057', 'renameUnit', { unitId: 'b-renzi', name: '人力资源部党支部' }))
    data(await org('p057', 'moveUnit', { unitId: 'b-diaokong', parentId: 'g-gongdiansuo' }))
    data(await org('p057', 'mergeUnits', { fromId: 'b-renzi', intoId: 'b-anzhi' }))
    for (let k = 0; k < 20; k++)
      data(await org('p057', 'createGroup', { branchId: 'b-yunwei', name: `运维部第${k + 3}党小组` }))

    const first = data(await org('p057', 'auditLog', {}))
    expect(first.items).toHaveLength(20)
    expect(first.items[0]).toMatchObject({
      label: '新建党小组',
      summary: expect.stringContaining('运维部第22党小组'),
      actorName: expect.any(String),
      before: '（无）',
      after: '运维部第22党小组',
    })
    expect(first.nextCursor).not.toBeNull()
    const second = data(await org('p057', 'auditLog', { cursor: first.nextCursor! }))
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items]
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length)
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse())
    expect(second.items.map((e) => [e.label, e.before, e.after])).toEqual([
      [
        '合并组织',
        '人力资源部党支部、安质部党支部',
        expect.stringMatching(/^安质部党支部（\d+ 名党员转入）$/),
      ],
      ['调整隶属', '隶属 示范供电公司党委', '隶属 供电所联合党总支'],
      ['组织更名', '人资党支部', '人力资源部党支部'],
    ])
    expect(second.items.length).toBe(cloud.db.count('org_events') - 20)
  })

  it('refuses everyone but the committee before the input, and a bad cursor in words', async () => {
    expect(await org('p001', 'auditLog', { cursor: 'x' } as never)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await org('p057', 'auditLog', { cursor: '12ab' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      issues: [expect.objectContaining({ message: '翻页位置无效' })],
    })
  })

  it('says how many there are to reindex, so the page can show progress', async () => {
    const res = data(await org('p057', 'reindexSearch', { kind: 'project' }))
    expect(res.total).toBe(cloud.db.count('projects'))
    expect(res.indexed).toBe(Math.min(200, res.total))
  })
})
