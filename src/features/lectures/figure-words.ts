/**
 * Study figures in words. Kept apart from study-words.ts, which reads the domain rules: 我的 (in the main
 * package) shows figures and need not carry the lecture rules along.
 */

/** Hours to one decimal, as 学习时长 is kept (domain/lectures studyHours). */
export const hoursText = (hours: number): string =>
  Number.isInteger(hours) ? String(hours) : hours.toFixed(1)

/** A completion rate in words, rounded down; no audience yet is said as such rather than as 0%. */
export const rateText = (rate: number | null): string =>
  rate === null ? '暂无学员' : `${Math.floor(Math.min(1, Math.max(0, rate)) * 100 + 1e-9)}%`
