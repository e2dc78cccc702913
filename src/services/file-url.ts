/** localcloud's storage prefix; its gateway serves those files under /files/. */
const LOCAL_PREFIX = 'cloud://local.localcloud/'

/**
 * What an <Image> can show for a cloud file id. WeChat's <Image> loads `cloud://` ids itself; on H5 (always
 * localcloud) the gateway serves them under /files/.
 */
export function fileUrl(fileId: string): string {
  if (process.env.TARO_ENV === 'weapp') return fileId
  return fileId.startsWith(LOCAL_PREFIX) ? `/files/${fileId.slice(LOCAL_PREFIX.length)}` : fileId
}

const PHOTO = /\.(jpe?g|png|webp)$/i

/** Whether a cloud file is a photo (shown as a thumbnail) rather than a document. */
export const isPhoto = (fileId: string): boolean => PHOTO.test(fileId)
