import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invalidTemplateData } from '../openapi'
import { LocalStorage, MAX_FILE_BYTES, safeCloudPath } from '../storage'

describe('safeCloudPath', () => {
  it.each(['checkins/p001/a.jpg', 'lectures/l1/audio.mp3', 'x.pdf'])('accepts %s', (p) => {
    expect(safeCloudPath(p)).toBe(p)
  })
  it.each([
    '../etc/passwd.jpg',
    '/abs.jpg',
    'a//b.jpg',
    'a/./b.png',
    'evil.exe',
    'noext',
    'sp ace.jpg',
    '照片.jpg',
    'a\\b.jpg',
    '',
  ])('refuses %s', (p) => {
    expect(safeCloudPath(p)).toBeNull()
  })
})

describe('LocalStorage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dj-storage-'))
  const storage = new LocalStorage(dir, 'http://127.0.0.1:1')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('stores, links, reads back and deletes a file', () => {
    const up = storage.upload('checkins/p001/a.png', Buffer.from('png'))
    expect(up).toEqual({ fileID: 'cloud://local.localcloud/checkins/p001/a.png' })
    const fileID = (up as { fileID: string }).fileID
    const link = new URL(storage.tempUrl(fileID).tempFileURL ?? '')
    expect(link.origin + link.pathname).toBe('http://127.0.0.1:1/files/checkins/p001/a.png')
    expect(storage.linkIsValid('checkins/p001/a.png', link.searchParams)).toBe(true)
    // A link is good for its own file only, and not once its signature or expiry is changed.
    expect(storage.linkIsValid('checkins/p001/b.png', link.searchParams)).toBe(false)
    const forged = new URLSearchParams(link.searchParams)
    forged.set('expires', String(Number(forged.get('expires')) + 1000))
    expect(storage.linkIsValid('checkins/p001/a.png', forged)).toBe(false)
    expect(storage.linkIsValid('checkins/p001/a.png', new URLSearchParams())).toBe(false)
    expect(storage.download(fileID)).toEqual({ fileContent: Buffer.from('png') })
    expect(storage.remove(fileID).code).toBeUndefined()
    expect(storage.remove(fileID).code).toBe('STORAGE_FILE_NONEXIST')
  })

  // 云存储 getTempFileURL: a link lasts maxAge seconds; the profile's default is 2 hours.
  it('issues links that expire after two hours', () => {
    const fileID = (storage.upload('checkins/p001/c.png', Buffer.from('png')) as { fileID: string }).fileID
    const issuedAt = Date.now()
    const clock = jest.spyOn(Date, 'now').mockReturnValue(issuedAt)
    try {
      const issued = storage.tempUrl(fileID)
      expect(issued.maxAge).toBe(7200)
      const link = new URL(issued.tempFileURL ?? '')
      clock.mockReturnValue(issuedAt + 2 * 3600_000 - 1000)
      expect(storage.linkIsValid('checkins/p001/c.png', link.searchParams)).toBe(true)
      clock.mockReturnValue(issuedAt + 2 * 3600_000 + 1000)
      expect(storage.linkIsValid('checkins/p001/c.png', link.searchParams)).toBe(false)
    } finally {
      clock.mockRestore()
    }
  })

  it('refuses files over the size limit and bad paths', () => {
    expect(storage.upload('big.jpg', Buffer.alloc(MAX_FILE_BYTES + 1))).toMatchObject({
      code: 'STORAGE_EXCEED_AUTHORITY',
    })
    expect(storage.upload('../x.jpg', Buffer.from('x'))).toMatchObject({ code: 'STORAGE_REQUEST_FAIL' })
  })
})

describe('subscribe message values', () => {
  it('accepts values within WeChat limits', () => {
    expect(
      invalidTemplateData({ thing1: { value: '里程碑即将到期' }, date2: { value: '2026-11-30' } }),
    ).toBeNull()
  })
  it('refuses a thing over 20 characters, a phrase over 5 and unknown keys', () => {
    expect(invalidTemplateData({ thing1: { value: '一'.repeat(21) } })).toContain('20')
    expect(invalidTemplateData({ phrase3: { value: '待审批待审批' } })).toContain('5')
    expect(invalidTemplateData({ foo1: { value: 'x' } })).toContain('未知')
    expect(invalidTemplateData({ thing1: { value: '' } })).not.toBeNull()
  })
})
