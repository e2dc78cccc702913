import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { guestCookie } from '../../cloudfunctions/projects/__tests__/helpers'
import { startTestCloud } from '../testing'
import type { TestCloud } from '../testing'

let cloud: TestCloud
let cookie: string

beforeAll(async () => {
  cloud = await startTestCloud()
  cookie = await cloud.signIn('p002')
})
afterAll(() => cloud.close())

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)])
const PDF = Buffer.from('%PDF-1.7\n%test\n')

async function upload(
  body: Buffer,
  type: string,
  who: string | null = cookie,
  extra: Record<string, string> = {},
) {
  const res = await fetch(`${cloud.url}/files/upload`, {
    method: 'POST',
    headers: { 'content-type': type, ...(who ? { cookie: who } : {}), ...extra },
    body: new Uint8Array(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('POST /files/upload', () => {
  it('stores a photo in the uploader’s folder under a random name and serves it back', async () => {
    const res = await upload(JPEG, 'image/jpeg', cookie, {
      'content-disposition': 'attachment; filename="../../a.jpg"',
    })
    expect(res.status).toBe(200)
    const { fileID, url } = res.json.data as { fileID: string; url: string }
    expect(fileID).toMatch(/^cloud:\/\/local\.localcloud\/uploads\/p002\/[0-9a-f]{24}\.jpg$/)
    expect(url.split('?')[0]).toBe(`${cloud.url}/files/${fileID.slice('cloud://local.localcloud/'.length)}`)
    const file = join(cloud.storageDir, fileID.slice('cloud://local.localcloud/'.length))
    expect(readFileSync(file)).toEqual(JPEG)
    const served = await fetch(url)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(JPEG)
  })

  it('takes documents as evidence', async () => {
    const res = await upload(PDF, 'application/pdf')
    expect((res.json.data as { fileID: string }).fileID).toMatch(/\.pdf$/)
  })

  it.each([
    ['an MP3 with an ID3 tag', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(40, 1)]), 'audio/mpeg', 'mp3'],
    [
      'an M4A',
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypM4A '), Buffer.alloc(40)]),
      'audio/mp4',
      'm4a',
    ],
    [
      'an MP4 video',
      Buffer.concat([Buffer.from([0, 0, 0, 32]), Buffer.from('ftypisom'), Buffer.alloc(40)]),
      'video/mp4',
      'mp4',
    ],
  ])('takes %s for a micro-lecture', async (_what, bytes, type, ext) => {
    const res = await upload(bytes, type)
    expect(res.status).toBe(200)
    expect((res.json.data as { fileID: string }).fileID).toMatch(new RegExp(`\\.${ext}$`))
  })

  it.each([
    ['without sign-in', () => upload(JPEG, 'image/jpeg', null), 401, 'UNAUTHENTICATED'],
    [
      'from a WeChat user who is not a member',
      () => upload(JPEG, 'image/jpeg', guestCookie(cloud, 'guest-up')),
      403,
      'NOT_REGISTERED',
    ],
    ['of a type not on the list', () => upload(Buffer.from('<html>'), 'text/html'), 415, 'INVALID_INPUT'],
    ['whose bytes are not its type', () => upload(PDF, 'image/png'), 415, 'INVALID_INPUT'],
    ['of a “video” that is not MP4 inside', () => upload(JPEG, 'video/mp4'), 415, 'INVALID_INPUT'],
    ['that is empty', () => upload(Buffer.alloc(0), 'image/jpeg'), 400, 'INVALID_INPUT'],
    [
      'over 10 MB for a photo',
      () => upload(Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]), 'image/jpeg'),
      413,
      'BODY_TOO_LARGE',
    ],
  ])('refuses an upload %s', async (_what, send, status, code) => {
    const res = await send()
    expect(res).toEqual({
      status,
      json: expect.objectContaining({ ok: false, code, message: expect.any(String) }),
    })
  })

  it('writes nothing for a refused upload', async () => {
    await upload(PDF, 'image/png')
    const folder = join(cloud.storageDir, 'uploads', 'p002')
    const files = existsSync(folder) ? readdirSync(folder) : []
    expect(files.filter((f) => f.endsWith('.png') && !f.startsWith('demo-'))).toEqual([])
  })
})
