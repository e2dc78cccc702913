import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { newStudy } from '../domain/lectures'
import type { OrgUnit, PartyGroup, Person } from '../types/entities'
import type { GroupBoard, GroupPost, Lecture, LectureListing } from '../types/entities-community'
import type { FeedPage } from '../types/functions/groups'
import type { Result } from '../types/result'
import { LocalDatabase, installLocalDatabase } from '../localcloud/db'
import { loadFunctions } from '../localcloud/functions'
import type { LoadedFunction } from '../localcloud/functions'
import { createGateway, invokeFunction } from '../localcloud/gateway/server'
import { installIdentity } from '../localcloud/identity'
import { LocalStorage, installLocalStorage } from '../localcloud/storage'
import { progressBar } from './progress'
import { ROOT, closeClients, branchId, buildFunctionsOnce, post, rows, sessions } from './harness'
import { atLeast, atMost, info, median } from './report'
import type { Figure } from './report'

const BRANCHES = 20
const GROUPS_PER_BRANCH = 5
const MEMBERS_PER_GROUP = 10
const POSTS = 100_000
const GROUPS = BRANCHES * GROUPS_PER_BRANCH
const POSTS_PER_GROUP = POSTS / GROUPS
const LECTURES = 40
const SAMPLES = 300
/** Heartbeats sent by this many phones at once, for the sustained rate. */
const BURST = 3000
const CLIENTS = 16

const groupId = (b: number, g: number) => `b${b}-g${g}`
const personId = (b: number, g: number, k: number) => `p${b}-${g}-${k}`

function org(): { units: OrgUnit[]; groups: PartyGroup[]; people: Person[] } {
  const units: OrgUnit[] = [{ _id: 'u0', kind: 'committee', name: '党委', parentId: null, order: 0 }]
  const groups: PartyGroup[] = []
  const people: Person[] = []
  for (let b = 0; b < BRANCHES; b++) {
    units.push({ _id: branchId(b), kind: 'branch', name: `支部${b}`, parentId: 'u0', order: b + 1 })
    for (let g = 0; g < GROUPS_PER_BRANCH; g++) {
      groups.push({
        _id: groupId(b, g),
        branchId: branchId(b),
        name: `党小组${b}-${g}`,
        leaderId: personId(b, g, 1),
      })
      for (let k = 0; k < MEMBERS_PER_GROUP; k++) {
        const grants: Person['grants'] = [{ role: 'member', branchId: branchId(b) }]
        if (g === 0 && k === 0) grants.push({ role: 'secretary', branchId: branchId(b) })
        people.push({
          _id: personId(b, g, k),
          openid: `bench-${b}-${g}-${k}`,
          name: `党员${b}-${g}-${k}`,
          phone: '13900000001',
          branchId: branchId(b),
          groupId: groupId(b, g),
          title: '',
          grants,
        })
      }
    }
  }
  return { units, groups, people }
}

/** 100,000 posts over 100 groups (a thousand each), two pinned announcements per group, some withdrawn. */
function seedPosts(db: LocalDatabase, now: number): void {
  const boards: GroupBoard[] = []
  const bar = progressBar('posts', BRANCHES * GROUPS_PER_BRANCH * POSTS_PER_GROUP)
  for (let b = 0; b < BRANCHES; b++) {
    for (let g = 0; g < GROUPS_PER_BRANCH; g++) {
      const gid = groupId(b, g)
      const posts: GroupPost[] = []
      for (let i = 0; i < POSTS_PER_GROUP; i++) {
        const announcement = i % 50 === 0
        const pinned = announcement && i >= POSTS_PER_GROUP - 100
        const createdAt = new Date(now - (POSTS_PER_GROUP - i) * 37 * 60_000)
        posts.push({
          _id: `gp-${gid}-${i}`,
          requestId: `r-${gid}-${i}`,
          groupId: gid,
          branchId: branchId(b),
          kind: announcement ? 'announcement' : 'post',
          authorId: personId(b, g, i % MEMBERS_PER_GROUP),
          authorName: `党员${b}-${g}-${i % MEMBERS_PER_GROUP}`,
          text: '今天跟班组一起完成了线路巡视，发现两处隐患已当场处理。',
          photos:
            i % 3 === 0 ? [`cloud://local.localcloud/uploads/${personId(b, g, 0)}/abcdefgh${i}.jpg`] : [],
          pinned,
          pinnedAt: pinned ? createdAt : null,
          withdrawn: i % 31 === 0,
          withdrawnAt: null,
          withdrawnBy: null,
          commentCount: i % 4,
          readCount: announcement ? 5 : 0,
          createdAt,
        })
      }
      db.insertMany('group_posts', rows(posts))
      bar.tick((b * GROUPS_PER_BRANCH + g + 1) * POSTS_PER_GROUP)
      const pinnedIds = posts.filter((p) => p.pinned && !p.withdrawn).map((p) => p._id)
      boards.push({
        _id: gid,
        pinnedIds: pinnedIds.reverse(),
        posts: posts.length,
        lastPostAt: new Date(now),
      })
    }
  }
  db.insertMany('group_boards', rows(boards))
}

