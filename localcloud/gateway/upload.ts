import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { UPLOAD_TYPES, uploadPath } from '../../domain/files'
import type { LocalDatabase } from '../db'
import type { LocalStorage } from '../storage'
import { readBody, sendFail, sendJson } from './http'

/** `POST /files/upload`, body = the file's bytes, `content-type` = its type. What Taro.cloud.uploadFile is on H5. */
export const UPLOAD_PATH = '/files/upload'

const startsWith = (bytes: Buffer, prefix: number[] | string, at = 0): boolean => {
  const want = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.from(prefix)
  return bytes.length >= at + want.length && bytes.subarray(at, at + want.length).equals(want)
}

/** Whether the bytes are what the declared type says: a renamed .exe is not a photo. */
function looksLike(type: string, bytes: Buffer): boolean {
  switch (type) {
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff])
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    case 'image/webp':
      return startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)
    case 'application/pdf':
      return startsWith(bytes, '%PDF-')
    case 'audio/mpeg':
      // An ID3 tag, or straight into an MPEG audio frame (11 sync bits).
      return startsWith(bytes, 'ID3') || (bytes.length > 1 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)
    case 'audio/aac':
      // ADTS frame sync: 12 bits set.
      return bytes.length > 1 && bytes[0] === 0xff && (bytes[1] & 0xf0) === 0xf0
    case 'audio/mp4':
    case 'audio/x-m4a':
    case 'video/mp4':
      // ISO base media: a box whose type is `ftyp` right after its 4-byte size.
      return startsWith(bytes, 'ftyp', 4)
    default:
      // docx and xlsx are zip archives.
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])
  }
}

/**
 * Stores one upload of a signed-in member in localcloud storage under a random name in their own folder
 * (the original file name never becomes a path) and answers `{ok:true, data:{fileID, url}}`.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { db: LocalDatabase; storage: LocalStorage },
  openid: string | null,
): Promise<void> {
  if (!openid) return sendFail(res, 401, 'UNAUTHENTICATED', '请先登录')
  const person = opts.db.find('people', { openid }, { limit: 1 })[0]
  if (!person) {
    req.resume()
    return sendFail(res, 403, 'NOT_REGISTERED', '你的微信还未登记为党员，请联系支部书记')
  }
  const declared = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const type = UPLOAD_TYPES[declared]
  if (!type) {
    req.resume()
    return sendFail(res, 415, 'INVALID_INPUT', '只能上传 JPG、PNG、WebP 图片或 PDF、Word、Excel 文件')
  }
  const body = await readBody(req, type.maxBytes)
  if (body === 'too_large') {
    return sendFail(res, 413, 'BODY_TOO_LARGE', `文件不能超过 ${type.maxBytes / 1024 / 1024} MB`)
  }
  if (body.length === 0) return sendFail(res, 400, 'INVALID_INPUT', '文件是空的')
  if (!looksLike(declared, body)) return sendFail(res, 415, 'INVALID_INPUT', '文件内容与类型不符')
  const cloudPath = uploadPath(String(person._id), randomBytes(12).toString('hex'), type.ext)
  const stored = opts.storage.upload(cloudPath, body)
  if ('code' in stored) return sendFail(res, 400, 'INVALID_INPUT', stored.message)
  sendJson(res, 200, {
    ok: true,
    data: { fileID: stored.fileID, url: opts.storage.tempUrl(stored.fileID).tempFileURL ?? null },
  })
}
