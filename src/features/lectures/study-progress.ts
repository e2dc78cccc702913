const clamp01 = (n: number): number => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0)

/**
 * How much of the body has been on screen: the share of it above the bottom of the window. A body that fits
 * on one screen is read at once; one not yet measured (null) is not read.
 */
export function readFraction(rect: { top: number; height: number } | null, windowHeight: number): number {
  if (!rect || rect.height <= 0) return 0
  return clamp01((windowHeight - rect.top) / rect.height)
}

/** How far the audio or video has played; unknown length is no progress. */
export const mediaFraction = (position: number, duration: number | null): number =>
  duration && duration > 0 ? clamp01(position / duration) : 0

/**
 * A lecture's progress is the further of the two ways through it — reading the text or playing the
 * media — so a member who listens need not also scroll, and one who reads need not also listen.
 */
export const studyProgress = (read: number, media: number): number => Math.max(clamp01(read), clamp01(media))