/** Lectures for the whole company and for single branches, published. */
function seedLectures(db: LocalDatabase, now: number): Lecture[] {
  const lectures: Lecture[] = []
  const listings: LectureListing[] = []
  for (let i = 0; i < LECTURES; i++) {
    const owner = i % 2 === 0 ? null : branchId(i % BRANCHES)
    const publishedAt = new Date(now - i * 3600_000)
    const lecture: Lecture = {
      _id: `lec-${i}`,
      title: `微讲坛 ${i}`,
      speaker: '主讲人',
      summary: '简介',
      body: '<p>正文</p>',
      cover: null,
      media: null,
      audience: owner === null ? { scope: 'company' } : { scope: 'branches', branchIds: [owner] },
      ownerBranchId: owner,
      publisherName: owner ?? '党委',
      required: i % 4 === 0,
      deadline: null,
      minStudySeconds: 120,
      quiz: null,
      status: 'published',
      version: 2,
      authorId: 'p0-0-0',
      authorName: '书记',
      publishedAt,
      withdrawnAt: null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    }
    lectures.push(lecture)
    listings.push({
      _id: `${lecture._id}:${owner ?? 'company'}`,
      lectureId: lecture._id,
      key: owner ?? 'company',
      status: 'published',
      required: lecture.required,
      deadline: null,
      publishedAt,
    })
  }
  db.insertMany('lectures', rows(lectures))
  db.insertMany('lecture_listings', rows(listings))
  return lectures
}

/** Medians of `SAMPLES` calls of a function, cycling through the calls `make` gives. */
async function time(fn: LoadedFunction, make: (i: number) => [string, object, string]) {
  const call = async (i: number) => {
    const [action, payload, openid] = make(i)
    const res = (await invokeFunction(fn, { action, payload }, openid, 10_000)) as Result<unknown>
    if (!res.ok) throw new Error(`${action} failed: ${res.code} ${res.message}`)
    return res.data
  }
  for (let i = 0; i < 20; i++) await call(i)
  const samples: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now()
    await call(i)
    samples.push(performance.now() - t)
  }
  return median(samples)
}

/**
 * The Party group and micro-lecture figures: a feed page of 20 from a collection of 100,000 posts through the
 * real `groups` bundle (first page with its pins, and a page deep in a feed by cursor), and study heartbeats
 * through the HTTP gateway and the real `lectures` bundle, one at a time and from many phones at once.
 */
