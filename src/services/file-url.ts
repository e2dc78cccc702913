/** localcloud's storage prefix; its gateway serves those files under /files/. */
const LOCAL_PREFIX = 'cloud://local.localcloud/'

/** Temporary links the functions sent with their answers, by file id (cloud storage is private). */
const links = new Map<string, string>()

/** Keeps the links an answer carried, for fileUrl: callCloud hands them over before the data reaches a page. */
export function rememberFileLinks(files: Record<string, string> | undefined): void {
  if (!files) return
  for (const [id, url] of Object.entries(files)) links.set(id, url)
}

/**
 * What an <Image> can show for a cloud file id: the temporary link its answer carried. Without one, WeChat's
 * <Image> loads a `cloud://` id itself (the person's own uploads), and on H5 localcloud's gateway serves it
 * under /files/ when its profile allows.
 */
export function fileUrl(fileId: string): string {
  const linked = links.get(fileId)
  if (linked) return linked
  if (process.env.TARO_ENV === 'weapp') return fileId
  return fileId.startsWith(LOCAL_PREFIX) ? `/files/${fileId.slice(LOCAL_PREFIX.length)}` : fileId
}

const PHOTO = /\.(jpe?g|png|webp)$/i

/** Whether a cloud file is a photo (shown as a thumbnail) rather than a document. */
export const isPhoto = (fileId: string): boolean => PHOTO.test(fileId)
