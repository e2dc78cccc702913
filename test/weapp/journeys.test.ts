/**
 * The journeys of the H5 browser tests, on the weapp build: every step a tap (or keystrokes) on an element
 * rendered through WeChat's compiled WXML, every phone a person of the demo company on one localcloud. Dialogs
 * (confirmations, subscribe requests) are answered as a person would; the tab bar is WeChat's own (switchTab).
 */
import { demoOpenid } from '../../localcloud/seed/org'
import { PEOPLE, setUpWeappCloud } from './cloud'
import { takePhoto, type Phone } from './phone'
import { acceptSubscriptions, confirm, tab, tap, type } from './steps'
import { Screen } from './view'

const w = setUpWeappCloud()

const number = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? NaN)

// ---- a check-in, offline, through approval to the committee's dashboard -------------------------------------

/** 运维部党支部: 苏雅琴's open milestone of prj-001, checked in on and submitted, approved by 周晓东. */
const OWNER = { personId: 'p005', openid: demoOpenid('p005') }
const MILESTONE_ID = 'prj-001-m4'
const MILESTONE = '开展随机抽查与月度讲评'
const TEXT = '今天带班组检查了两处施工现场，纠正一处未系安全带。'
const DONE = '随机抽查三个班组，讲评会已开，整改单全部闭环。'
const WEEKLY = /近 12 周共打卡 (\d+) 次/

const checkinsOn = () => w.cloud().db.find('checkins', { milestoneId: MILESTONE_ID })
const outboxOf = (phone: Phone) => JSON.parse(phone.storage.get('checkin-outbox-v1') ?? '[]') as unknown[]

describe('a check-in with a photo, kept offline, approved, counted on the dashboard', () => {
  let weeklyBefore = NaN

  it('the committee reads the dashboard’s weekly check-ins (看板, a subpackage)', async () => {
    const committee = await w.phone('committee')
    await tap(committee, '看板')
    expect(committee.top.route).toBe('packages/dashboard/pages/index/index')
    await committee.shows(WEEKLY)
    weeklyBefore = number(committee.text(), WEEKLY)
    expect(weeklyBefore).toBeGreaterThan(0)
  })

  it('a member checks in with a photo while offline: kept on the phone, through a restart, sent once on reconnect', async () => {
    // A reminder opened 打卡 straight away.
    const member = await w.phone(OWNER, { path: 'pages/checkin/index' })
    await member.shows(MILESTONE)
    const before = checkinsOn().length
    await tap(member, '打卡', MILESTONE)
    expect(member.top.route).toBe('pages/checkin-new/index')
    expect(member.top.options).toMatchObject({ milestoneId: MILESTONE_ID })
    await type(member, '做了什么', TEXT)
    member.nextPhotos = [takePhoto()]
    await tap(member, '+')
    await member.shows('1/9')

    // The network goes in the lift.
    member.setOnline(false)
    await tap(member, '提交打卡')
    await acceptSubscriptions(member)
    await member.toast('网络不佳，已保存在手机上')
    expect(member.top.route).toBe('pages/checkin/index')
    await member.shows('1 条打卡待发送')
    expect(outboxOf(member)).toHaveLength(1)
    expect(checkinsOn()).toHaveLength(before)

    // The member closes WeChat, opens it again still offline: the check-in is still on the phone.
    member.close()
    const again = await w.phone(OWNER, { path: 'pages/checkin/index', offline: true })
    await again.shows('1 条打卡待发送')
    expect(checkinsOn()).toHaveLength(before)

    // The network is back: it goes out by itself, once, with its photo.
    again.setOnline(true)
    await again.settled()
    expect(outboxOf(again)).toEqual([])
    const sent = checkinsOn()
    expect(sent).toHaveLength(before + 1)
    const record = sent.find((c) => c.text === TEXT) as { photos: string[]; personId: string }
    expect(record.personId).toBe(OWNER.personId)
    expect(record.photos).toHaveLength(1)
    expect(w.cloud().storage.download(record.photos[0])).toHaveProperty('fileContent')
    // Back online again, and a fresh start of the app: nothing is sent twice.
    again.setOnline(false)
    again.setOnline(true)
    await again.settled()
    again.close()
    const third = await w.phone(OWNER, { path: 'pages/checkin/index' })
    await third.shows(MILESTONE)
    expect(checkinsOn()).toHaveLength(before + 1)
    expect(third.text()).not.toContain('待发送')

    // The owner submits the milestone as done.
    await tap(third, '提交里程碑', MILESTONE)
    expect(third.top.route).toBe('pages/milestone-submit/index')
    await type(third, '完成情况', DONE)
    await tap(third, '提交审核')
    await confirm(third)
    expect(w.cloud().db.find('milestones', { _id: MILESTONE_ID })[0]).toMatchObject({ status: 'submitted' })
  })

  it('the secretary approves it from the approvals tab', async () => {
    const secretary = await w.phone('secretary')
    await tab(secretary, '/pages/approvals/index')
    await secretary.shows(MILESTONE)
    await tap(secretary, MILESTONE)
    expect(secretary.top.route).toBe('pages/submission/index')
    await secretary.shows(DONE)
    await tap(secretary, '通过')
    await confirm(secretary)
    expect(w.cloud().db.find('milestones', { _id: MILESTONE_ID })[0]).toMatchObject({ status: 'approved' })
  })

  it('after a roll-up the committee’s dashboard counts the check-in', async () => {
    await w.cloud().fireTimer('dashboard', 'rollup')
    const committee = await w.phone('committee')
    await tap(committee, '看板')
    await committee.shows(WEEKLY)
    expect(number(committee.text(), WEEKLY)).toBe(weeklyBefore + 1)
  })
})

