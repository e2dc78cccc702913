import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { countOnly, figuresOnly, recountCheckins } from '../../domain/checkin-counts'
import { rollUp } from '../counter-check'
import { rollUpProgress } from '../../domain/projects'
import type { Checkin, Milestone, Person, Project } from '../../types/entities'
import { LocalDatabase } from '../db'
import { seedDemo } from '../seed'

/**
 * Acknowledged writes survive a crash. localcloud runs as its own process on a SQLite file; a burst of 1,000
 * check-ins and milestone approvals goes to it over HTTP from 16 clients, and it is killed with SIGKILL
 * mid-burst. Restarted on the same file it serves again, and then every write that was acknowledged (200,
 * ok:true) is there, every refused approval left its milestone as it was, the check-in counters equal a
 * recount of the check-ins and each project's progress equals the roll-up of its approved milestones: WAL
 * with synchronous=NORMAL loses nothing a process crash could take (committed frames are in the OS already).
 */
const ROOT = join(__dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'dj-crash-'))
const dbFile = join(dir, 'data.sqlite')
const TOTAL = 1000
const APPROVALS = 200
const CLIENTS = 16
/** The child is killed once this many replies are in. */
const KILL_AFTER = 450
const RUNNING = ['prj-001', 'prj-002', 'prj-003', 'prj-004', 'prj-014']

let child: ChildProcess | null = null
afterAll(() => {
  child?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function startChild(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'crash-child.ts'), dbFile, join(dir, 'files'), join(dir, 'no-h5')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child = proc
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`localcloud did not start: ${err}`)), 300_000)
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ proc, url: m[1] })
      }
    })
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    proc.once('exit', (code) => reject(new Error(`localcloud exited (${String(code)}): ${err}`)))
  })
}

type Reply = { status: number; body: { ok: boolean; code?: string; data?: unknown } } | null

function post(agent: Agent, url: string, cookie: string, body: object): Promise<Reply> {
  const text = JSON.stringify(body)
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), cookie },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
          } catch {
            resolve(null)
          }
        })
        res.on('error', () => resolve(null))
      },
    )
    // A request the crash cut off was never acknowledged.
    req.on('error', () => resolve(null))
    req.end(text)
  })
}

interface Send {
  kind: 'checkin' | 'approve'
  who: string
  payload: Record<string, unknown>
  reply?: Reply
}

/** The demo, plus 200 milestones waiting for approval in the running projects, and a session per person. */
function prepare(): { sends: Send[]; cookies: Map<string, string> } {
  const db = new LocalDatabase({ file: dbFile })
  seedDemo(db, new Date())
  const people = db.find('people', {}, { limit: 1000 }) as unknown as Person[]
  const projects = RUNNING.map((id) => db.find('projects', { _id: id })[0] as unknown as Project)
  const secretaryOf = (branchId: string) =>
    people.find((p) => p.grants.some((g) => g.role === 'secretary' && g.branchId === branchId)) as Person
  const committee = people.filter((p) => p.grants.some((g) => g.role === 'committee'))
  const waiting: Milestone[] = []
  const approvals: Send[] = []
  for (let i = 0; i < APPROVALS; i++) {
    const project = projects[i % projects.length]
    const task = project.tasks[i % project.tasks.length]
    const owner = task.assigneeIds[i % task.assigneeIds.length]
    const id = `crash-m${i}`
    waiting.push({
      ...(db.find('milestones', { projectId: project._id }, { limit: 1 })[0] as unknown as Milestone),
      _id: id,
      taskId: task.id,
      order: 100 + i,
      title: `突击任务${i}`,
      weight: 1,
      ownerId: owner,
      status: 'submitted',
      round: 1,
      submittedBy: owner,
      submittedAt: new Date(),
      description: '已完成',
      evidence: [],
      decidedBy: null,
      decidedAt: null,
      lastComment: '',
      updatedAt: new Date(),
    })
    const approver = i % 3 === 0 ? committee[i % committee.length] : secretaryOf(project.branchId)
    approvals.push({ kind: 'approve', who: approver._id, payload: { id } })
  }
  db.insertMany('milestones', waiting as unknown as Record<string, unknown>[])

  const workers = projects.flatMap((p) =>
    p.tasks.flatMap((t) => t.assigneeIds.map((who) => ({ who, projectId: p._id, taskId: t.id }))),
  )
  const checkins: Send[] = Array.from({ length: TOTAL - APPROVALS }, (_, i) => {
    const w = workers[i % workers.length]
    const payload = {
      requestId: randomBytes(12).toString('hex'),
      projectId: w.projectId,
      taskId: w.taskId,
      text: '完成现场勘查，落实安全措施。',
    }
    return { kind: 'checkin', who: w.who, payload }
  })
  // Every fifth send an approval, so both kinds are under way when the process dies.
  const sends = checkins.flatMap((c, i) => (i % 4 === 3 ? [c, approvals[(i - 3) / 4]] : [c]))
  const cookies = new Map<string, string>()
  const sessions = [...new Set(sends.map((s) => s.who))].map((personId) => {
    const token = randomBytes(24).toString('hex')
    cookies.set(personId, `lc_session=${token}`)
    const openid = (people.find((p) => p._id === personId) as Person).openid
    return { _id: token, token, personId, openid, createdAt: new Date() }
  })
  db.insertMany('sessions', sessions)
  db.close()
  return { sends, cookies }
}

