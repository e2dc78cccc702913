import { chinaDay } from '../../domain/checkins'
import { parseDay } from '../../domain/dates'
import { uploadPath } from '../../domain/files'
import {
  DEFAULT_MIN_STUDY_SECONDS,
  gradeQuiz,
  listingId,
  listingKeys,
  newStudy,
  recountStudies,
  studyId,
} from '../../domain/lectures'
import type { OrgUnit, PartyGroup, Person } from '../../types/entities'
import type {
  AnnouncementRead,
  GroupBoard,
  GroupComment,
  GroupPost,
  GroupPostEvent,
  Lecture,
  LectureEvent,
  LectureListing,
  LectureStudy,
  QuizAttempt,
  StudyTotals,
} from '../../types/entities-community'
import type { LocalDatabase } from '../db'
import type { LocalStorage } from '../storage'
import { silentMp3 } from './community-files'
import { DEMO_PHOTOS } from './demo-files'

/** What the demo's Party groups and micro-lectures store, one array per collection, and their files. */
export interface DemoCommunity {
  posts: GroupPost[]
  boards: GroupBoard[]
  comments: GroupComment[]
  reads: AnnouncementRead[]
  postEvents: GroupPostEvent[]
  lectures: Lecture[]
  listings: LectureListing[]
  lectureEvents: LectureEvent[]
  studies: LectureStudy[]
  attempts: QuizAttempt[]
  totals: StudyTotals[]
  files: { cloudPath: string; content: Buffer }[]
}

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const STORAGE = 'cloud://local.localcloud/'

const ANNOUNCEMENTS = [
  '【通知】本周五下午3点在三楼会议室召开党小组会，学习“1+N”安全帮扶法，请带好笔记本准时参加。',
  '【通知】本月主题党日活动定于下周二上午，内容为走访辖区困难群众，请大家安排好工作。',
]

const POSTS = [
  '今天跟班组一起完成了10千伏线路的巡视，发现两处隐患已当场处理，大家辛苦了！',
  '分享一下这周的学习心得：把安全责任落实到每一个作业环节，才是党员最好的表率。',
  '党员突击队今天上午完成了抢修任务，群众送来了感谢的锦旗。',
  '提醒大家：微讲坛有新的必学课程，记得按时学习。',
  '周末参加了社区志愿服务，给老人们讲解安全用电知识。',
]

const COMMENTS = ['点赞！', '向你学习。', '辛苦了，注意安全。', '收到，马上安排。', '这个经验值得推广。']

const BODY_TWENTIETH = `<h2>一、学习的重要意义</h2>
<p>党的二十大是在全党全国各族人民迈上全面建设社会主义现代化国家新征程的关键时刻召开的一次十分重要的大会。</p>
<h2>二、学习的主要内容</h2>
<ul><li>深刻领会过去五年的工作和新时代十年的伟大变革；</li><li>深刻领会中国式现代化的中国特色和本质要求；</li><li>深刻领会全面从严治党的新要求。</li></ul>
<h2>三、结合岗位抓落实</h2>
<p>每名党员要结合供电服务岗位，<strong>把学习成果转化为保供电、优服务的实际行动</strong>。</p>`

const BODY_SAFETY = `<h2>什么是“1+N”安全帮扶</h2>
<p>一名党员结对帮扶若干名青年员工，在作业现场讲规程、查隐患、做示范。</p>
<ol><li>作业前：讲清危险点和控制措施；</li><li>作业中：盯住关键环节，发现违章当场纠正；</li><li>作业后：一起复盘，记录帮扶写实。</li></ol>
<blockquote>党员身边无违章，安全生产有保障。</blockquote>`

const bodyPioneer = (image: string) => `<h2>抢修一线的党员突击队</h2>
<p>今年入夏以来，城区供电所党员突击队累计完成抢修任务一百余次，平均到场时间缩短一半。</p>
<p><img src="${image}" alt="党员突击队在抢修现场" /></p>
<h3>他们是怎么做到的</h3>
<ul><li>党员带班值守，接报即出发；</li><li>抢修物资提前备足、定点存放；</li><li>抢修完成后回访用户，听取意见。</li></ul>`

const SAFETY_QUIZ: Lecture['quiz'] = {
  passMark: 60,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      text: '“1+N”安全帮扶中的“1”指的是？',
      options: ['一名党员', '一个班组', '一项制度'],
      answer: [0],
    },
    {
      id: 'q2',
      kind: 'multiple',
      text: '作业前党员应当讲清哪些内容？',
      options: ['危险点', '控制措施', '个人收入', '作业分工'],
      answer: [0, 1, 3],
    },
    {
      id: 'q3',
      kind: 'single',
      text: '发现违章行为时应当？',
      options: ['事后再说', '当场纠正', '视而不见'],
      answer: [1],
    },
  ],
}

