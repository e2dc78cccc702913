/**
 * @jest-environment jsdom
 */
/**
 * Renders the built pages' WXML (dist/) with miniprogram-simulate and WeChat's own WXML compiler (wcc, through
 * miniprogram-compiler), fed with the data the page itself produced: each page's compiled JS runs under the
 * fake WeChat host (fake-wx.ts), its setData tree is captured, and that tree is rendered through Taro's
 * generic base.wxml (recursive templates, the `comp` custom component past depth 15, the utils.wxs module).
 * A tap on the rendered element goes through exparser's event bubbling into the page's real `eh` handler, so
 * "tappable" means a control that really does something: it must navigate, ask, or call.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { InboxItem, LectureListItem, MeView, MyTasks } from '../../types/api'
import type { GroupSummary } from '../../types/api'
import { detail, summary } from './fixtures'
import { createHost, type FakeHost, type PageLike } from './fake-wx'
import { byOwnText, compiled, fire, setEventSink } from './view'

// miniprogram-simulate: CommonJS without types. view.ts has put its DOM in place and compiled the WXML.
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const simulate = require('miniprogram-simulate') as {
  load(definition: Record<string, unknown>): string
  render(id: string): RenderedComponent
}

interface RenderedComponent {
  dom: HTMLElement
  attach(parent: Element): void
  detach(): void
}

const dist = path.resolve(__dirname, '..', '..', 'dist')

// ---- canned cloud answers ---------------------------------------------------------------------------------

const secretary: MeView = {
  id: 'p-wang',
  name: '王建国',
  title: '营销部主任',
  branch: { id: 'b-sales', name: '营销党支部' },
  group: { id: 'g-1', name: '营销部第一党小组' },
  roles: ['secretary', 'member'],
  grants: [
    { role: 'secretary', branchId: 'b-sales' },
    { role: 'member', branchId: 'b-sales' },
  ],
}

const row = summary('pr-1', '红色电力驿站')

const tasks: MyTasks = {
  today: '2025-03-05',
  overdue: 0,
  items: [
    {
      kind: 'milestone',
      key: 'm-1',
      project: { id: 'pr-1', title: '红色电力驿站', branchName: '营销党支部' },
      task: { id: 't-1', title: '走访独居老人' },
      milestone: { id: 'm-1', title: '完成首轮走访', weight: 1, status: 'open', round: 0, lastComment: '' },
      deadline: '2025-03-07',
      dueState: 'due_soon',
      checkins: 3,
      canSubmit: true,
    },
  ],
}

const group: GroupSummary = {
  id: 'g-1',
  name: '营销部第一党小组',
  branch: { id: 'b-sales', name: '营销党支部' },
  leader: { id: 'p-li', name: '李海燕' },
  memberCount: 6,
  myRole: 'secretary',
  mine: true,
  posts: 4,
  lastPostAt: null,
  unreadAnnouncements: 1,
  can: { announce: true, pin: true, readers: true },
}

const lecture: LectureListItem = {
  id: 'lec-1',
  title: '新时代党员的责任与担当',
  speaker: '赵书记',
  summary: '从一线岗位谈党员先锋作用',
  cover: null,
  mediaKind: null,
  publisherName: '示范供电公司党委',
  required: true,
  deadline: '2025-03-31',
  dueState: 'normal',
  hasQuiz: false,
  status: 'published',
  publishedAt: '2025-03-01T02:00:00.000Z',
  updatedAt: '2025-03-01T02:00:00.000Z',
  my: null,
}

const inboxItem: InboxItem = {
  milestone: {
    id: 'm-2',
    title: '入户宣讲安全用电',
    weight: 1,
    deadline: '2025-03-10',
    dueState: 'normal',
    round: 0,
  },
  project: { id: 'pr-1', title: '红色电力驿站', branchName: '营销党支部' },
  task: { id: 't-2', title: '安全用电宣讲' },
  submittedBy: { id: 'p-zh', name: '张敏' },
  submittedAt: '2025-03-04T02:00:00.000Z',
  excerpt: '走访 12 户，讲解用电安全',
  evidenceCount: 2,
}

const okData = (data: unknown) => () => ({ ok: true, data }) as Record<string, unknown>

let host: FakeHost
let gwx: (file: string) => unknown

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, 'app.js')))
    throw new Error(`No weapp build in ${dist}: run npm run build:weapp.`)
  host = createHost({
    'org.whoami': okData(secretary),
    'projects.list': okData({ items: [row], page: 1, pageSize: 10, total: 1, hasMore: false }),
    'projects.get': okData(detail),
    'messages.unreadCount': okData({ count: 0 }),
    'messages.templates': okData({ kinds: [], prompts: [] }),
    'checkins.inboxCount': okData({ count: 0 }),
    'checkins.inbox': okData({ items: [inboxItem], page: 1, pageSize: 20, total: 1, hasMore: false }),
    'checkins.myTasks': okData(tasks),
    'groups.myGroups': okData({ groups: [group] }),
    'lectures.list': okData({ items: [lecture], nextCursor: null }),
  })
  host.install(globalThis as unknown as Record<string, unknown>)
  await import(path.join(dist, 'app.js'))
  ;(host.createApp().onLaunch as (o: unknown) => void)({ path: 'pages/index/index', query: {}, scene: 1001 })

  gwx = compiled()
  setEventSink(forwardTap)
})

// ---- driving a page and rendering it ----------------------------------------------------------------------

let current: PageLike | null = null
/** Taps reach the page instance the rendered data came from, as WeChat routes them. */
function forwardTap(event: unknown) {
  ;(current?.eh as ((e: unknown) => void) | undefined)?.call(current, event)
}

