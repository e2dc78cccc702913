import type { OrgUnit, PartyGroup, Person, RoleGrant } from '../../types/entities'

/** The demo company, shaped after the seed article's branches. All people are fictional. */
export const COMMITTEE_ID = 'u-committee'

const BRANCHES: [id: string, name: string, parentId: string][] = [
  ['b-yunwei', '运维部党支部', COMMITTEE_ID],
  ['b-yingxiao', '营销部党支部', COMMITTEE_ID],
  ['b-anzhi', '安质部党支部', COMMITTEE_ID],
  ['b-renzi', '人资党支部', COMMITTEE_ID],
  ['b-jiguan', '机关党支部', COMMITTEE_ID],
  ['b-diaokong', '调控中心党支部', COMMITTEE_ID],
  ['b-chengqu', '城区供电所党支部', 'g-gongdiansuo'],
  ['b-dongbu', '东部供电所党支部', 'g-gongdiansuo'],
]

const SURNAMES =
  '王李张刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢'
const GIVEN = [
  '建国',
  '海燕',
  '志强',
  '丽娟',
  '文博',
  '晓东',
  '雅琴',
  '振华',
  '春梅',
  '宏伟',
  '秀英',
  '立新',
  '玉兰',
  '国栋',
  '静怡',
  '明远',
  '亚楠',
  '伟民',
  '晓光',
  '淑华',
  '泽宇',
  '红霞',
  '德胜',
  '思琪',
]
const TITLES = [
  '运维检修工',
  '营销专责',
  '安全专责',
  '配电运维工',
  '调度员',
  '客户经理',
  '变电值班员',
  '综合管理员',
]

/** Deterministic fictional name number i (no two alike within the demo). */
const nameAt = (i: number) =>
  SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 5 + Math.floor(i / 24)) % GIVEN.length]

export const demoOpenid = (personId: string) => `demo-openid-${personId}`
const phoneAt = (i: number) => `1390000${String(1000 + i).slice(-4)}`

export interface DemoOrg {
  units: OrgUnit[]
  groups: PartyGroup[]
  people: Person[]
}

export function buildDemoOrg(): DemoOrg {
  const units: OrgUnit[] = [
    { _id: COMMITTEE_ID, kind: 'committee', name: '示范供电公司党委', parentId: null, order: 0 },
    {
      _id: 'g-gongdiansuo',
      kind: 'general_branch',
      name: '供电所联合党总支',
      parentId: COMMITTEE_ID,
      order: 70,
    },
    ...BRANCHES.map(([id, name, parentId], i): OrgUnit => ({
      _id: id,
      kind: 'branch',
      name,
      parentId,
      order: (i + 1) * 10,
    })),
  ]
  const groups: PartyGroup[] = []
  const people: Person[] = []
  let n = 0
  const person = (branchId: string, groupId: string, title: string, extra: RoleGrant[]): Person => {
    n += 1
    const id = `p${String(n).padStart(3, '0')}`
    return {
      _id: id,
      openid: demoOpenid(id),
      name: nameAt(n),
      phone: phoneAt(n),
      branchId,
      groupId,
      title,
      grants: [{ role: 'member', branchId }, ...extra],
    }
  }
  for (const [bi, [branchId, branchName]] of BRANCHES.entries()) {
    const short = branchName.replace('党支部', '')
    const gids = [1, 2].map((k) => `${branchId}-g${k}`)
    gids.forEach((gid, k) =>
      groups.push({ _id: gid, branchId, name: `${short}第${k === 0 ? '一' : '二'}党小组`, leaderId: null }),
    )
    people.push(person(branchId, gids[0], '党支部书记', [{ role: 'secretary', branchId }]))
    for (let k = 0; k < 6; k++) {
      const p = person(branchId, gids[k % 2], TITLES[(bi + k) % TITLES.length], [])
      if (k < 2) groups[groups.length - 2 + k].leaderId = p._id
      people.push(p)
    }
  }
  const committeeTitles = ['党委书记', '党委副书记', '党建部主任', '政工专责']
  for (const title of committeeTitles) {
    people.push(person('b-jiguan', 'b-jiguan-g1', title, [{ role: 'committee' }]))
  }
  return { units, groups, people }
}
