/**
 * The geometry of the dashboard's charts, drawn as views (bars and columns sized in percent) so that they
 * render the same on weapp and H5. Pure: what to draw, never how.
 */

/** The axis top for values up to `max`: 1, 2 or 5 × 10ⁿ, at least 1, so columns are read against round figures. */
export function niceMax(max: number): number {
  if (!(max > 1)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power
  return 10 * power
}

export interface Column {
  label: string
  value: number
  /** Height as a share of the plot, 0–1. */
  fraction: number
  /** Whether its label is printed under it: on a phone at most LABELS_SHOWN fit side by side. */
  labelled: boolean
}

/** How many column labels (e.g. 10/13) fit side by side under a phone-wide chart without running together. */
export const LABELS_SHOWN = 6

/**
 * Which of `count` columns carry a label: every k-th counted back from the last (the newest week is always
 * named), k the smallest step that keeps the labels to LABELS_SHOWN.
 */
export function labelledColumns(count: number, room = LABELS_SHOWN): boolean[] {
  const step = Math.max(1, Math.ceil(count / room))
  return Array.from({ length: count }, (_, i) => (count - 1 - i) % step === 0)
}

/** Columns against a round axis top; the axis top and its half are the gridlines' figures. */
export function columnChart(points: readonly { label: string; value: number }[]): {
  columns: Column[]
  axisMax: number
  total: number
} {
  const axisMax = niceMax(Math.max(0, ...points.map((p) => p.value)))
  const labelled = labelledColumns(points.length)
  return {
    columns: points.map((p, i) => ({ ...p, fraction: clamp01(p.value / axisMax), labelled: labelled[i] })),
    axisMax,
    total: points.reduce((s, p) => s + p.value, 0),
  }
}

export interface Segment<K extends string> {
  key: K
  value: number
  /** Share of the whole bar, 0–1; the shares of the segments shown add up to 1. */
  share: number
}

/** A stacked bar: one segment per non-zero part, in the order given. */
export function stackedBar<K extends string>(parts: readonly { key: K; value: number }[]): Segment<K>[] {
  const total = parts.reduce((s, p) => s + Math.max(0, p.value), 0)
  if (total === 0) return []
  return parts.filter((p) => p.value > 0).map((p) => ({ key: p.key, value: p.value, share: p.value / total }))
}

/** Horizontal bars measured against the largest value (or `max` when given), each 0–1. */
export function barFractions(values: readonly number[], max?: number): number[] {
  const top = max ?? Math.max(0, ...values)
  return values.map((v) => (top > 0 ? clamp01(v / top) : 0))
}

/** A share as a CSS percentage, at least a sliver when the value is not zero (so it can be seen and tapped). */
export function percent(share: number, minimum = 0): string {
  const p = share > 0 ? Math.max(minimum, share * 100) : 0
  return `${Math.round(Math.min(100, p) * 10) / 10}%`
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0)
