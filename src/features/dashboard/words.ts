import type { LeaguePartView } from '@contract/api'
import { LEAGUE_PART_LABELS } from '@domain/labels'
import { chinaTime } from '@domain/time'

/** A rate 0–100 as the dashboard writes it, or 暂无 when there is nothing to rate. */
export const rateText = (rate: number | null): string => (rate === null ? '暂无' : `${rate.toFixed(1)}%`)

/** A Monday (YYYY-MM-DD) as the short label under its column. */
export const weekLabel = (week: string): string => `${Number(week.slice(5, 7))}/${Number(week.slice(8, 10))}`

/** The month (YYYY-MM) as 11月. */
export const monthLabel = (month: string): string => `${Number(month.slice(5, 7))}月`

/** 更新于 11月26日 20:20, from the roll-up's ISO time, in China time. */
export function asOfText(iso: string | null): string {
  if (!iso) return '数据正在统计，请稍后下拉刷新'
  return `数据更新于 ${chinaTime(iso).format('M月D日 HH:mm')}`
}

/**
 * How fresh a large company's figures are, part by part: empty when the roll-up is in one piece and complete;
 * 共 20 部分 · 3 部分正在更新 · 最早的部分截至 11月26日 20:05.
 */
export function freshnessText(f: { parts: number; updating: number; oldest: string | null }): string {
  if (f.parts <= 1 && f.updating === 0) return ''
  const out = [`共 ${f.parts} 部分`]
  if (f.updating > 0) out.push(`${f.updating} 部分正在更新`)
  if (f.oldest) out.push(`最早的部分截至 ${asOfText(f.oldest).replace('数据更新于 ', '')}`)
  return out.join(' · ')
}

/** One part of a league score in words: 完成率 60.0 分 × 30% = 18 分. */
export function partText(p: LeaguePartView): string {
  const value = p.value === null ? '暂无数据' : `${p.value.toFixed(1)}`
  return `${LEAGUE_PART_LABELS[p.part]} ${value} × ${p.weight}% = ${p.points} 分`
}

/** The parts' points in one line: 完成 18 · 按期 20 · … */
export const pointsLine = (parts: readonly LeaguePartView[]): string =>
  parts.map((p) => `${LEAGUE_PART_LABELS[p.part].slice(0, 2)} ${p.points}`).join(' · ')

/** What a tap on 立即刷新 did, in one toast. */
export function refreshText(
  r: { refreshed: boolean; unchanged: boolean; nextAt: string },
  now = Date.now(),
): string {
  if (!r.refreshed)
    return `刚刚刷新过，请 ${Math.max(1, Math.ceil((Date.parse(r.nextAt) - now) / 1000))} 秒后再试`
  return r.unchanged ? '数据已是最新' : '已刷新'
}
