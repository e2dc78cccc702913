import { ROLE_LABELS } from '../../domain/labels'
import type { Role } from '../../types/entities'
import { devPage, esc } from './dev-page'
import type { DevPerson } from './sessions'

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
  return devPage({
    title: '选择身份',
    heading: '党建项目通 · 选择身份',
    note: '选择一位演示人员登录',
    fontSize: 16,
    maxWidth: 640,
    style: `form{margin:0 0 8px}
button{display:block;width:100%;min-height:56px;text-align:left;background:#fff;border:1px solid #e5e5e5;border-radius:10px;padding:10px 14px;font:inherit;cursor:pointer}
button:active{background:#fff5f5}
.name{display:block;font-size:17px;font-weight:600}.meta{display:block;font-size:14px;color:#555}`,
    main: `${people.length ? body + guests : '<p>数据库中还没有人员。去掉 --empty 重新启动可载入演示数据。</p>'}${NEWCOMER}`,
  })
}
