import { sceneValue } from '../../../domain/mini-code'
import { readMiniCode } from '../../../localcloud/read-mini-code'
import { startTestCloud } from '../../../localcloud/testing'
import type { TestCloud } from '../../../localcloud/testing'
import { DRAFT, IN_PROGRESS, data } from './helpers'

// p001 secretary of 运维部 (prj-001 in progress), p002 a member there, p008 secretary of 营销部, p057 committee.
let cloud: TestCloud
const as: Record<string, string> = {}

beforeAll(async () => {
  cloud = await startTestCloud()
  for (const id of ['p001', 'p002', 'p008', 'p057']) as[id] = await cloud.signIn(id)
})
afterAll(() => cloud.close())

describe('projects.posterCode (四公开海报)', () => {
  it('gives the branch secretary a 小程序码 of the public page whose scene is the project id alone', async () => {
    const { code } = data(await cloud.call(as.p001, 'projects', 'posterCode', { id: IN_PROGRESS }))
    const scanned = readMiniCode(code.image)
    expect(scanned).toMatchObject({ page: 'pages/public/index', scene: `p=${IN_PROGRESS}` })
    expect(code).toMatchObject({ page: 'pages/public/index', scene: `p=${IN_PROGRESS}` })
    // The public page reads the project back from the scene WeChat hands it, URL-encoded.
    expect(sceneValue(encodeURIComponent(scanned?.scene ?? ''), 'p')).toBe(IN_PROGRESS)
    // …and a guest opening it sees the project.
    const page = await cloud.call(as.p008, 'projects', 'publicGet', { id: IN_PROGRESS })
    expect(page).toMatchObject({ ok: true, data: { id: IN_PROGRESS } })
    expect(data(await cloud.call(as.p057, 'projects', 'posterCode', { id: IN_PROGRESS })).code.scene).toBe(
      `p=${IN_PROGRESS}`,
    )
  })

  it('refuses members and other branches’ secretaries, and a draft that has no public page', async () => {
    expect(await cloud.call(as.p002, 'projects', 'posterCode', { id: IN_PROGRESS })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p008, 'projects', 'posterCode', { id: IN_PROGRESS })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call(as.p057, 'projects', 'posterCode', { id: DRAFT })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '项目立项实施后才有四公开页面，暂不能生成海报',
    })
    expect(await cloud.call(as.p008, 'projects', 'posterCode', { id: DRAFT })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })
})
