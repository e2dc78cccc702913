import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { RUNNING, WAITING, checkin } from './helpers'

// Storage is private (the `cloud` profile, as deploy/storage.json makes CloudBase): the secretary sees a
// member's photo only through the link the function's answer carries.
let cloud: TestCloud
const as: Record<string, string> = {}
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
])

beforeAll(async () => {
  cloud = await startTestCloud({ profile: 'cloud' })
  for (const id of ['p001', 'p004']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

it('an answer that names a file carries a working temporary link for it, and only for files it names', async () => {
  const up = await fetch(`${cloud.url}/files/upload`, {
    method: 'POST',
    headers: { cookie: as.p004, 'content-type': 'image/png' },
    body: PNG,
  })
  const photo = ((await up.json()) as { data: { fileID: string } }).data.fileID
  const made = await cloud.call(as.p004, 'checkins', 'create', checkin({ taskId: 't2', photos: [photo] }))
  expect(made.ok).toBe(true)

  const seen = await cloud.call(as.p001, 'checkins', 'getSubmission', { id: WAITING })
  if (!seen.ok) throw new Error(seen.code)
  expect(seen.data.checkins.some((c) => c.photos.includes(photo))).toBe(true)
  const link = seen.files?.[photo]
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/uploads\/p004\/.+\?expires=\d+&sign=/)
  const served = await fetch(link as string)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
  // The bare path is closed, and an answer without files carries no links.
  expect((await fetch((link as string).split('?')[0])).status).toBe(403)
  const plain = await cloud.call(as.p001, 'projects', 'get', { id: RUNNING })
  expect(plain.ok && plain.files).toBeFalsy()
})
