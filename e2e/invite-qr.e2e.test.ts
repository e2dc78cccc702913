import { screenshot } from './browser'
import { makeInvite, openPage, setUpJourney, shown, tap } from './journey'

const journey = setUpJourney('invite-qr')

test('a secretary makes an invite 小程序码, scanning it opens 绑定微信 with the code filled in, the member binds and searches', async () => {
  journey.cloud().db.insertMany('people', [
    {
      _id: 'p-e2e-new',
      openid: '',
      name: '韩新竹',
      phone: '13700009901',
      branchId: 'b-yunwei',
      groupId: null,
      title: '配电运维工',
      grants: [{ role: 'member', branchId: 'b-yunwei' }],
    },
  ])

  // 1. The secretary opens the branch roster and makes the newcomer's invite.
  const secretary = await journey.signInAs('周晓东')
  await openPage(secretary, '/packages/org/pages/members/index')
  const { typed, scanned } = await makeInvite(secretary, '韩新竹')
  await screenshot(secretary, 'invite-qr-01-secretary')

  // 2. A phone camera reads the 小程序码: the 绑定 page and a scene holding the code alone.
  expect(scanned).toMatchObject({
    page: 'packages/org/pages/bind/index',
    scene: `c=${typed.replace('-', '')}`,
  })
  expect(scanned?.text).not.toContain('韩新竹')

  // 3. The newcomer, not yet registered, scans it: WeChat opens the page with the scene URL-encoded.
  const phone = await journey.newcomer()
  await shown(phone, '尚未登记').waitFor()
  await openPage(phone, `/${scanned?.page}?scene=${encodeURIComponent(scanned?.scene ?? '')}`)
  await shown(phone, '已从小程序码填入邀请码，核对后点「绑定」').waitFor()
  await expect(
    phone.locator('[aria-label="输入邀请码"] input').filter({ visible: true }).inputValue(),
  ).resolves.toBe(typed)
  await screenshot(phone, 'invite-qr-02-bind-filled')
  await tap(phone, '绑定')
  await shown(phone, '你好，韩新竹').waitFor({ timeout: 30_000 })
  await screenshot(phone, 'invite-qr-03-bound-home')

  // 4. The new member searches from the home page's box: their branch's project, the words marked.
  await phone.locator('.search-entry').filter({ visible: true }).click()
  await phone.locator('[aria-label="搜索内容"] input').filter({ visible: true }).waitFor()
  // The placeholder reads whole: its text is no wider than the box it sits in.
  await expect(
    phone
      .locator('[aria-label="搜索内容"] input')
      .filter({ visible: true })
      .evaluate((el: HTMLInputElement) => {
        const style = getComputedStyle(el)
        const pen = document.createElement('canvas').getContext('2d')
        if (!pen) return 'no canvas'
        pen.font = `${style.fontSize} ${style.fontFamily}`
        const width = pen.measureText(el.placeholder).width
        return width > 0 && width <= el.clientWidth
          ? 'fits'
          : `${el.placeholder}: ${width} > ${el.clientWidth}`
      }),
  ).resolves.toBe('fits')
  await screenshot(phone, 'invite-qr-04-search-empty')
  await phone.locator('[aria-label="搜索内容"] input').filter({ visible: true }).fill('施工')
  await tap(phone, '搜索')
  const hit = phone
    .locator('.search-results__hit', { hasText: '党员干部施工项目全程负责制' })
    .filter({ visible: true })
  await hit.waitFor()
  await expect(hit.locator('.search-hit').first().innerText()).resolves.toBe('施工')
  await screenshot(phone, 'invite-qr-05-search')
  await hit.click()
  await phone
    .locator('.project-header')
    .getByText('党员干部施工项目全程负责制')
    .filter({ visible: true })
    .waitFor()

  // 5. Scanned again on another phone: the code is spent, and the page says so in words.
  const other = await journey.newcomer()
  await shown(other, '尚未登记').waitFor()
  await openPage(other, `/${scanned?.page}?scene=${encodeURIComponent(scanned?.scene ?? '')}`)
  await tap(other, '绑定')
  await shown(other, /这个邀请码已经使用过/).waitFor()
  await screenshot(other, 'invite-qr-06-used')
})