const plain = (node: unknown): string => JSON.stringify(node)

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Loads a built page's JS, runs its lifecycle with `query`, and waits until its data shows `ready`. */
async function openPage(route: string, query: Record<string, string>, ready: string): Promise<PageLike> {
  const before = host.pages.length
  await import(path.join(dist, `${route}.js`))
  expect(host.pages.length).toBe(before + 1)
  const page = host.createPage(route)
  ;(page.onLoad as (q: unknown) => void).call(page, query)
  ;(page.onShow as () => void).call(page)
  ;(page.onReady as () => void).call(page)
  await waitFor(() => plain(page.data).includes(ready), `"${ready}" on ${route}`)
  return page
}

/** Renders `root` through the page's compiled WXML, as the view layer does. */
function render(route: string, root: unknown): RenderedComponent {
  const json = JSON.parse(fs.readFileSync(path.join(dist, `${route}.json`), 'utf8')) as {
    usingComponents: Record<string, string>
  }
  expect(Object.keys(json.usingComponents)).toEqual(['comp'])
  const id = simulate.load({
    template: gwx(`${route}.wxml`),
    usingComponents: { comp: 'taro-comp' },
    data: { root },
    methods: { eh: (e: unknown) => forwardTap(e) },
  })
  const view = simulate.render(id)
  view.attach(document.createElement('parent-wrapper'))
  return view
}

interface VNode {
  tag?: string
  attr?: Record<string, unknown>
  children?: (VNode | string)[]
  text?: string
}

const textIn = (node: VNode | string): string =>
  typeof node === 'string' ? node : (node.text ?? '') + (node.children ?? []).map(textIn).join('')

/**
 * Every element with an accessibility attribute, as WeChat's compiler hands the view layer the page's WXML filled
 * with its data (`aria-role` → attr `ariaRole`). miniprogram-simulate's built-in components drop aria-* (only the
 * real base library reads them), so the compiler's own output is where to look.
 */
function ariaOf(
  route: string,
  root: unknown,
): { tag?: string; role?: unknown; label?: unknown; text?: string }[] {
  const generate = gwx(`${route}.wxml`) as (data: unknown, env: unknown, global: unknown) => VNode
  const out: { tag?: string; role?: unknown; label?: unknown; text?: string }[] = []
  const walk = (node: VNode | string) => {
    if (typeof node === 'string') return
    const { ariaRole, ariaLabel } = node.attr ?? {}
    if (ariaRole !== undefined || ariaLabel !== undefined)
      out.push({
        tag: node.tag,
        ...(ariaRole ? { role: ariaRole } : {}),
        ...(ariaLabel ? { label: ariaLabel } : {}),
        ...(ariaRole === 'button' && !ariaLabel ? { text: textIn(node) } : {}),
      })
    for (const child of node.children ?? []) walk(child)
  }
  walk(generate({ root }, {}, {}))
  return out
}

/** The rendered element whose own text is exactly `text` (visible, not an attribute). */
const byText = (view: RenderedComponent, text: string): HTMLElement => byOwnText(view.dom, text)

/** A finger on the element: a tap event bubbling through exparser to every `bindtap` on the way up. */
async function tap(el: HTMLElement): Promise<void> {
  fire(el, 'tap', {})
  await new Promise((r) => setTimeout(r, 20))
}

const navigations = () =>
  host.calls.filter((c) => c.api === 'navigateTo').map((c) => (c.options as { url: string }).url)

async function expectNavigation(el: HTMLElement, url: string) {
  const before = navigations().length
  await tap(el)
  await waitFor(() => navigations().length > before, `a navigation to ${url}`, 2000)
  expect(navigations().slice(before)).toEqual([url])
}

afterEach(() => {
  current = null
})

// ---- the pages --------------------------------------------------------------------------------------------

