import { cloud } from './cloud'

const CLOUD_SRC = /src="(cloud:\/\/[^"]+)"/g

/** The cloud file ids a sanitised body shows as images. */
export const bodyImageIds = (html: string): string[] => [
  ...new Set([...html.matchAll(CLOUD_SRC)].map((m) => m[1])),
]

/**
 * Temporary https links for cloud files, by file id. WeChat's <rich-text> cannot load `cloud://` ids (only
 * <image>, <video> and a few APIs can), so a lecture body's images travel with their links. A file the
 * storage cannot link is left out: the app then shows the id as it would anywhere else.
 */
export async function tempUrls(fileIds: string[]): Promise<Record<string, string>> {
  if (fileIds.length === 0) return {}
  const res = (await cloud.getTempFileURL({ fileList: fileIds.slice(0, 50) })) as {
    fileList: { fileID: string; tempFileURL?: string; status?: number }[]
  }
  return Object.fromEntries(
    res.fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL as string]),
  )
}
