import { EVIDENCE_EXTENSIONS, PHOTO_EXTENSIONS, UPLOAD_TYPES, fileIdProblem, uploadPath } from '../files'
import { LECTURE_FILE_TYPES } from '../lecture-content'

const id = (path: string, env = 'local') => `cloud://${env}.localcloud/${path}`

describe('uploadPath', () => {
  it('puts an upload in its uploader’s folder under the given random name', () => {
    expect(uploadPath('p002', 'a1b2c3d4e5', 'jpg')).toBe('uploads/p002/a1b2c3d4e5.jpg')
  })
  it('never takes a file name as the name', () => {
    expect(() => uploadPath('p002', '../../x', 'jpg')).toThrow()
    expect(() => uploadPath('p002', '照片', 'jpg')).toThrow()
  })
  it('knows an extension for every allowed type, photos among them', () => {
    const photos = Object.values(UPLOAD_TYPES).filter((t) => t.photo)
    expect(photos.map((t) => t.ext)).toEqual(['jpg', 'png', 'webp'])
    // Every upload is usable somewhere: as evidence, or as a lecture's audio or video.
    const usable = [
      ...EVIDENCE_EXTENSIONS,
      ...LECTURE_FILE_TYPES.audio.extensions,
      ...LECTURE_FILE_TYPES.video.extensions,
    ]
    for (const t of Object.values(UPLOAD_TYPES)) expect(usable).toContain(t.ext)
  })
})

describe('fileIdProblem', () => {
  it('accepts the caller’s own upload of an allowed type in this environment', () => {
    expect(fileIdProblem(id('uploads/p002/a1b2c3d4e5.jpg'), 'local', 'p002', PHOTO_EXTENSIONS)).toBeNull()
    expect(fileIdProblem(id('uploads/p002/a1b2c3d4e5.pdf'), 'local', 'p002', EVIDENCE_EXTENSIONS)).toBeNull()
    expect(
      fileIdProblem(
        'cloud://prod-4g8h.7072-prod-4g8h-1300/uploads/p002/a1b2c3d4e5.png',
        'prod-4g8h',
        'p002',
        PHOTO_EXTENSIONS,
      ),
    ).toBeNull()
  })

  it.each([
    ['another environment', id('uploads/p002/a1b2c3d4e5.jpg', 'prod'), '不是本系统存储的文件'],
    ['a web address', 'https://example.com/uploads/p002/a1b2c3d4e5.jpg', '不是本系统存储的文件'],
    ['another person’s upload', id('uploads/p003/a1b2c3d4e5.jpg'), '只能使用自己上传的文件'],
    ['a file outside the upload folder', id('evidence/a1b2c3d4e5.jpg'), '只能使用自己上传的文件'],
    ['a deeper path', id('uploads/p002/x/a1b2c3d4e5.jpg'), '只能使用自己上传的文件'],
    ['a climb out', id('uploads/p002/../p003/a1b2c3d4e5.jpg'), '只能使用自己上传的文件'],
    ['a document as a photo', id('uploads/p002/a1b2c3d4e5.pdf'), '文件类型不允许'],
    ['a program', id('uploads/p002/a1b2c3d4e5.exe'), '文件类型不允许'],
    ['no extension', id('uploads/p002/a1b2c3d4e5'), '文件类型不允许'],
    ['a short name', id('uploads/p002/a.jpg'), '文件类型不允许'],
  ])('refuses %s', (_what, fileId, message) => {
    expect(fileIdProblem(fileId, 'local', 'p002', PHOTO_EXTENSIONS)).toBe(message)
  })
})
