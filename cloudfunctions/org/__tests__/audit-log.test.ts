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

  it('names the secretary and the group leader before and after, as they were when the change was made', async () => {
    const name = (id: string) => (cloud.db.find('people', { _id: id })[0] as { name: string }).name
    const group = cloud.db.find('groups', { branchId: 'b-yunwei' })[0] as { _id: string; leaderId: string }
    const member = cloud.db
      .find('people', { branchId: 'b-yunwei' })
      .find((p) => !['p001', 'p002', group.leaderId].includes(p._id as string)) as {
      _id: string
      name: string
    }
    const [secretary, successor, leader] = [name('p001'), name('p002'), name(group.leaderId)]

    data(await org('p057', 'setSecretary', { branchId: 'b-yunwei', personId: 'p002' }))
    data(await org('p057', 'setGroupLeader', { groupId: group._id, personId: member._id }))
    data(await org('p057', 'setGroupLeader', { groupId: group._id, personId: null }))

    const items = data(await org('p057', 'auditLog', {})).items.slice(0, 3)
    expect(items.map((e) => [e.label, e.before, e.after])).toEqual([
      ['设置组长', member.name, '（无）'],
      ['设置组长', leader, member.name],
      ['任命书记', secretary, successor],
    ])
    expect(items[2].summary).toBe(`任命${successor}为「运维部党支部」书记（原书记${secretary}）`)
  })

  it('shows an older secretary or leader change, recorded with ids only, by its summary alone', async () => {
    const at = new Date(Date.now() + 60_000)
    cloud.db.insertMany('org_events', [
      {
        _id: 'oe-old-secretary',
        action: 'setSecretary',
        actorId: 'p057',
        actorName: '旧记录',
        targetIds: ['b-anzhi', 'p010'],
        summary: '任命某人为「安质部党支部」书记',
        detail: {},
        at,
      },
      {
        _id: 'oe-old-leader',
        action: 'setGroupLeader',
        actorId: 'p057',
        actorName: '旧记录',
        targetIds: ['g-x'],
        summary: '任命某人为党小组「某小组」组长',
        detail: { before: 'p010' },
        at: new Date(at.getTime() + 1000),
      },
    ])
    const old = data(await org('p057', 'auditLog', {})).items.filter((e) => e.actorName === '旧记录')
    expect(old.map((e) => [e.label, e.summary, e.before, e.after])).toEqual([
      ['设置组长', '任命某人为党小组「某小组」组长', null, null],
      ['任命书记', '任命某人为「安质部党支部」书记', null, null],
    ])
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
