import { ROLE_LABELS } from '../../domain/labels'
import type { Role } from '../../types/entities'
import type { DevPerson } from './sessions'

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const strongest = (p: DevPerson): Role =>
  p.grants.some((g) => g.role === 'committee')
    ? 'committee'
    : p.grants.some((g) => g.role === 'secretary')
      ? 'secretary'
      : 'member'

function personButton(p: DevPerson, branchName: string): string {
  const role = strongest(p)
  return `<form method="post" action="/dev/sign-in"><input type="hidden" name="personId" value="${esc(p._id)}">
<button type="submit" data-role="${role}"><span class="name">${esc(p.name)}</span>
<span class="meta">${esc(ROLE_LABELS[role])} · ${esc(branchName)} · ${esc(p.title)}</span></button></form>`
}

export interface PublicProjectLink {
  _id: string
  title: string
  branchName: string
}

function guestButton(p: PublicProjectLink): string {
  return `<form method="post" action="/dev/sign-in"><input type="hidden" name="personId" value="__guest__">
<input type="hidden" name="projectId" value="${esc(p._id)}">
<button type="submit" data-role="public"><span class="name">${esc(p.title)}</span>
<span class="meta">四公开 · ${esc(p.branchName)}</span></button></form>`
}

/** A WeChat user the company has not registered yet: lands on the app, where a typed or scanned invite binds them. */
const NEWCOMER = `<section><h2>新用户（尚未登记，用邀请码绑定）</h2><form method="post" action="/dev/sign-in">
<input type="hidden" name="personId" value="__guest__">
<button type="submit" data-role="newcomer"><span class="name">尚未登记的微信用户</span>
<span class="meta">输入或扫描支部书记给的邀请码</span></button></form></section>`

/** The localcloud-only page where a developer picks whom to act as. Never part of the WeChat build. */
export function renderSignIn(
  people: DevPerson[],
  branchNames: Map<string, string>,
  publicProjects: PublicProjectLink[] = [],
): string {
  const nameOf = (p: DevPerson) => (p.branchId ? (branchNames.get(p.branchId) ?? '') : '')
  const sections: [string, DevPerson[]][] = [
    ['党委 / 政工人员', people.filter((p) => strongest(p) === 'committee')],
    ['支部书记', people.filter((p) => strongest(p) === 'secretary')],
    ['党员', people.filter((p) => strongest(p) === 'member')],
  ]
  const body = sections
    .map(
      ([title, list]) =>
        `<section><h2>${title}（${list.length}）</h2>${list.map((p) => personButton(p, nameOf(p))).join('')}</section>`,
    )
    .join('')
  const guests = publicProjects.length
    ? `<section><h2>职工群众（无党内身份，扫码查看四公开）</h2>${publicProjects.map(guestButton).join('')}</section>`
    : ''
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>选择身份 · 党建项目通（本地开发）</title>
<style>
body{margin:0;background:#f5f5f5;font:16px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1a1a1a}
header{background:#C8161D;color:#fff;padding:20px 16px}
header h1{margin:0;font-size:20px}header p{margin:4px 0 0;font-size:14px;color:#ffe9b0}
main{padding:12px 16px 40px;max-width:640px;margin:0 auto}
h2{font-size:16px;color:#8a1015;margin:20px 0 8px}
form{margin:0 0 8px}
button{display:block;width:100%;min-height:56px;text-align:left;background:#fff;border:1px solid #e5e5e5;border-radius:10px;padding:10px 14px;font:inherit;cursor:pointer}
button:active{background:#fff5f5}
.name{display:block;font-size:17px;font-weight:600}.meta{display:block;font-size:14px;color:#555}
</style></head><body>
<header><h1>党建项目通 · 选择身份</h1><p>仅用于本地开发：选择一位演示人员登录，微信版本中没有此页面</p></header>
<main>${people.length ? body + guests : '<p>数据库中还没有人员。去掉 --empty 重新启动可载入演示数据。</p>'}${NEWCOMER}</main></body></html>`
}