/**
 * The demo's Party groups and micro-lectures, built on its organisation. Every group has a pinned
 * announcement (read by some of its members), posts with photos and comments; 运维部第一党小组 also has a
 * withdrawn post, kept with its event. Lectures: a committee lecture for the whole company that is required
 * with a deadline, 运维部's lecture with a quiz, a committee lecture with an image in its body and audio, and
 * a draft of 城区供电所. Study records and quiz attempts sit behind them; totals come from the pure
 * recount, so they are right by construction.
 */
export function buildDemoCommunity(
  units: readonly OrgUnit[],
  groups: readonly PartyGroup[],
  people: readonly Person[],
  now: Date,
): DemoCommunity {
  const out: DemoCommunity = {
    posts: [],
    boards: [],
    comments: [],
    reads: [],
    postEvents: [],
    lectures: [],
    listings: [],
    lectureEvents: [],
    studies: [],
    attempts: [],
    totals: [],
    files: [],
  }
  const files = new Map<string, Buffer>()
  const photo = (personId: string, k: number) => {
    const path = uploadPath(personId, `demo-photo-${(k % DEMO_PHOTOS.length) + 1}`, 'png')
    files.set(path, DEMO_PHOTOS[k % DEMO_PHOTOS.length])
    return STORAGE + path
  }
  const at = (ms: number) => new Date(now.getTime() - ms)
  groups.forEach((group, gi) => buildGroup(out, group, people, gi, at, photo))
  buildLectures(out, units, people, now, files)
  out.totals = recountStudies(out.studies)
  out.files = [...files].map(([cloudPath, content]) => ({ cloudPath, content }))
  return out
}

function buildGroup(
  out: DemoCommunity,
  group: PartyGroup,
  people: readonly Person[],
  gi: number,
  at: (ms: number) => Date,
  photo: (personId: string, k: number) => string,
): void {
  const members = people.filter((p) => p.groupId === group._id)
  const secretary = people.find((p) =>
    p.grants.some((g) => g.role === 'secretary' && g.branchId === group.branchId),
  )
  const leader = members.find((p) => p._id === group.leaderId)
  const announcer = group._id.endsWith('-g1') ? secretary : (leader ?? secretary)
  if (!announcer || members.length === 0) throw new Error(`demo group ${group._id} has no one to post`)
  const post = (
    k: number,
    over: Partial<GroupPost> & Pick<GroupPost, 'authorId' | 'authorName' | 'text'>,
  ) => {
    const doc: GroupPost = {
      _id: `gp-demo-${group._id}-${k}`,
      requestId: `demo-${group._id}-${k}`,
      groupId: group._id,
      branchId: group.branchId,
      kind: 'post',
      photos: [],
      pinned: false,
      pinnedAt: null,
      withdrawn: false,
      withdrawnAt: null,
      withdrawnBy: null,
      commentCount: 0,
      readCount: 0,
      createdAt: at(DAY),
      ...over,
    }
    out.posts.push(doc)
    return doc
  }

  const announcedAt = at(2 * DAY + gi * HOUR)
  const notice = post(0, {
    kind: 'announcement',
    authorId: announcer._id,
    authorName: announcer.name,
    text: ANNOUNCEMENTS[gi % ANNOUNCEMENTS.length],
    pinned: true,
    pinnedAt: announcedAt,
    createdAt: announcedAt,
  })
  // The author and every other member read it; the others have not yet (the leader's 未读 list).
  const readers = [announcer, ...members.filter((m, k) => m._id !== announcer._id && k % 2 === 1)]
  readers.forEach((r, k) =>
    out.reads.push({
      _id: `${notice._id}:${r._id}`,
      postId: notice._id,
      groupId: group._id,
      personId: r._id,
      personName: r.name,
      at: new Date(announcedAt.getTime() + k * 47 * MINUTE),
    }),
  )
  notice.readCount = readers.length

  for (let k = 1; k <= 4; k++) {
    const author = members[(k + gi) % members.length]
    const createdAt = at((k * 7 + gi) * HOUR)
    const p = post(k, {
      authorId: author._id,
      authorName: author.name,
      text: POSTS[(k + gi) % POSTS.length],
      photos: k % 2 === 1 ? Array.from({ length: k === 1 ? 3 : 1 }, (_, n) => photo(author._id, n + k)) : [],
      createdAt,
    })
    const commenters = members.filter((m) => m._id !== author._id).slice(0, (k + gi) % 3)
    commenters.forEach((c, n) =>
      out.comments.push({
        _id: `gc-demo-${p._id}-${n}`,
        requestId: `demo-${p._id}-${n}`,
        postId: p._id,
        groupId: group._id,
        authorId: c._id,
        authorName: c.name,
        text: COMMENTS[(k + n + gi) % COMMENTS.length],
        createdAt: new Date(createdAt.getTime() + (n + 1) * 20 * MINUTE),
      }),
    )
    p.commentCount = commenters.length
  }

  if (group._id === 'b-yunwei-g1') {
    const author = members[members.length - 1]
    const withdrawnAt = at(30 * HOUR)
    post(5, {
      authorId: author._id,
      authorName: author.name,
      text: '（已撤回）这条动态发错了群。',
      withdrawn: true,
      withdrawnAt,
      withdrawnBy: author._id,
      createdAt: at(31 * HOUR),
    })
    out.postEvents.push({
      _id: 'gpe-demo-1',
      postId: `gp-demo-${group._id}-5`,
      groupId: group._id,
      action: 'withdraw',
      actorId: author._id,
      actorName: author.name,
      comment: '发错了',
      at: withdrawnAt,
    })
  }

  const live = out.posts.filter((p) => p.groupId === group._id && !p.withdrawn)
  out.boards.push({
    _id: group._id,
    pinnedIds: [notice._id],
    posts: live.length,
    lastPostAt: live.reduce((m, p) => (p.createdAt > m ? p.createdAt : m), live[0].createdAt),
  })
}

