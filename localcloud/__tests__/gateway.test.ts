import { startTestCloud } from '../testing'
import type { TestCloud } from '../testing'

let cloud: TestCloud
let cookie: string

beforeAll(async () => {
  cloud = await startTestCloud()
  cookie = await cloud.signIn('p002')
})
afterAll(() => cloud.close())

describe('gateway bad input', () => {
  it('answers malformed JSON with INVALID_JSON', async () => {
    const res = await cloud.post('/fn/org', '{"action":', { cookie })
    expect(res).toEqual({ status: 400, json: expect.objectContaining({ ok: false, code: 'INVALID_JSON' }) })
  })

  it('answers a JSON body that is not an object with INVALID_INPUT', async () => {
    const res = await cloud.post('/fn/org', '[1,2]', { cookie })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('answers an unknown function with UNKNOWN_FUNCTION', async () => {
    const res = await cloud.post('/fn/nope', '{"action":"x"}', { cookie })
    expect(res).toEqual({ status: 404, json: expect.objectContaining({ code: 'UNKNOWN_FUNCTION' }) })
  })

  it('refuses bodies over 1 MB with BODY_TOO_LARGE', async () => {
    const big = JSON.stringify({ action: 'whoami', payload: { pad: 'x'.repeat(1024 * 1024 + 10) } })
    const res = await cloud.post('/fn/org', big, { cookie })
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ code: 'BODY_TOO_LARGE' })
  })

  it('refuses a call without sign-in with UNAUTHENTICATED', async () => {
    const res = await cloud.post('/fn/org', '{"action":"whoami","payload":{}}')
    expect(res).toEqual({ status: 401, json: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })
  })

  it('refuses a forged session cookie', async () => {
    const res = await cloud.post('/fn/org', '{"action":"whoami"}', { cookie: 'lc_session=' + 'a'.repeat(48) })
    expect(res.status).toBe(401)
  })

  it('refuses to sign in as nobody', async () => {
    const res = await cloud.post('/dev/sign-in', JSON.stringify({ personId: 'p999' }))
    expect(res).toEqual({ status: 404, json: expect.objectContaining({ code: 'NOT_FOUND' }) })
  })

  it('keeps serving after all of that', async () => {
    const res = await cloud.call(cookie, 'org', 'whoami', {})
    expect(res.ok).toBe(true)
  })
})

describe('gateway pages', () => {
  it('sends a visitor without a session to the dev sign-in', async () => {
    const res = await fetch(cloud.url + '/', { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/dev/sign-in')
  })

  it('lists seeded people on the dev sign-in page', async () => {
    const html = await (await fetch(cloud.url + '/dev/sign-in')).text()
    expect(html).toContain('选择身份')
    expect(html).toContain('支部书记')
    expect(html).toContain('value="p001"')
  })

  it('does not serve files outside the storage folder', async () => {
    const res = await fetch(cloud.url + '/files/..%2F..%2Fpackage.json')
    // 403 under the `cloud` profile, where only a valid temp link opens a file.
    expect(res.status).toBe(cloud.profile.privateFiles ? 403 : 404)
  })
})

describe('gateway guest (职工群众) sign-in', () => {
  const signInGuest = (projectId: string) =>
    fetch(cloud.url + '/dev/sign-in', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ personId: '__guest__', projectId }).toString(),
    })

  it('offers public projects, never drafts, to a guest on the sign-in page', async () => {
    const html = await (await fetch(cloud.url + '/dev/sign-in')).text()
    expect(html).toContain('职工群众')
    expect(html).toContain('党员干部施工项目全程负责制')
    expect(html).not.toContain('“互联网+党建”网格化服务')
  })

  it('lands a guest on the project’s 四公开 page, where they may read but are not a member', async () => {
    const res = await signInGuest('prj-001')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/#/pages/public/index?id=prj-001')
    const guest = (res.headers.get('set-cookie') ?? '').split(';')[0]
    expect(await cloud.call(guest, 'org', 'whoami', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  })

  it('ignores a project id that could carry a path or script into the redirect', async () => {
    const res = await signInGuest('../x"><script>')
    expect(res.headers.get('location')).toBe('/')
  })
})
