import { OpenApiError, getUnlimited, installOpenApi } from '../openapi'
import { readMiniCode } from '../read-mini-code'
import { nativeSdk } from '../sdk-modules'

type GetUnlimited = (args: object) => Promise<{ contentType: string; buffer: Buffer; errCode: number }>
const getUnlimitedOf = () =>
  (nativeSdk().openapi as { wxacode: { getUnlimited: GetUnlimited } }).wxacode.getUnlimited

beforeAll(() => installOpenApi())

describe('openapi.wxacode.getUnlimited', () => {
  it('draws a PNG QR code that a QR reader decodes back to the page and the scene', async () => {
    const res = await getUnlimitedOf()({ scene: 'c=ABCD2345', page: 'packages/org/pages/bind/index' })
    expect(res).toMatchObject({ errCode: 0, contentType: 'image/png' })
    expect(res.buffer.subarray(1, 4).toString()).toBe('PNG')
    expect(readMiniCode(res.buffer)).toEqual({
      text: 'packages/org/pages/bind/index?scene=c%3DABCD2345',
      page: 'packages/org/pages/bind/index',
      scene: 'c=ABCD2345',
    })
  })

  it('keeps every character WeChat allows in a 32-character scene, and reads back from a data URL', async () => {
    const scene = "p=pj-1&x=!#$'()*+,/:;?@._~-9Zz0a"
    expect(scene).toHaveLength(32)
    const res = await getUnlimited({ scene, page: 'pages/public/index', width: 280 })
    const url = `data:image/png;base64,${res.buffer.toString('base64')}`
    expect(readMiniCode(url)).toMatchObject({ page: 'pages/public/index', scene })
  })

  it('refuses what WeChat refuses: a long scene, other characters, a bad page or width', async () => {
    const refusal = (args: object) =>
      getUnlimited(args).then(
        () => null,
        (e: OpenApiError) => e.errCode,
      )
    expect(await refusal({ scene: 'c='.padEnd(33, 'A'), page: 'pages/index/index' })).toBe(40169)
    expect(await refusal({ scene: '支部', page: 'pages/index/index' })).toBe(40169)
    expect(await refusal({ scene: '', page: 'pages/index/index' })).toBe(40169)
    expect(await refusal({ page: 'pages/index/index' })).toBe(40169)
    expect(await refusal({ scene: 'c=1', page: '/pages/index/index' })).toBe(41030)
    expect(await refusal({ scene: 'c=1', page: 'pages/index/index?id=1' })).toBe(41030)
    expect(await refusal({ scene: 'c=1', width: 100 })).toBe(40097)
    // Without a page, WeChat opens the home page.
    expect(readMiniCode((await getUnlimited({ scene: 'c=1' })).buffer)?.page).toBe('pages/index/index')
  })
})