function buildLectures(
  out: DemoCommunity,
  units: readonly OrgUnit[],
  people: readonly Person[],
  now: Date,
  files: Map<string, Buffer>,
): void {
  const person = (id: string) => {
    const p = people.find((x) => x._id === id)
    if (!p) throw new Error(`demo lecture person ${id} is missing`)
    return p
  }
  const unitName = (id: string | null) =>
    units.find((u) => (id === null ? u.kind === 'committee' : u._id === id))?.name ?? ''
  const dayAfter = (days: number) => parseDay(chinaDay(new Date(now.getTime() + days * DAY)))

  const image = uploadPath('p058', 'demo-lecture-photo-1', 'png')
  files.set(image, DEMO_PHOTOS[0])
  const audio = uploadPath('p058', 'demo-lecture-audio-1', 'mp3')
  files.set(audio, silentMp3(8))

  const lecture = (
    n: number,
    authorId: string,
    ownerBranchId: string | null,
    over: Partial<Lecture> & Pick<Lecture, 'title' | 'speaker' | 'summary' | 'body'>,
  ): Lecture => {
    const author = person(authorId)
    const publishedAt = over.status === 'draft' ? null : new Date(now.getTime() - (6 - n) * DAY)
    const l: Lecture = {
      _id: `lec-${String(n).padStart(3, '0')}`,
      cover: null,
      media: null,
      audience:
        ownerBranchId === null ? { scope: 'company' } : { scope: 'branches', branchIds: [ownerBranchId] },
      ownerBranchId,
      publisherName: unitName(ownerBranchId),
      required: false,
      deadline: null,
      minStudySeconds: DEFAULT_MIN_STUDY_SECONDS,
      quiz: null,
      status: 'published',
      version: 3,
      authorId,
      authorName: author.name,
      publishedAt,
      withdrawnAt: null,
      createdAt: new Date(now.getTime() - (8 - n) * DAY),
      updatedAt: publishedAt ?? new Date(now.getTime() - HOUR),
      ...over,
    }
    out.lectures.push(l)
    out.lectureEvents.push(
      ...(['create', 'publish'] as const)
        .filter((a) => a === 'create' || l.status === 'published')
        .map((action, k): LectureEvent => ({
          _id: `lce-demo-${l._id}-${k}`,
          lectureId: l._id,
          action,
          from: action === 'create' ? null : 'draft',
          to: action === 'create' ? 'draft' : 'published',
          actorId: authorId,
          actorName: author.name,
          comment: '',
          at: action === 'create' ? l.createdAt : (publishedAt ?? l.createdAt),
        })),
    )
    if (l.status === 'published' && publishedAt) {
      for (const key of listingKeys(l)) {
        out.listings.push({
          _id: listingId(l._id, key),
          lectureId: l._id,
          key,
          status: 'published',
          required: l.required,
          deadline: l.deadline,
          publishedAt,
          cover: l.cover,
        })
      }
    }
    return l
  }

  const twentieth = lecture(1, 'p057', null, {
    title: '学习贯彻党的二十大精神专题微课',
    speaker: '卢思琪（党委书记）',
    summary: '用十分钟讲清党的二十大精神的核心要义，结合供电服务岗位谈学习体会。',
    body: BODY_TWENTIETH,
    required: true,
    deadline: dayAfter(14),
  })
  const safety = lecture(2, 'p001', 'b-yunwei', {
    title: '“1+N”安全帮扶：党员身边无违章',
    speaker: '周晓东（运维部党支部书记）',
    summary: '运维部党支部的安全帮扶做法，学完请完成三道小测验。',
    body: BODY_SAFETY,
    quiz: SAFETY_QUIZ,
  })
  const pioneer = lecture(3, 'p058', null, {
    title: '身边的电网先锋：抢修一线的党员突击队',
    speaker: '黄文博（党委副书记）',
    summary: '听一听城区供电所党员突击队的故事。',
    body: bodyPioneer(STORAGE + image),
    cover: STORAGE + image,
    media: { kind: 'audio', fileId: STORAGE + audio, durationSeconds: 8 },
    minStudySeconds: 60,
  })
  lecture(4, 'p043', 'b-chengqu', {
    title: '供电所党员服务承诺践诺',
    speaker: '李建国（城区供电所党支部书记）',
    summary: '',
    body: '<p>草稿：整理中……</p>',
    status: 'draft',
  })

  const study = (
    l: Lecture,
    personId: string,
    progress: number,
    studySeconds: number,
    daysAgo: number,
    quizScores: number[] = [],
  ) => {
    const p = person(personId)
    const at = new Date(now.getTime() - daysAgo * DAY)
    const s = newStudy(l._id, { personId, personName: p.name, branchId: p.branchId }, at)
    s.progress = progress
    s.studySeconds = studySeconds
    s.sessions = studySeconds > 0 ? Math.max(1, Math.round(studySeconds / 150)) : 0
    s.sessionId = `demo-session-${personId}`
    s.sessionSeconds = Math.min(studySeconds, 150)
    s.sessionStartedAt = new Date(at.getTime() - s.sessionSeconds * 1000)
    s.lastBeatAt = at
    s.counted = studySeconds > 0
    s.position = l.media ? Math.round(progress * (l.media.durationSeconds ?? 0)) : 0
    s.updatedAt = at
    quizScores.forEach((score, k) => {
      const answers = Object.fromEntries(
        (l.quiz?.questions ?? []).map((q, n) => [
          q.id,
          score === 100 || n === 0 ? q.answer : [q.answer[0] + 1],
        ]),
      )
      const grade = l.quiz ? gradeQuiz(l.quiz, answers) : null
      if (!grade) return
      const attemptAt = new Date(at.getTime() + (k - quizScores.length) * 10 * MINUTE)
      out.attempts.push({
        _id: `qa-demo-${studyId(l._id, personId).replace(':', '-')}-${k}`,
        lectureId: l._id,
        personId,
        answers,
        correct: grade.correct,
        total: grade.total,
        score: grade.score,
        passed: grade.passed,
        at: attemptAt,
      })
      s.quiz = {
        attempts: s.quiz.attempts + 1,
        bestScore: Math.max(s.quiz.bestScore, grade.score),
        passed: s.quiz.passed || grade.passed,
        lastAt: attemptAt,
      }
    })
    const done = progress >= 0.95 && studySeconds >= l.minStudySeconds && (l.quiz === null || s.quiz.passed)
    s.completed = done
    s.completedAt = done ? at : null
    out.studies.push(s)
  }

  study(twentieth, 'p002', 1, 420, 3)
  study(twentieth, 'p003', 0.6, 150, 2)
  study(twentieth, 'p004', 1, 300, 2)
  study(twentieth, 'p008', 1, 360, 4)
  study(twentieth, 'p036', 1, 240, 1)
  study(twentieth, 'p044', 0.3, 60, 1)
  study(twentieth, 'p057', 1, 600, 5)
  study(safety, 'p002', 1, 240, 1, [100])
  study(safety, 'p003', 1, 200, 1, [33])
  study(safety, 'p005', 0.5, 90, 1)
  study(pioneer, 'p045', 1, 120, 0.5)
  study(pioneer, 'p005', 0.4, 45, 0.2)
}

/** Stores the demo community (and, with `storage`, its photos and audio). */
export function insertDemoCommunity(
  db: Pick<LocalDatabase, 'insertMany'>,
  c: DemoCommunity,
  storage?: Pick<LocalStorage, 'upload'>,
): void {
  const collections: [string, object[]][] = [
    ['group_posts', c.posts],
    ['group_boards', c.boards],
    ['group_comments', c.comments],
    ['announcement_reads', c.reads],
    ['group_post_events', c.postEvents],
    ['lectures', c.lectures],
    ['lecture_listings', c.listings],
    ['lecture_events', c.lectureEvents],
    ['lecture_studies', c.studies],
    ['quiz_attempts', c.attempts],
    ['study_totals', c.totals],
  ]
  for (const [name, docs] of collections) {
    if (docs.length > 0) db.insertMany(name, docs as unknown as Record<string, unknown>[])
  }
  for (const f of storage ? c.files : []) storage?.upload(f.cloudPath, f.content)
}
