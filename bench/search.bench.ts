import { performance } from 'node:perf_hooks'
import { personSearchable, projectSearchable, searchKeyDocs, type SearchKeyDoc } from '../domain/search'
import { startTestCloud } from '../localcloud/testing'
import { buildFunctionsOnce } from './harness'
import { progressBar } from './progress'
import { atMost, info, median } from './report'
import type { Figure } from './report'

const PROJECTS = 100_000
const PEOPLE = 50_000
const BRANCHES = 30
const RUNS = 40

// Words of the article: titles and slogans are made of them, so common words match thousands of things.
const LEADS = [
  '党员先锋岗',
  '安全帮扶',
  '网格化服务',
  '党员连心卡',
  '指尖课堂',
  '调度无差错',
  '人才培养',
  '供电服务',
]
const TAILS = ['行动', '工程', '机制', '试点', '建设', '品牌']
const SLOGANS = ['一名党员一面旗', '服务到家门', '安全零差错', '支部建在所上', '网格连万家']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '建国秀英明远泽宇海燕晓东亚楠思琪新民立新'

/**
 * 搜索 over 100,000 projects and 50,000 people: their index documents (what `projects.saveDraft` and the roster
 * import write) are stored in the demo company's database, then the real `org.search` is called through the
 * gateway as a member (their branch) and as the committee (every branch): median time and round trips.
 */
export async function benchSearch(): Promise<Figure[]> {
  buildFunctionsOnce()
  const cloud = await startTestCloud({ rateLimit: false })
  try {
    const t0 = performance.now()
    const bar = progressBar('search keys', PROJECTS + PEOPLE)
    let stored = 0
    const flush = (docs: SearchKeyDoc[]) => {
      cloud.db.insertMany('search_keys', docs as unknown as Record<string, unknown>[])
      stored += docs.length
    }
    for (let start = 0; start < PROJECTS; start += 5_000) {
      const docs: SearchKeyDoc[] = []
      for (let i = start; i < Math.min(PROJECTS, start + 5_000); i++) {
        const b = i % BRANCHES
        docs.push(
          ...searchKeyDocs(
            projectSearchable({
              _id: `bp${i}`,
              title: `${LEADS[i % LEADS.length]}${TAILS[(i >> 3) % TAILS.length]}${i}`,
              slogan: SLOGANS[i % SLOGANS.length],
              branchId: `b${b}`,
              branchName: `第${b}党支部`,
              updatedAt: new Date(0),
            }),
          ),
        )
      }
      flush(docs)
      bar.tick(start + 5_000)
    }
    for (let start = 0; start < PEOPLE; start += 5_000) {
      const docs: SearchKeyDoc[] = []
      for (let i = start; i < Math.min(PEOPLE, start + 5_000); i++) {
        const b = i % BRANCHES
        const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`
        docs.push(
          ...searchKeyDocs(
            personSearchable({ _id: `bq${i}`, name, title: '配电运维工', branchId: `b${b}` }, `第${b}党支部`),
          ),
        )
      }
      flush(docs)
      bar.tick(PROJECTS + start + 5_000)
    }
    bar.end()
    const seedMs = performance.now() - t0

    // The demo's p057 is on the committee (searches every branch); p002 is a member of one branch.
    const committee = await cloud.signIn('p057')
    const member = await cloud.signIn('p002')
    const queries = ['党员先锋', '安全帮扶工程1234', '王建', '连万家', '99999']
    const samples: number[] = []
    const trips: number[] = []
    let hits = 0
    for (let i = -5; i < RUNS; i++) {
      const cookie = i % 2 === 0 ? committee : member
      const q = queries[Math.abs(i) % queries.length]
      const t = performance.now()
      const r = await cloud.callTraced(cookie, 'org', 'search', { q })
      const ms = performance.now() - t
      if (!r.result.ok) throw new Error(`search failed: ${JSON.stringify(r.result).slice(0, 200)}`)
      if (i < 0) continue // warm-up
      samples.push(ms)
      trips.push(r.roundTrips)
      if (cookie === committee) hits += r.result.data.sections.reduce((n, s) => n + s.hits.length, 0)
    }
    const page = await cloud.callTraced(committee, 'org', 'search', {
      q: '党员先锋',
      kind: 'project',
      page: 3,
    })
    if (!page.result.ok) throw new Error('search page failed')
    return [
      info(`search: seed index of ${PROJECTS / 1000}k projects + ${PEOPLE / 1000}k people`, seedMs, 'ms'),
      info('search: index documents', stored, 'docs'),
      atMost(
        'search: median over 100k projects + 50k people (member and committee)',
        median(samples),
        'ms',
        150,
      ),
      atMost('search: sequential round trips per search', Math.max(...trips), 'round trips', 3),
      atMost('search: a later page of one kind, round trips', page.roundTrips, 'round trips', 3),
      info('search: things found by the committee over the runs', hits, 'hits'),
    ]
  } finally {
    await cloud.close()
  }
}
