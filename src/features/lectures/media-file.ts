import type { MediaKind } from '@contract/entities-community'
import { UPLOAD_TYPES } from '@domain/files'
import { LECTURE_FILE_TYPES } from '@domain/lecture-content'

/** A file the phone handed back from its chooser. */
export interface ChosenFile {
  path: string
  /** The original name, when the chooser gives one (chooseMessageFile does). */
  name?: string
  /** MIME type, when the chooser gives one (H5 does; its paths are blob URLs without an extension). */
  type?: string
  size: number
}

const MB = 1024 * 1024

const extensionOf = (name: string): string => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''

/** The file's extension: from its name, else its path, else its MIME type. */
export function chosenExtension(file: ChosenFile): string {
  const fromName = extensionOf(file.name ?? '') || extensionOf(file.path)
  if (fromName) return fromName
  return (file.type && UPLOAD_TYPES[file.type]?.ext) || ''
}

/** The largest file of a kind the upload accepts (domain/files UPLOAD_TYPES). */
export function maxBytesOf(kind: MediaKind): number {
  const sizes = Object.values(UPLOAD_TYPES)
    .filter((t) => LECTURE_FILE_TYPES[kind].extensions.includes(t.ext))
    .map((t) => t.maxBytes)
  return sizes.length > 0 ? Math.max(...sizes) : 0
}

/**
 * Why a chosen file cannot be a lecture's audio or video, or null when it can: the types the function
 * accepts, within the upload's size. Said before a long upload rather than after it.
 */
export function mediaFileProblem(kind: MediaKind, file: ChosenFile): string | null {
  const { extensions, message } = LECTURE_FILE_TYPES[kind]
  if (!extensions.includes(chosenExtension(file))) return message
  const max = maxBytesOf(kind)
  if (file.size > max) return `${kind === 'audio' ? '音频' : '视频'}不能超过 ${Math.round(max / MB)} MB`
  return null
}

/** A length the function accepts (1 s to 4 h), or null when the chooser did not say. */
export function mediaDuration(seconds: number | undefined): number | null {
  if (!seconds || !Number.isFinite(seconds)) return null
  return Math.min(4 * 3600, Math.max(1, Math.round(seconds)))
}
