import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import type { Person } from '../types/entities'
import type { LocalDatabase } from '../localcloud/db'

/** What the benches share: the built bundles, generated people, and an HTTP client for the gateway. */
export const ROOT = join(__dirname, '..')

export type Doc = Record<string, unknown>
/** Typed entities as the database's plain documents. */
export const rows = <T extends object>(docs: T[]) => docs as unknown as Doc[]

export const branchId = (b: number) => `b${b}`
export const personId = (b: number, k: number) => `p${b}-${k}`

/** The benches' committee member: no branch, the committee's grant only. */
export const COMMITTEE: Person = {
  _id: 'c1',
  openid: 'bench-committee',
  name: '党委委员',
  phone: '13900000000',
  branchId: null,
  groupId: null,
  title: '党委委员',
  grants: [{ role: 'committee' }],
}

/** `n` generated branches under no parent, ordered from `firstOrder`. */
export const branchUnits = (n: number, firstOrder = 0): Doc[] =>
  Array.from({ length: n }, (_, b) => ({
    _id: branchId(b),
    kind: 'branch',
    name: `第${b}党支部`,
    parentId: null,
    order: firstOrder + b,
  }))

/** A generated member of branch `b`; the first of each branch is also its secretary. */
export function branchMember(b: number, k: number): Person {
  const grants: Person['grants'] = [{ role: 'member', branchId: branchId(b) }]
  if (k === 0) grants.push({ role: 'secretary', branchId: branchId(b) })
  return {
    _id: personId(b, k),
    openid: `bench-${b}-${k}`,
    name: `党员${b}-${k}`,
    phone: '13900000001',
    branchId: branchId(b),
    groupId: null,
    title: '',
    grants,
  }
}

/** Every member of `branches` branches of `perBranch` people each. */
export function branchMembers(branches: number, perBranch: number): Person[] {
  const out: Person[] = []
  for (let b = 0; b < branches; b++) for (let k = 0; k < perBranch; k++) out.push(branchMember(b, k))
  return out
}

let built = false

/** Bundles the functions once per `npm run bench`: every suite measures the same build. */
export function buildFunctionsOnce(): void {
  if (built) return
  console.log('[bench] building functions…')
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs')], {
    cwd: ROOT,
    stdio: 'ignore',
  })
  if (res.status !== 0) throw new Error('building the functions failed')
  built = true
}

// The clients share the gateway's process and CPU here, unlike phones: node:http with keep-alive costs them
// far less than fetch, so the figures say more about the gateway and the function.
const agent = new Agent({ keepAlive: true, maxSockets: 64 })

/** POSTs JSON to the gateway as a signed-in person and answers the parsed reply. */
export function post(url: string, body: string, cookie: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Drops the keep-alive sockets at the end of a suite, so the next starts from cold connections too. */
export const closeClients = (): void => agent.destroy()

/** A dev sign-in session per person, as the gateway keeps them: person id → cookie. */
export function sessions(db: LocalDatabase, people: Person[]): Map<string, string> {
  const out = new Map<string, string>()
  db.insertMany(
    'sessions',
    people.map((p) => {
      const token = randomBytes(24).toString('hex')
      out.set(p._id, `lc_session=${token}`)
      return { _id: token, token, personId: p._id, openid: p.openid, createdAt: new Date() }
    }),
  )
  return out
}
