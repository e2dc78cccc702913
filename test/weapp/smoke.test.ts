/**
 * Loads the built mini-program (dist/) in node under a fake WeChat host and drives the home page
 * through its lifecycle, checking that the data the view layer would render carries real content.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { MeView, Page, ProjectSummary } from '../../types/api'
import { measurePackages } from '../../deploy/package-sizes'
import { detail, summary } from './fixtures'
import { createHost, textsOf, type FakeHost, type PageLike } from './fake-wx'

const dist = path.resolve(__dirname, '..', '..', 'dist')

const me: MeView = {
  id: 'p-wang',
  name: '王建国',
  title: '营销部主任',
  branch: { id: 'b-sales', name: '营销党支部' },
  group: { id: 'g-1', name: '第一党小组' },
  roles: ['secretary', 'member'],
  grants: [
    { role: 'secretary', branchId: 'b-sales' },
    { role: 'member', branchId: 'b-sales' },
  ],
}

function projectsPage(payload: { page?: number }): Page<ProjectSummary> {
  const n = payload.page ?? 1
  return n === 1
    ? { items: [summary('pr-1', '红色电力驿站')], page: 1, pageSize: 10, total: 2, hasMore: true }
    : { items: [summary('pr-2', '党员服务队进社区')], page: 2, pageSize: 10, total: 2, hasMore: false }
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

let host: FakeHost
let page: PageLike
const text = () => textsOf(page.data).join('')

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'app.js'))) {
    throw new Error(`No weapp build in ${dist}: run \`npm run build:weapp\` first.`)
  }
  host = createHost({
    'org.whoami': () => ({ ok: true, data: me }),
    'projects.list': (event) => ({ ok: true, data: projectsPage(event.payload as { page?: number }) }),
    'projects.get': () => ({ ok: true, data: detail }),
    'messages.unreadCount': () => ({ ok: true, data: { count: 3 } }),
    // A secretary's 整改任务 tile counts what is still to be done.
    'supervision.myRectifications': () => ({ ok: true, data: { items: [], open: 0, overdue: 0 } }),
    'messages.templates': () => ({
      ok: true,
      data: { kinds: [], prompts: [{ moment: 'checkin', templateIds: ['tpl-milestone-deadline'] }] },
    }),
  })
  host.install(globalThis as unknown as Record<string, unknown>)
})

describe('built weapp (dist/)', () => {
  it('has a valid app.json whose pages and tab bar icons exist', () => {
    const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
      pages: string[]
      cloud?: boolean
      tabBar: { list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] }
    }
    expect(appJson.pages).toEqual([
      'pages/index/index',
      'pages/checkin/index',
      'pages/approvals/index',
      'pages/mine/index',
      'pages/project/index',
      'pages/proposal/index',
      'pages/plan/index',
      'pages/acceptance/index',
      'pages/review/index',
      'pages/public/index',
      'pages/checkin-new/index',
      'pages/milestone-submit/index',
      'pages/submission/index',
      'pages/messages/index',
      'pages/reminder-settings/index',
      'pages/privacy/index',
    ])
    expect(appJson.cloud).toBe(true)
    expect((appJson as { requiredPrivateInfos?: string[] }).requiredPrivateInfos).toEqual(['chooseLocation'])
    for (const route of appJson.pages) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) {
        expect(fs.existsSync(path.join(dist, `${route}.${ext}`))).toBe(true)
      }
    }
    expect(appJson.tabBar.list.map((t) => t.text)).toEqual(['首页', '打卡', '待审批', '消息', '我的'])
    for (const tab of appJson.tabBar.list) {
      expect(appJson.pages).toContain(tab.pagePath)
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        if (!icon) continue
        const file = path.join(dist, icon)
        expect(fs.existsSync(file)).toBe(true)
        // WeChat rejects tab bar icons over 40 KB.
        expect(fs.statSync(file).size).toBeLessThan(40 * 1024)
      }
    }
  })

  it('keeps the main package under 1 MB, without zod or the dev sign-in', () => {
    const files = listFiles(dist)
    const main = measurePackages(dist).packages.find((p) => p.name === 'main')
    expect(main?.bytes).toBeLessThan(1024 * 1024)
    const scripts = files.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(f, 'utf8'))
    expect(scripts.some((s) => s.includes('/dev/sign-in'))).toBe(false)
    expect(scripts.some((s) => s.includes('/dev/subscribe'))).toBe(false)
    expect(scripts.some((s) => s.includes('切换身份') || s.includes('\\u5207\\u6362\\u8eab\\u4efd'))).toBe(
      false,
    )
    expect(scripts.some((s) => s.includes('ZodError'))).toBe(false)
  })

  it('registers the App and initialises the cloud once', async () => {
    await import(path.join(dist, 'app.js'))
    expect(host.apps).toHaveLength(1)
    const init = host.calls.filter((c) => c.api === 'cloud.init')
    // The env id of TARO_APP_CLOUD_ENV when the build had one; else none at all: the default environment.
    const env = process.env.TARO_APP_CLOUD_ENV
    expect(init).toEqual([
      { api: 'cloud.init', options: env ? { env, traceUser: true } : { traceUser: true } },
    ])

    const app = host.createApp()
    const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
    ;(app.onLaunch as (o: unknown) => void)(launch)
    ;(app.onShow as ((o: unknown) => void) | undefined)?.(launch)
  })

  it('registers the home page and renders the person and their projects after the cloud answers', async () => {
    await import(path.join(dist, 'pages', 'index', 'index.js'))
    expect(host.pages).toHaveLength(1)

    page = host.createPage('pages/index/index')
    ;(page.onLoad as (q: unknown) => void).call(page, {})
    ;(page.onShow as () => void).call(page)
    ;(page.onReady as () => void).call(page)

    await waitUntil(() => text().includes('红色电力驿站'), 'the first project title')
    await waitUntil(() => text().includes('你好，王建国'), 'the greeting')

    expect(page.setDataCount).toBeGreaterThan(0)
    expect(text()).toContain('营销党支部')
    expect(text()).toContain('支部书记')
    expect(text()).toContain('实施中')
    expect(text()).toContain('服务关怀项目')
    expect(text()).toContain('进度 60%')
    expect(text()).toContain('上拉加载更多')

    expect(host.cloudCalls).toEqual(
      expect.arrayContaining([
        { name: 'org', data: { action: 'whoami', payload: {} } },
        { name: 'projects', data: { action: 'list', payload: { page: 1, pageSize: 10 } } },
        // The 消息 badge, and the subscribe-message templates readied for the taps that ask WeChat.
        { name: 'messages', data: { action: 'unreadCount', payload: {} } },
        { name: 'messages', data: { action: 'templates', payload: {} } },
      ]),
    )
    const badge = (options: unknown) => options as { index?: number; text?: string }
    await waitUntil(
      () =>
        host.calls.some(
          (c) => c.api === 'setTabBarBadge' && badge(c.options).index === 3 && badge(c.options).text === '3',
        ),
      'the 消息 badge',
    )
  })

  it('loads the next page on reach-bottom', async () => {
    ;(page.onReachBottom as () => void).call(page)

    await waitUntil(() => text().includes('党员服务队进社区'), 'the second page')
    expect(text()).toContain('红色电力驿站')
    expect(text()).toContain('共 2 个项目，已全部显示')
  })

  it('reloads on pull-down and stops the refresh indicator', async () => {
    const before = host.cloudCalls.length
    ;(page.onPullDownRefresh as () => void).call(page)

    await waitUntil(() => host.calls.some((c) => c.api === 'stopPullDownRefresh'), 'stopPullDownRefresh')
    // The person is a branch secretary: the 待审批 badge counts their milestone inbox, the 整改任务 tile theirs.
    expect(
      host.cloudCalls.slice(before).map((c) => `${c.name}.${(c.data as { action: string }).action}`),
    ).toEqual(['org.whoami', 'projects.list', 'checkins.inboxCount', 'supervision.myRectifications'])
  })
})

describe('built weapp 我的', () => {
  it('shows the person from the session and no dev identity switch', async () => {
    await import(path.join(dist, 'pages', 'mine', 'index.js'))
    expect(host.pages).toHaveLength(2)

    const mine = host.createPage('pages/mine/index')
    ;(mine.onLoad as (q: unknown) => void).call(mine, {})
    ;(mine.onShow as () => void).call(mine)
    ;(mine.onReady as () => void).call(mine)

    const mineText = () => textsOf(mine.data).join('')
    await waitUntil(() => mineText().includes('营销部主任'), 'the title on 我的')
    expect(mineText()).toContain('王建国')
    expect(mineText()).toContain('第一党小组')
    expect(mineText()).toContain('支部书记、党员')
    expect(mineText()).not.toContain('切换身份')
  })
})

describe('built weapp 项目详情', () => {
  it('reads ?id= on load and shows the project, its notices and only the actions in `can`', async () => {
    await import(path.join(dist, 'pages', 'project', 'index.js'))
    expect(host.pages).toHaveLength(3)

    const project = host.createPage('pages/project/index')
    ;(project.onLoad as (q: unknown) => void).call(project, { id: 'prj-001' })
    ;(project.onShow as () => void).call(project)
    ;(project.onReady as () => void).call(project)

    const projectText = () => textsOf(project.data).join('')
    await waitUntil(() => projectText().includes('开始实施'), 'the action bar')
    expect(projectText()).toContain('“党建+供电服务”连心桥')
    expect(projectText()).toContain('已立项')
    expect(projectText()).toContain('计划书还没有任务')
    expect(projectText()).toContain('编写计划书')
    expect(projectText()).not.toContain('批准立项')
    expect(host.cloudCalls).toContainEqual({
      name: 'projects',
      data: { action: 'get', payload: { id: 'prj-001' } },
    })
  })
})
