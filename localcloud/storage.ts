import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, resolve, sep } from 'node:path'
import { activeProfile } from './profile'
import { roundTrip } from './round-trips'
import { sdkRequire } from './sdk-modules'

/** Extensions the product stores: photos, audio, video and office documents for evidence. */
export const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The largest upload the product accepts (a lecture video, domain/files.ts). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024
const FILE_ID_PREFIX = 'cloud://local.localcloud/'

export type StorageResult<T> = T | { code: string; message: string }

/** A cloud path may become a file name only if it is plain: letters, digits, - _ . / and no `..`. */
export function safeCloudPath(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > 256) return null
  if (!/^[A-Za-z0-9_\-./]+$/.test(cloudPath)) return null
  if (cloudPath.startsWith('/') || cloudPath.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return null
  if (!CONTENT_TYPES[extname(cloudPath).toLowerCase()]) return null
  return cloudPath
}

const pathOf = (fileID: unknown) =>
  typeof fileID === 'string' && fileID.startsWith(FILE_ID_PREFIX)
    ? safeCloudPath(fileID.slice(FILE_ID_PREFIX.length))
    : null

/** The local folder that stands in for cloud storage. */
export class LocalStorage {
  /** Signs temp links: a link is good only as issued, and only until it expires. */
  private readonly key = randomBytes(32)

  constructor(
    readonly dir: string,
    public publicBase = '',
  ) {
    mkdirSync(dir, { recursive: true })
  }

  /** Absolute file for a cloud path, or null when the path is not allowed or escapes the folder. */
  fileFor(cloudPath: string): string | null {
    const safe = safeCloudPath(cloudPath)
    if (!safe) return null
    const file = resolve(this.dir, safe)
    return file.startsWith(resolve(this.dir) + sep) ? file : null
  }

  upload(cloudPath: unknown, content: unknown): StorageResult<{ fileID: string }> {
    const file = typeof cloudPath === 'string' ? this.fileFor(cloudPath) : null
    if (!file) return { code: 'STORAGE_REQUEST_FAIL', message: '文件路径或类型不允许' }
    const bytes = Buffer.isBuffer(content)
      ? content
      : typeof content === 'string'
        ? Buffer.from(content)
        : null
    if (!bytes) return { code: 'STORAGE_REQUEST_FAIL', message: '文件内容无效' }
    if (bytes.length > MAX_FILE_BYTES) return { code: 'STORAGE_EXCEED_AUTHORITY', message: '文件过大' }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, bytes)
    return { fileID: FILE_ID_PREFIX + cloudPath }
  }

  tempUrl(fileID: unknown): { fileID: string; tempFileURL?: string; code?: string; maxAge?: number } {
    const p = pathOf(fileID)
    const file = p && this.fileFor(p)
    if (!p || !file || !existsSync(file)) return { fileID: String(fileID), code: 'STORAGE_FILE_NONEXIST' }
    const ttl = activeProfile().tempUrlTtlMs
    const expires = Date.now() + ttl
    return {
      fileID: String(fileID),
      tempFileURL: `${this.publicBase}/files/${p}?expires=${expires}&sign=${this.sign(p, expires)}`,
      maxAge: Math.floor(ttl / 1000),
    }
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${path}\n${expires}`).digest('hex').slice(0, 32)
  }

  /** Whether a /files/ request carries a temp link issued for this path that has not expired. */
  linkIsValid(path: string, query: URLSearchParams): boolean {
    const expires = Number(query.get('expires'))
    const given = Buffer.from(query.get('sign') ?? '')
    const want = Buffer.from(this.sign(path, expires))
    return (
      Number.isFinite(expires) &&
      expires >= Date.now() &&
      given.length === want.length &&
      timingSafeEqual(given, want)
    )
  }

  download(fileID: unknown): StorageResult<{ fileContent: Buffer }> {
    const p = pathOf(fileID)
    const file = p && this.fileFor(p)
    if (!file || !existsSync(file)) return { code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' }
    return { fileContent: readFileSync(file) }
  }

  remove(fileID: unknown): { fileID: string; code?: string } {
    const p = pathOf(fileID)
    const file = p && this.fileFor(p)
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      return { fileID: String(fileID), code: 'STORAGE_FILE_NONEXIST' }
    }
    rmSync(file)
    return { fileID: String(fileID) }
  }
}

interface Args {
  cloudPath?: unknown
  fileContent?: unknown
  fileID?: unknown
  fileList?: unknown[]
}

type Awaitable<T> = T | Promise<T>

/** What the SDK's storage calls are answered from: the folder itself, or (in a function's worker) a proxy to it. */
export interface StorageBackend {
  upload(cloudPath: unknown, content: unknown): Awaitable<StorageResult<{ fileID: string }>>
  download(fileID: unknown): Awaitable<StorageResult<{ fileContent: Buffer }>>
  tempUrl(fileID: unknown): Awaitable<ReturnType<LocalStorage['tempUrl']>>
  remove(fileID: unknown): Awaitable<{ fileID: string; code?: string }>
}

/** Points the SDK's storage calls (uploadFile, getTempFileURL, downloadFile, deleteFile) at the local folder. */
export function installLocalStorage(storage: StorageBackend): void {
  const { CloudBase } = sdkRequire('@cloudbase/node-sdk/dist/cloudbase') as {
    CloudBase: { prototype: Record<string, unknown> }
  }
  const proto = CloudBase.prototype
  const idOf = (f: unknown) => (typeof f === 'object' && f !== null ? (f as { fileID?: unknown }).fileID : f)
  // Each call is one round trip to CloudBase storage.
  proto.uploadFile = ({ cloudPath, fileContent }: Args) =>
    roundTrip(() => storage.upload(cloudPath, fileContent))
  proto.downloadFile = ({ fileID }: Args) => roundTrip(() => storage.download(fileID))
  proto.getTempFileURL = ({ fileList = [] }: Args) =>
    roundTrip(async () => ({ fileList: await Promise.all(fileList.map((f) => storage.tempUrl(idOf(f)))) }))
  proto.deleteFile = ({ fileList = [] }: Args) =>
    roundTrip(async () => ({ fileList: await Promise.all(fileList.map((f) => storage.remove(f))) }))
}