describe('a crash in the middle of a burst', () => {
  it('keeps every acknowledged check-in and approval, with counters equal to a recount', async () => {
    const { sends, cookies } = prepare()
    expect(sends).toHaveLength(TOTAL)
    const first = await startChild()
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
    let replies = 0
    let next = 0
    const exited = new Promise((resolve) => first.proc.once('exit', resolve))
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < sends.length) {
          const s = sends[next++]
          const action = s.kind === 'checkin' ? 'create' : 'approveMilestone'
          s.reply = await post(agent, `${first.url}/fn/checkins`, cookies.get(s.who) as string, {
            action,
            payload: s.payload,
          })
          if (++replies === KILL_AFTER) first.proc.kill('SIGKILL')
        }
      }),
    )
    agent.destroy()
    await exited

    const acked = sends.filter((s) => s.reply?.status === 200 && s.reply.body.ok)
    const refused = sends.filter((s) => s.reply?.status === 200 && !s.reply.body.ok)
    const lost = sends.filter((s) => !s.reply)
    // Killed mid-burst: some acknowledged, the rest cut off.
    expect(acked.length).toBeGreaterThan(KILL_AFTER / 2)
    expect(lost.length).toBeGreaterThan(TOTAL / 4)
    // Approvals racing on one project may be told to retry; nothing else is refused.
    expect(refused.every((s) => s.kind === 'approve' && s.reply?.body.code === 'CONFLICT')).toBe(true)

    // Restarted on the same file, it serves again: a new check-in is recorded and counted.
    const second = await startChild()
    const again = new Agent({ keepAlive: false })
    const w = sends.find((s) => s.kind === 'checkin') as Send
    const fresh = await post(again, `${second.url}/fn/checkins`, cookies.get(w.who) as string, {
      action: 'create',
      payload: { ...w.payload, requestId: randomBytes(12).toString('hex') },
    })
    expect(fresh?.body.ok).toBe(true)
    const stopped = new Promise((resolve) => second.proc.once('exit', resolve))
    second.proc.kill('SIGTERM')
    await stopped
    child = null

    const raw = new BetterSqlite3(dbFile, { readonly: true })
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
    const db = new LocalDatabase({ file: dbFile })
    try {
      for (const s of acked) {
        if (s.kind === 'checkin') {
          const id = (s.reply?.body.data as { checkin: { id: string } }).checkin.id
          expect(db.count('checkins', { _id: id })).toBe(1)
        } else {
          const id = s.payload.id as string
          expect(db.find('milestones', { _id: id })[0]?.status).toBe('approved')
          expect(db.count('milestone_submissions', { milestoneId: id, action: 'approve' })).toBe(1)
        }
      }
      for (const s of refused) {
        expect(db.find('milestones', { _id: s.payload.id as string })[0]?.status).toBe('submitted')
      }
      // A check-in recorded just before the kill may not be counted yet: the roll-up's timer counts it, as
      // it would in production within ten minutes.
      await rollUp(db)
      const all = db.find('checkins', {}, { limit: 1_000_000 }) as unknown as Checkin[]
      const recount = recountCheckins(all)
      expect({
        stats: db.find('checkin_stats', {}, { sort: { _id: 1 }, limit: 100_000 }).map(figuresOnly),
        counts: db.find('checkin_counts', {}, { sort: { _id: 1 }, limit: 100_000 }).map(countOnly),
      }).toEqual(recount)
      for (const id of RUNNING) {
        const milestones = db.find('milestones', { projectId: id }, { limit: 1000 }) as unknown as Milestone[]
        const progress = rollUpProgress(
          milestones.map((m) => ({ weight: m.weight, done: m.status === 'approved' })),
        )
        expect({ id, progress: db.find('projects', { _id: id })[0]?.progress }).toEqual({ id, progress })
      }
      // Writes in flight when the process died either committed whole or not at all; count those that did.
      const landed = lost.filter((s) =>
        s.kind === 'approve'
          ? db.find('milestones', { _id: s.payload.id as string })[0]?.status === 'approved'
          : db.count('checkins', { requestId: s.payload.requestId as string }) === 1,
      ).length
      process.stdout.write(
        `crash safety: ${TOTAL} sends, ${acked.length} acknowledged (all present after restart), ` +
          `${refused.length} refused (CONFLICT, nothing written), ${lost.length} cut off by SIGKILL ` +
          `(${landed} of those had committed before the kill); ${all.length} check-ins, counters = recount\n`,
      )
    } finally {
      db.close()
    }
  })
})