// ---- a proposal, returned with a comment --------------------------------------------------------------------

const TITLE = '党员服务队进社区安全用电宣传'
const COMMENT = '请补充每季度的宣传场次和覆盖户数。'

it('a secretary proposes a project; the committee returns it with a comment, which the secretary reads', async () => {
  const secretary = await w.phone('secretary')
  await tap(secretary, '新建立项')
  expect(secretary.top.route).toBe('pages/proposal/index')
  await tap(secretary, '服务关怀项目')
  // Typed one after another, as fast as a person types: the form saves the draft once, after the last one.
  const form = Screen.of(secretary)
  const fields: [string, string][] = [
    ['项目名称', TITLE],
    ['口号', '安全用电进万家'],
    ['问题导向（要解决的问题）', '老旧小区私拉乱接多，居民安全用电意识弱'],
    ['做什么', '组织党员服务队进社区宣传安全用电，排查私拉乱接'],
    ['为什么做', '老旧小区用电隐患多，居民缺少安全用电常识'],
    ['谁来做', '运维部党支部书记负责，党员服务队具体实施'],
    ['怎么做', '每月一次进社区，发放宣传册，上门排查隐患'],
    ['何时做', '2027年1月至12月'],
    ['做到什么程度', '覆盖辖区8个老旧小区，隐患整改率100%'],
  ]
  for (const [label, value] of fields) form.type(label, value)
  await secretary.settled()
  await secretary.shows('已保存')
  await tap(secretary, '提交立项')
  await confirm(secretary)
  const [project] = w.cloud().db.find('projects', { title: TITLE }) as { _id: string; status: string }[]
  expect(project.status).toBe('submitted')

  const committee = await w.phone('committee')
  await tab(committee, '/pages/approvals/index')
  await committee.shows(TITLE)
  await tap(committee, TITLE)
  expect(committee.top.route).toBe('pages/project/index')
  await tap(committee, '退回')
  await committee.shows('退回立项申请')
  await type(committee, '退回意见', COMMENT)
  await tap(committee, '确认退回')
  await confirm(committee, /退回意见/)
  expect(w.cloud().db.find('projects', { _id: project._id })[0]).toMatchObject({ status: 'returned' })

  const reading = await w.phone('secretary', { path: `pages/project/index?id=${project._id}` })
  await reading.shows(COMMENT)
})

// ---- a guest from a share card ------------------------------------------------------------------------------

it('a guest opens a 四公开 page from its share card and rates it', async () => {
  const guest = await w.phone('guest', { path: 'pages/public/index?id=prj-009', scene: 1007 })
  await guest.shows('群众满意度')
  const count = number(guest.text(), /(\d+) 人评价/)
  const stars = Screen.of(guest).allByText('★')
  expect(stars).toHaveLength(5)
  Screen.of(guest).tap(Screen.of(guest).allByText('★')[4])
  await guest.settled()
  await guest.shows('5 星 · 非常满意')
  await type(guest, '意见（选填）', '先锋岗就在身边，服务很贴心')
  await tap(guest, '提交评分')
  await guest.shows('你的评分：5 星（非常满意）')
  await guest.shows(`${count + 1} 人评价`)
  expect(w.cloud().db.find('ratings', { openid: PEOPLE.guest.openid })).toEqual([
    expect.objectContaining({ projectId: 'prj-009', score: 5 }),
  ])
})