export async function benchCommunity(): Promise<Figure[]> {
  buildFunctionsOnce()

  const dir = mkdtempSync(join(tmpdir(), 'dj-community-'))
  const db = new LocalDatabase({ file: join(dir, 'bench.sqlite') })
  const uninstall = installLocalDatabase(db)
  installIdentity()
  const storage = new LocalStorage(join(dir, 'files'))
  installLocalStorage(storage)
  let server: Server | undefined
  try {
    const now = Date.now()
    const { units, groups, people } = org()
    db.insertMany('org_units', rows(units))
    db.insertMany('groups', rows(groups))
    db.insertMany('people', rows(people))
    console.log(`[bench] seeding ${POSTS.toLocaleString()} posts in ${GROUPS} groups…`)
    const t0 = performance.now()
    seedPosts(db, now)
    const seedMs = performance.now() - t0
    const lectures = seedLectures(db, now)

    const functions = loadFunctions(join(ROOT, 'build', 'cloudfunctions'))
    const groupsFn = functions.get('groups')
    if (!groupsFn || !functions.get('lectures'))
      throw new Error('the groups and lectures functions were not built')

    const reader = (i: number) => people[(i * 7) % people.length]
    const feedFirst = await time(groupsFn, (i) => {
      const p = reader(i)
      return ['feed', { groupId: p.groupId }, p.openid]
    })
    const first = (await invokeFunction(
      groupsFn,
      { action: 'feed', payload: { groupId: groupId(3, 2) } },
      'bench-3-2-4',
      10_000,
    )) as Result<FeedPage>
    if (!first.ok || first.data.items.length !== 20 || first.data.pinned.length !== 2) {
      throw new Error('expected a feed page of 20 posts under 2 pinned announcements')
    }

    // Cursors 25 pages (500 posts) deep into each group's feed, found by paging there as a phone would.
    const deepCursors = new Map<string, string>()
    for (const g of groups.slice(0, 10)) {
      const member = people.find((p) => p.groupId === g._id) as Person
      let cursor: string | null = null
      for (let page = 0; page < 25; page++) {
        const res = (await invokeFunction(
          groupsFn,
          { action: 'feed', payload: { groupId: g._id, ...(cursor ? { cursor } : {}) } },
          member.openid,
          10_000,
        )) as Result<FeedPage>
        if (!res.ok) throw new Error(`feed failed: ${res.code}`)
        cursor = res.data.nextCursor
      }
      if (cursor) deepCursors.set(g._id, cursor)
    }
    const deepGroups = [...deepCursors.keys()]
    const feedDeep = await time(groupsFn, (i) => {
      const gid = deepGroups[i % deepGroups.length]
      const member = people.find((p) => p.groupId === gid) as Person
      return ['feed', { groupId: gid, cursor: deepCursors.get(gid) }, member.openid]
    })

    const handle = db.handle.bind(db)
    let calls = 0
    db.handle = (api, params) => {
      calls += 1
      return handle(api, params)
    }
    await invokeFunction(
      groupsFn,
      { action: 'feed', payload: { groupId: groupId(5, 1) } },
      'bench-5-1-4',
      10_000,
    )
    const feedCalls = calls
    db.handle = handle
    const plan = db.explain(
      'group_posts',
      { groupId: groupId(5, 1), withdrawn: false, pinned: false },
      { sort: { createdAt: -1, _id: -1 }, limit: 21 },
    )
    if (!/USING INDEX/.test(plan)) throw new Error(`the feed query does not use an index: ${plan}`)

    server = createGateway({ db, functions, storage, h5Dir: join(dir, 'no-h5'), timeoutMs: 10_000 })
    await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', () => ok()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fn/lectures`
    const cookies = sessions(db, people)
    const companyLectures = lectures.filter((l) => l.audience.scope === 'company')
    // Each phone studies its own lecture in its own session, as members do.
    const phones = people.slice(0, 200).map((p, k) => ({
      person: p,
      lectureId: companyLectures[k % companyLectures.length]._id,
      sessionId: randomBytes(8).toString('hex'),
      progress: 0,
    }))
    // Sessions under way for a while, as on phones that have been studying: every heartbeat then adds counted
    // time, so each one writes the study record and the lecture's, member's and branch's totals.
    const since = new Date(now - 24 * 3600_000)
    db.insertMany(
      'lecture_studies',
      rows(
        phones.map(({ person, lectureId, sessionId }) => ({
          ...newStudy(
            lectureId,
            { personId: person._id, personName: person.name, branchId: person.branchId },
            since,
          ),
          sessionId,
          sessionSeconds: 30,
          sessionStartedAt: since,
          lastBeatAt: since,
          studySeconds: 30,
          sessions: 1,
          counted: true,
        })),
      ),
    )
    const beat = async (n: number) => {
      const phone = phones[n % phones.length]
      phone.progress = Math.min(1, phone.progress + 0.01)
      const out = (await post(
        url,
        JSON.stringify({
          action: 'heartbeat',
          payload: {
            lectureId: phone.lectureId,
            sessionId: phone.sessionId,
            progress: phone.progress,
            seconds: 15,
          },
        }),
        cookies.get(phone.person._id) ?? '',
      )) as Result<unknown>
      if (!out.ok) throw new Error(`heartbeat failed: ${out.code} ${out.message}`)
    }
    for (let i = 0; i < phones.length; i++) await beat(i)
    const samples: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now()
      await beat(i)
      samples.push(performance.now() - t)
    }
    const beatMedian = median(samples)

    let next = 0
    const t1 = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < BURST) await beat(next++)
      }),
    )
    const rate = BURST / ((performance.now() - t1) / 1000)
    const counted = db
      .find('study_totals', { scope: 'lecture' }, { limit: 1000 })
      .reduce((sum, t) => sum + Number(t.studySeconds), 0)
    if (counted < (SAMPLES + BURST) * 15) throw new Error(`heartbeats counted only ${counted} s of study`)

    return [
      info(`community: seed ${POSTS.toLocaleString()} posts`, seedMs, 'ms'),
      atMost('community: group feed page of 20 (100,000 posts), median', feedFirst, 'ms', 10),
      info('community: feed page 25 pages deep by cursor, median', feedDeep, 'ms'),
      info('community: database calls per first feed page', feedCalls, 'calls'),
      atMost('community: study heartbeat via gateway, median', beatMedian, 'ms', 5),
      atLeast(`community: study heartbeats via gateway, sustained (${CLIENTS} clients)`, rate, '/s', 500),
    ]
  } finally {
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()))
    closeClients()
    uninstall()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
