/**
 * The weapp host itself (phone.ts): the built app's cloud calls run on localcloud as the phone's person, its
 * uploads land in localcloud storage, its storage is the person's own, navigation loads the built target page
 * with its query as WeChat does, and dialogs wait for an answer.
 */
import { buildDemoOrg } from '../../localcloud/seed/org'
import { PEOPLE, setUpWeappCloud } from './cloud'
import { takePhoto, type Phone } from './phone'

const w = setUpWeappCloud()
const nameOf = (id: string | null) => buildDemoOrg().people.find((p) => p._id === id)?.name ?? ''

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void }
/** Calls a wx API with callbacks, as Taro does, answering its success or rejecting with its failure. */
const call = (phone: Phone, api: string, options: Record<string, unknown> = {}) =>
  new Promise<Record<string, unknown>>((resolve, reject) =>
    (phone.wx[api] as (o: Callbacks) => void)({
      ...options,
      success: (r) => resolve(r as Record<string, unknown>),
      fail: reject,
    }),
  )

it('runs every cloud call on localcloud as the phone’s own person', async () => {
  const member = await w.phone('member')
  const secretary = await w.phone('secretary')
  await member.shows(`你好，${nameOf(PEOPLE.member.personId)}`)
  await secretary.shows(`你好，${nameOf(PEOPLE.secretary.personId)}`)
  expect(secretary.text()).toContain('支部书记')
  expect(member.text()).not.toContain('支部书记')
  expect(member.cloudCalls).toEqual(expect.arrayContaining(['org.whoami', 'projects.list']))
  // A WeChat user the company has not registered is told so by the function itself.
  const guest = await w.phone('guest')
  await guest.shows('你的微信还未登记为党员')
})

it('keeps wx storage per person, across closing and opening the app', async () => {
  const first = await w.phone('member')
  ;(first.wx.setStorageSync as (k: string, v: unknown) => void)('weapp-host-test', { kept: 1 })
  first.close()
  const again = await w.phone('member')
  expect((again.wx.getStorageSync as (k: string) => unknown)('weapp-host-test')).toEqual({ kept: 1 })
  const other = await w.phone('secretary')
  expect((other.wx.getStorageSync as (k: string) => unknown)('weapp-host-test')).toBe('')
})

it('loads the target page of each navigation API from dist/, subpackages included, with its query', async () => {
  const phone = await w.phone('member')
  const home = phone.top

  await phone.navigate('/packages/lectures/pages/detail/index?id=lec-001')
  expect(phone.stack.map((p) => p.route)).toEqual([
    'pages/index/index',
    'packages/lectures/pages/detail/index',
  ])
  expect(phone.top.options).toEqual({ id: 'lec-001' })
  await phone.shows('学习贯彻党的二十大精神专题微课')

  await call(phone, 'navigateBack')
  expect(phone.top).toBe(home)
  await expect(call(phone, 'navigateBack')).rejects.toMatchObject({ errMsg: expect.stringContaining('fail') })

  // WeChat refuses a tab page by navigateTo and an unknown page; switchTab keeps tab pages alive.
  await expect(call(phone, 'navigateTo', { url: '/pages/mine/index' })).rejects.toMatchObject({
    errMsg: 'navigateTo:fail can not navigateTo a tabbar page',
  })
  await expect(call(phone, 'navigateTo', { url: '/pages/nowhere/index' })).rejects.toMatchObject({
    errMsg: expect.stringContaining('is not found'),
  })
  await call(phone, 'switchTab', { url: '/pages/mine/index' })
  await phone.settled()
  expect(phone.stack.map((p) => p.route)).toEqual(['pages/mine/index'])
  await call(phone, 'switchTab', { url: '/pages/index/index' })
  expect(phone.top).toBe(home)

  await phone.navigate('/pages/project/index?id=prj-001')
  await call(phone, 'redirectTo', { url: '/packages/groups/pages/feed/index?id=b-yunwei-g1' })
  await phone.settled()
  expect(phone.stack.map((p) => p.route)).toEqual(['pages/index/index', 'packages/groups/pages/feed/index'])
  await phone.shows('运维部第一党小组')

  await call(phone, 'reLaunch', { url: '/pages/public/index?id=prj-009' })
  await phone.settled()
  expect(phone.stack.map((p) => p.route)).toEqual(['pages/public/index'])
  await phone.shows('打造“440”精品“党员先锋岗”')
})

it('stores wx.cloud.uploadFile and wx.uploadFile in localcloud storage, only in the person’s own folder', async () => {
  const phone = await w.phone('member')
  const photo = takePhoto()
  const res = (await (
    phone.wx.cloud as Record<string, (o: unknown) => Promise<{ fileID: string }>>
  ).uploadFile({
    cloudPath: 'uploads/p002/weapp-host.jpg',
    filePath: photo,
  })) as { fileID: string }
  expect(res.fileID).toBe('cloud://local.localcloud/uploads/p002/weapp-host.jpg')
  expect(w.cloud().storage.download(res.fileID)).toHaveProperty('fileContent')

  await expect(
    (phone.wx.cloud as Record<string, (o: unknown) => Promise<unknown>>).uploadFile({
      cloudPath: 'uploads/p001/not-mine.jpg',
      filePath: takePhoto(),
    }),
  ).rejects.toMatchObject({ errCode: -503002 })

  const http = await call(phone, 'uploadFile', { url: '/files/upload', filePath: takePhoto(), name: 'file' })
  const body = JSON.parse(String(http.data)) as { ok: boolean; data: { fileID: string } }
  expect(body.data.fileID).toMatch(/^cloud:\/\/local\.localcloud\/uploads\/p002\//)
  expect(w.cloud().storage.download(body.data.fileID)).toHaveProperty('fileContent')

  phone.setOnline(false)
  await expect(
    (phone.wx.cloud as Record<string, (o: unknown) => Promise<unknown>>).uploadFile({
      cloudPath: 'uploads/p002/offline.jpg',
      filePath: takePhoto(),
    }),
  ).rejects.toMatchObject({ errMsg: expect.stringContaining('network') })
})

it('records showModal, requestSubscribeMessage and showToast; the test answers the dialogs', async () => {
  const phone = await w.phone('member')
  const asked = call(phone, 'showModal', { title: '确认提交？', content: '提交后不能修改' })
  const modal = await phone.dialog('showModal')
  expect(modal.options).toMatchObject({ title: '确认提交？' })
  modal.answer({ confirm: true, cancel: false })
  await expect(asked).resolves.toMatchObject({ confirm: true })

  const subscribing = call(phone, 'requestSubscribeMessage', { tmplIds: ['tpl-weapp-host'] })
  ;(await phone.dialog('requestSubscribeMessage')).answer({ 'tpl-weapp-host': 'accept' })
  await subscribing
  // 接受 is one message credit for this person and template, as WeChat keeps it.
  expect(w.cloud().db.find('_subscribe_credits', { openid: PEOPLE.member.openid })).toEqual([
    expect.objectContaining({ templateId: 'tpl-weapp-host', count: 1 }),
  ])

  await call(phone, 'showToast', { title: '已保存', icon: 'success' })
  expect(phone.toasts).toContainEqual({ title: '已保存', icon: 'success' })
})