describe('rendered weapp pages (WXML through WeChat’s compiler)', () => {
  it('首页: first renders the loading state, then the person and their projects; a project card opens it', async () => {
    const page = await openPage('pages/index/index', {}, '红色电力驿站')
    current = page

    const first = render('pages/index/index', page.firstData?.root)
    expect(first.dom.textContent).toContain('正在获取你的信息…')
    first.detach()

    const view = render('pages/index/index', page.data.root)
    const text = view.dom.textContent ?? ''
    for (const words of [
      '你好，王建国',
      '营销党支部',
      '支部书记',
      '红色电力驿站',
      '实施中',
      '服务关怀项目',
      '进度 60%',
    ])
      expect(text).toContain(words)
    expect(text).not.toContain('undefined')
    // Text that is not a control does nothing when tapped.
    const quiet = navigations().length
    await tap(byText(view, '营销党支部'))
    expect(navigations()).toHaveLength(quiet)
    await expectNavigation(byText(view, '红色电力驿站'), '/pages/project/index?id=pr-1')
    await expectNavigation(byText(view, '党小组'), '/packages/groups/pages/index/index')
  })

  it('项目详情: the project, its notices and only the actions it allows; 编写计划书 opens the plan', async () => {
    const page = await openPage('pages/project/index', { id: 'prj-001' }, '开始实施')
    current = page
    const view = render('pages/project/index', page.data.root)
    const text = view.dom.textContent ?? ''
    for (const words of ['“党建+供电服务”连心桥', '已立项', '计划书还没有任务', '编写计划书', '开始实施'])
      expect(text).toContain(words)
    expect(text).not.toContain('批准立项')
    await expectNavigation(byText(view, '编写计划书'), '/pages/plan/index?id=prj-001')

    const asked = host.calls.filter((c) => c.api === 'showModal').length
    await tap(byText(view, '开始实施'))
    await waitFor(
      () => host.calls.filter((c) => c.api === 'showModal').length > asked,
      'the start confirmation',
    )
    expect(JSON.stringify(host.calls.filter((c) => c.api === 'showModal').at(-1))).toContain(
      '计划书还没有任务',
    )
  })

  it('打卡: my tasks with what is due and two controls; 打卡 opens a check-in on that milestone', async () => {
    const page = await openPage('pages/checkin/index', {}, '完成首轮走访')
    current = page
    const view = render('pages/checkin/index', page.data.root)
    const text = view.dom.textContent ?? ''
    for (const words of [
      '我的任务',
      '1 项',
      '红色电力驿站 · 营销党支部',
      '完成首轮走访',
      '任务：走访独居老人',
      '已打卡 3 次',
    ])
      expect(text).toContain(words)
    await expectNavigation(
      byText(view, '打卡'),
      '/pages/checkin-new/index?projectId=pr-1&taskId=t-1&milestoneId=m-1',
    )
    await expectNavigation(byText(view, '提交里程碑'), '/pages/milestone-submit/index?id=m-1')
  })

  it('党小组 (subpackage): my groups with leader, size and unread notices; a group opens its feed', async () => {
    const page = await openPage('packages/groups/pages/index/index', {}, '营销部第一党小组')
    current = page
    const view = render('packages/groups/pages/index/index', page.data.root)
    const text = view.dom.textContent ?? ''
    for (const words of ['我的党小组', '营销部第一党小组', '组长：李海燕 · 成员 6 人', '还没有动态'])
      expect(text).toContain(words)
    expect(text).toMatch(/1 条通知未读/)
    await expectNavigation(byText(view, '营销部第一党小组'), '/packages/groups/pages/feed/index?id=g-1')
  })

  it('微讲坛 (subpackage): the tabs and a required lecture with its deadline; a lecture opens', async () => {
    const page = await openPage('packages/lectures/pages/index/index', {}, '新时代党员的责任与担当')
    current = page
    const view = render('packages/lectures/pages/index/index', page.data.root)
    const text = view.dom.textContent ?? ''
    for (const words of ['新时代党员的责任与担当', '赵书记', '必学']) expect(text).toContain(words)
    await expectNavigation(
      byText(view, '新时代党员的责任与担当'),
      '/packages/lectures/pages/detail/index?id=lec-1',
    )
  })

  it('打卡 (the check-in form): the photo controls and the text field carry their ariaRole / ariaLabel into WXML', async () => {
    const page = await openPage(
      'pages/checkin-new/index',
      { projectId: 'pr-1', taskId: 't-1', milestoneId: 'm-1' },
      '添加照片',
    )
    current = page
    const aria = ariaOf('pages/checkin-new/index', page.data.root)
    expect(aria).toContainEqual({ tag: 'wx-view', role: 'button', label: '添加照片' })
    expect(aria).toContainEqual(expect.objectContaining({ tag: 'wx-textarea', label: '做了什么' }))
  })

  it('审批 (a secretary): each waiting submission is announced as a button in WXML', async () => {
    const page = await openPage('pages/approvals/index', {}, '入户宣讲安全用电')
    current = page
    const aria = ariaOf('pages/approvals/index', page.data.root)
    const cards = aria.filter((a) => a.role === 'button')
    expect(cards).toHaveLength(1)
    expect(cards[0].tag).toBe('wx-view')
    expect(cards[0].text).toContain('入户宣讲安全用电')
  })
})
