import { Workbook } from 'exceljs'
import { checkCounters } from '../../../localcloud/counter-check'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'

// Always the `cloud` profile: every request a round trip, and `org` stopped at its 5 s timeout.
let cloud: TestCloud
let committee: string
const ROWS = 2000
const BRANCHES = ['运维部党支部', '营销部党支部', '安质部党支部']

beforeAll(async () => {
  cloud = await startTestCloud({ profile: 'cloud' })
  committee = await cloud.signIn('p057')
})
afterAll(() => cloud.close())

async function rosterFile(changedTitle = ''): Promise<string> {
  const book = new Workbook()
  const sheet = book.addWorksheet('名册')
  sheet.addRow(['姓名', '手机号', '工号', '支部', '党小组', '职务', '角色'])
  for (let i = 0; i < ROWS; i++)
    sheet.addRow([
      `党员${i}`,
      `1360000${String(i).padStart(4, '0')}`,
      `R${i}`,
      BRANCHES[i % 3],
      null,
      i === 7 ? changedTitle : '',
      null,
    ])
  const res = await fetch(`${cloud.url}/files/upload`, {
    method: 'POST',
    headers: {
      cookie: committee,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  })
  return ((await res.json()) as { data: { fileID: string } }).data.fileID
}

describe('a roster of 2,000 members', () => {
  it('commits within the function’s timeout in a handful of round trips, and again changes nothing', async () => {
    const before = cloud.db.count('people')
    const first = await cloud.callTraced(committee, 'org', 'importRoster', {
      fileId: await rosterFile(),
      commit: true,
    })
    expect(first.result).toMatchObject({ ok: true, data: { committed: true, summary: { create: ROWS } } })
    expect(cloud.db.count('people')).toBe(before + ROWS)
    // Was 4,206 sequential requests: now reads, a batch insert per 500 rows, and the record.
    expect(first.roundTrips).toBeLessThanOrEqual(12)

    const again = await cloud.callTraced(committee, 'org', 'importRoster', {
      fileId: await rosterFile(),
      commit: true,
    })
    expect(again.result).toMatchObject({
      ok: true,
      data: { summary: { create: 0, update: 0, unchanged: ROWS } },
    })
    expect(cloud.db.count('people')).toBe(before + ROWS)

    const changed = await cloud.callTraced(committee, 'org', 'importRoster', {
      fileId: await rosterFile('班组长'),
      commit: true,
    })
    expect(changed.result).toMatchObject({ ok: true, data: { summary: { update: 1, unchanged: ROWS - 1 } } })
    expect(cloud.db.find('people', { employeeNo: 'R7' })[0]).toMatchObject({ title: '班组长', openid: '' })

    // npm run check:counters on the imported company after its next roll-up: 全部一致, whatever order the
    // 2,000 new people are stored and read in.
    expect(await cloud.fireTimer('dashboard', 'rollup')).toMatchObject({ ok: true })
    expect(checkCounters(cloud.db).mismatches).toEqual([])
  })
})
