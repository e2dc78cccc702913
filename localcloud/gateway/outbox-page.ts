import type { ServerResponse } from 'node:http'
import type { LocalDatabase } from '../db'
import { CREDITS, OUTBOX } from '../openapi'
import { devPage, esc } from './dev-page'

export const OUTBOX_PATH = '/dev/outbox'

const when = (d: unknown) =>
  d instanceof Date || typeof d === 'string'
    ? new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
    : ''

type Doc = Record<string, unknown>

function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/**
 * The localcloud-only page of what "WeChat" delivered: the latest subscribe messages in the outbox, the
 * latest failed sends the reminders sweep logged, and the credits people hold. Never part of the WeChat build.
 */
export function renderOutbox(db: LocalDatabase, limit = 50): string {
  const sent = db.find(OUTBOX, {}, { sort: { sentAt: -1 }, limit })
  const failures = db.find('reminder_log', { outcome: 'failed' }, { sort: { at: -1 }, limit })
  const credits = db.find(CREDITS, { count: { $gt: 0 } }, { sort: { _id: 1 }, limit: 200 })
  const openids = [...new Set([...sent.map((s) => s.touser), ...credits.map((c) => c.openid)])]
  const people = db.find('people', { openid: { $in: openids } }, { limit: 1000 })
  const byOpenid = new Map(people.map((p) => [p.openid, p.name]))
  const names = new Map(
    db
      .find('people', { _id: { $in: [...new Set(failures.map((f) => f.personId))] } }, { limit: 1000 })
      .map((p) => [p._id, p.name]),
  )
  const values = (data: unknown) =>
    Object.entries((data ?? {}) as Record<string, { value?: unknown }>)
      .map(([k, v]) => `<span class="kv">${esc(k)}：${esc(v?.value)}</span>`)
      .join('')
  const outbox = table(
    ['发送时间', '接收人', '模板', '内容', '跳转页面'],
    sent.map((s: Doc) => [
      esc(when(s.sentAt)),
      esc(byOpenid.get(s.touser) ?? s.touser),
      esc(s.templateId),
      values(s.data),
      `<code>${esc(s.page)}</code>`,
    ]),
    '还没有发出的订阅消息。',
  )
  const failed = table(
    ['时间', '人员', '提醒', '模板', '原因', '消息'],
    failures.map((f: Doc) => [
      esc(when(f.at)),
      esc(names.get(f.personId) ?? f.personId),
      esc(f.kind),
      esc(f.templateId),
      esc(f.reason === '43101' ? '43101 没有订阅额度' : f.reason),
      `<code>${esc(f.messageId)}</code>`,
    ]),
    '没有发送失败的记录。',
  )
  const held = table(
    ['人员', '模板', '剩余额度'],
    credits.map((c: Doc) => [esc(byOpenid.get(c.openid) ?? c.openid), esc(c.templateId), esc(c.count)]),
    '没有人持有订阅额度（在应用中点“允许”接收提醒后才有）。',
  )
  return devPage({
    title: '订阅消息发件箱',
    heading: '订阅消息发件箱',
    note: '提醒经“微信”发出的订阅消息与发送失败记录',
    fontSize: 15,
    maxWidth: 1100,
    style: `table{width:100%;border-collapse:collapse;background:#fff;border-radius:10px;overflow:hidden}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid #eee}
th{background:#fafafa;color:#555;font-weight:600}
.kv{display:block}code{font-size:13px;color:#555;word-break:break-all}.empty{color:#555}`,
    main: `<h2>最近发出（${sent.length}）</h2>${outbox}
<h2>最近失败（${failures.length}）</h2>${failed}
<h2>订阅额度</h2>${held}`,
  })
}

export function serveOutbox(res: ServerResponse, db: LocalDatabase): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(renderOutbox(db))
}
