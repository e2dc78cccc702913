/** Every upload goes into its uploader's folder under a random name: `uploads/<personId>/<name>.<ext>`. */
export const UPLOAD_ROOT = 'uploads'

export interface UploadType {
  ext: string
  maxBytes: number
  photo: boolean
}

const MB = 1024 * 1024

/**
 * What members may upload, by MIME type: photos for check-ins; photos and documents as milestone evidence;
 * audio and video for micro-lectures.
 */
export const UPLOAD_TYPES: Readonly<Record<string, UploadType>> = {
  'image/jpeg': { ext: 'jpg', maxBytes: 10 * MB, photo: true },
  'image/png': { ext: 'png', maxBytes: 10 * MB, photo: true },
  'image/webp': { ext: 'webp', maxBytes: 10 * MB, photo: true },
  'application/pdf': { ext: 'pdf', maxBytes: 20 * MB, photo: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: 'docx',
    maxBytes: 20 * MB,
    photo: false,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    ext: 'xlsx',
    maxBytes: 20 * MB,
    photo: false,
  },
  'audio/mpeg': { ext: 'mp3', maxBytes: 20 * MB, photo: false },
  'audio/mp4': { ext: 'm4a', maxBytes: 20 * MB, photo: false },
  'audio/x-m4a': { ext: 'm4a', maxBytes: 20 * MB, photo: false },
  'audio/aac': { ext: 'aac', maxBytes: 20 * MB, photo: false },
  'video/mp4': { ext: 'mp4', maxBytes: 50 * MB, photo: false },
}

/** A phone's own uploader may name a JPEG `.jpeg`. */
export const PHOTO_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'webp']
export const EVIDENCE_EXTENSIONS: readonly string[] = [...PHOTO_EXTENSIONS, 'pdf', 'docx', 'xlsx']

const NAME = /^[A-Za-z0-9_-]{8,64}$/

/** The cloud path of a new upload. The original file name never becomes part of it. */
export function uploadPath(personId: string, name: string, ext: string): string {
  if (!NAME.test(name)) throw new Error('upload names are 8–64 letters, digits, - or _')
  return `${UPLOAD_ROOT}/${personId}/${name}.${ext}`
}

const FILE_ID = /^cloud:\/\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\/(.+)$/

/**
 * Why `personId` may not attach `fileId`, or null when they may: it must be a file of this environment's
 * storage (`cloud://<env>.<bucket>/…`), one of their own uploads, with one of `extensions`.
 */
export function fileIdProblem(
  fileId: string,
  env: string,
  personId: string,
  extensions: readonly string[],
): string | null {
  const m = FILE_ID.exec(fileId)
  if (!m || m[1] !== env) return '不是本系统存储的文件'
  const [root, owner, file, ...rest] = m[2].split('/')
  if (root !== UPLOAD_ROOT || owner !== personId || file === undefined || rest.length > 0)
    return '只能使用自己上传的文件'
  const dot = file.lastIndexOf('.')
  const ext = file.slice(dot + 1)
  if (dot < 0 || !NAME.test(file.slice(0, dot)) || !extensions.includes(ext)) return '文件类型不允许'
  return null
}
