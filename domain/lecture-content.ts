import type { MediaKind } from '../types/entities-community'
import { hasVisibleText } from '../types/text'
import { PHOTO_EXTENSIONS, UPLOAD_ROOT } from './files'

/** What a lecture may play, by kind, and what its images may be. */
export const LECTURE_FILE_TYPES: Record<
  MediaKind | 'image',
  { extensions: readonly string[]; message: string }
> = {
  audio: { extensions: ['mp3', 'm4a', 'aac'], message: '音频只能是 MP3、M4A 或 AAC 文件' },
  video: { extensions: ['mp4'], message: '视频只能是 MP4 文件' },
  image: { extensions: PHOTO_EXTENSIONS, message: '图片只能是 JPG、PNG 或 WebP 文件' },
}

const FILE_ID = /^cloud:\/\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\/(.+)$/
const SEGMENT = /^[A-Za-z0-9_-]+$/

/**
 * Why a lecture may not use `fileId` as `kind`, or null when it may: a file uploaded through the app to this
 * environment's storage (`cloud://<env>.<bucket>/uploads/<person>/<name>.<ext>`), of an allowed type. Any
 * editor's upload will do: a lecture is often finished by someone other than who started it.
 */
export function lectureFileProblem(fileId: string, env: string, kind: MediaKind | 'image'): string | null {
  const m = FILE_ID.exec(fileId)
  if (!m || m[1] !== env) return '不是本系统存储的文件'
  const [root, owner, file, ...rest] = m[2].split('/')
  if (root !== UPLOAD_ROOT || !owner || !SEGMENT.test(owner) || file === undefined || rest.length > 0)
    return '不是通过本系统上传的文件'
  const dot = file.lastIndexOf('.')
  const { extensions, message } = LECTURE_FILE_TYPES[kind]
  if (dot < 1 || !SEGMENT.test(file.slice(0, dot)) || !extensions.includes(file.slice(dot + 1)))
    return message
  return null
}

/**
 * Why a lecture may not take `cover` from `personId`, or null: a new cover must be their own upload, as every
 * other picture in the app is; a cover already on the lecture stays whoever uploaded it.
 */
export function coverOwnerProblem(cover: string, personId: string, current: string | null): string | null {
  if (cover === current) return null
  const owner = FILE_ID.exec(cover)?.[2].split('/')[1]
  return owner === personId ? null : '封面只能使用自己上传的图片'
}

/** Whether sanitised rich text says anything: some visible text, or an image. */
export const bodyHasContent = (html: string): boolean =>
  /<img\s/i.test(html) || hasVisibleText(html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' '))
