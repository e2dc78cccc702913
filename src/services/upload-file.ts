import { rememberFileLinks } from './file-url'
import Taro from '@tarojs/taro'
import { CloudError } from './cloud-error'
import { fromWeChatFailure } from './wechat-errors'
import { newRequestId } from './request-id'

/** MIME types by extension: what the server accepts (domain/files.ts UPLOAD_TYPES). */
const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  mp4: 'video/mp4',
}

const extensionOf = (path: string) => /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''

/** In the person's own folder under a random name: the server refuses anything else (domain/files.ts). */
const cloudPathFor = (personId: string, ext: string) =>
  `uploads/${personId}/${newRequestId().replace(/[^A-Za-z0-9_-]/g, '')}.${ext === 'jpeg' ? 'jpg' : ext}`

async function uploadWeapp(localPath: string, personId: string): Promise<string> {
  const ext = extensionOf(localPath)
  if (!TYPES[ext])
    throw new CloudError('INVALID_INPUT', '只能上传 JPG、PNG、WebP 图片或 PDF、Word、Excel 文件')
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: cloudPathFor(personId, ext), filePath: localPath })
    return res.fileID
  } catch (error) {
    const failure = fromWeChatFailure(error, 'uploadFile')
    throw new CloudError(
      failure.code,
      failure.code === 'NETWORK' ? '上传失败，请检查网络后重试' : failure.message,
    )
  }
}

/** H5 (localcloud): the chosen file is a blob URL; post its bytes to the gateway's upload endpoint. */
async function uploadGateway(localPath: string): Promise<string> {
  let res: Response
  try {
    const blob = await (await fetch(localPath)).blob()
    const type = blob.type || TYPES[extensionOf(localPath)] || 'application/octet-stream'
    res = await fetch('/files/upload', {
      method: 'POST',
      headers: { 'content-type': type },
      credentials: 'same-origin',
      body: blob,
    })
  } catch {
    throw new CloudError('NETWORK', '上传失败，请检查网络后重试')
  }
  const json = (await res.json().catch(() => null)) as
    | { ok: true; data: { fileID: string; url?: string | null } }
    | { ok: false; code: CloudError['code']; message: string }
    | null
  if (!json) throw new CloudError('NETWORK', `上传失败（${res.status}）`)
  if (!json.ok) throw new CloudError(json.code, json.message)
  // The gateway's storage is private like CloudBase's: the upload answers a temporary link to show it by.
  if (json.data.url) rememberFileLinks({ [json.data.fileID]: json.data.url })
  return json.data.fileID
}

/** Uploads one local file (a photo just chosen or taken) and answers its cloud file id. */
export const uploadFile = (localPath: string, personId: string): Promise<string> =>
  process.env.TARO_ENV === 'weapp' ? uploadWeapp(localPath, personId) : uploadGateway(localPath)

/** Uploads local photos one after another, in order, saying which one is on its way; answers their file ids. */
export async function uploadPhotos(
  paths: readonly string[],
  personId: string,
  onProgress: (text: string) => void,
): Promise<string[]> {
  const out: string[] = []
  for (const [k, path] of paths.entries()) {
    onProgress(`正在上传第 ${k + 1}/${paths.length} 张照片…`)
    out.push(await uploadFile(path, personId))
  }
  return out
}
