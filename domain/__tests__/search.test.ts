import { sceneProblem, sceneValue, buildScene } from '../mini-code'
import {
  SEARCH_KEY_LENGTH,
  checkQuery,
  highlight,
  lookupKey,
  projectSearchable,
  searchKeyDocs,
  searchScopes,
  suffixKeys,
} from '../search'

describe('search queries', () => {
  it('refuses in words what cannot be searched, folds and cuts the rest', () => {
    expect(checkQuery('  ')).toMatchObject({ ok: false, reason: 'empty' })
    expect(checkQuery('！@#￥%……&*（）——+【】')).toMatchObject({ ok: false, reason: 'symbols' })
    expect(checkQuery('ＡＢＣ  党建')).toEqual({ ok: true, query: 'abc 党建', cut: false })
    const long = checkQuery('党'.repeat(200))
    expect(long).toEqual({ ok: true, query: '党'.repeat(30), cut: true })
    expect(lookupKey('一二三四五六七八九十壹贰叁肆')).toHaveLength(SEARCH_KEY_LENGTH)
  })

  it('indexes every suffix that starts with a letter, digit or character, so a substring is a prefix', () => {
    const keys = suffixKeys('“党建+安全”调度')
    expect(keys).toEqual(['党建+安全”调度', '建+安全”调度', '安全”调度', '全”调度', '调度', '度'])
    for (const q of ['建+安', '调度', '安全']) expect(keys.some((k) => k.startsWith(q))).toBe(true)
  })

  it('marks the matches in the text as it was written', () => {
    expect(highlight('党员ABC党员', 'abc')).toEqual([
      { text: '党员', hit: false },
      { text: 'ABC', hit: true },
      { text: '党员', hit: false },
    ])
    expect(highlight('党员先锋党员', '党员')).toEqual([
      { text: '党员', hit: true },
      { text: '先锋', hit: false },
      { text: '党员', hit: true },
    ])
    expect(highlight('没有', '党')).toEqual([{ text: '没有', hit: false }])
  })

  it('gives each caller the scopes they may read', () => {
    const member = {
      _id: 'p2',
      branchId: 'b1',
      groupId: 'g1',
      grants: [{ role: 'member' as const, branchId: 'b1' }],
    }
    expect(searchScopes(member)).toEqual({
      project: ['b:b1'],
      person: ['b:b1'],
      lecture: ['company', 'b:b1'],
      post: ['g:g1'],
    })
    const secretary = {
      ...member,
      grants: [...member.grants, { role: 'secretary' as const, branchId: 'b1' }],
    }
    expect(searchScopes(secretary).post).toEqual(['g:g1', 'pb:b1'])
    const committee = { _id: 'p9', branchId: null, groupId: null, grants: [{ role: 'committee' as const }] }
    expect(searchScopes(committee)).toEqual({ project: null, person: null, lecture: null, post: [] })
  })

  it('stores one document per key and scope, with the title shown', () => {
    const docs = searchKeyDocs(
      projectSearchable({
        _id: 'prj-1',
        title: '党员先锋',
        slogan: '',
        branchId: 'b1',
        branchName: '运维部',
        updatedAt: new Date(0),
      }),
    )
    expect(docs.map((d) => d.key)).toEqual(['党员先锋', '员先锋', '先锋', '锋', '运维部', '维部', '部'])
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length)
    expect(docs[0]).toMatchObject({
      kind: 'project',
      refId: 'prj-1',
      scope: 'b:b1',
      title: '党员先锋',
      sub: '运维部',
    })
  })
})

describe('小程序码 scenes', () => {
  it('holds WeChat’s 32-character limit and character set', () => {
    expect(sceneProblem(buildScene({ c: 'ABCDEFGH' }))).toBeNull()
    expect(sceneProblem('c='.padEnd(33, 'A'))).toContain('32')
    expect(sceneProblem('c=支部')).toContain('不允许')
    expect(sceneProblem('')).not.toBeNull()
  })

  it('reads a value back from the URL-encoded scene a page is opened with', () => {
    expect(sceneValue(encodeURIComponent('c=ABCD2345'), 'c')).toBe('ABCD2345')
    expect(sceneValue('c=ABCD2345&p=1', 'p')).toBe('1')
    expect(sceneValue('%E0%A4%A', 'c')).toBeNull()
    expect(sceneValue(undefined, 'c')).toBeNull()
    expect(sceneValue(encodeURIComponent('x=1'), 'c')).toBeNull()
  })
})
