import QRCode from 'qrcode'
import { sceneProblem } from '../domain/mini-code'
import { PAGES } from '../types/routes'
import { activeProfile } from './profile'
import { currentTrace, roundTrip, untraced } from './round-trips'
import { nativeSdk } from './sdk-modules'

interface Updated {
  stats: { updated: number }
}

export const OUTBOX = '_outbox'
export const CREDITS = '_subscribe_credits'

/** WeChat's per-type limits on subscribe-message values (characters). */
const VALUE_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: 30,
  date: 30,
  amount: 32,
  phone_number: 17,
  car_number: 8,
}

export interface SendArgs {
  touser?: unknown
  templateId?: unknown
  page?: unknown
  data?: unknown
  miniprogramState?: unknown
}

/** The shape wx-server-sdk throws for a failed openapi call. */
export class OpenApiError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg)
  }
}

const creditId = (openid: string, templateId: string) => `${openid}:${templateId}`

/** Why `data` is not acceptable to WeChat, or null when it is. */
export function invalidTemplateData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'data 必须是对象'
  for (const [key, entry] of Object.entries(data)) {
    const type = key.replace(/\d+$/, '')
    const limit = VALUE_LIMITS[type]
    if (limit === undefined) return `未知的字段类型 ${key}`
    const value =
      typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined
    if (typeof value !== 'string' || value.length === 0) return `${key}.value 必须是非空字符串`
    if ([...value].length > limit) return `${key}.value 超过 ${limit} 个字符`
  }
  return null
}

/** What a tap on "允许" in wx.requestSubscribeMessage grants: one message credit for one template. */
export async function grantSubscription(openid: string, templateId: string): Promise<void> {
  const db = nativeSdk().database()
  const id = creditId(openid, templateId)
  const credits = db.collection(CREDITS)
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = (await credits.where({ _id: id }).update({ data: { count: db.command.inc(1) } })) as Updated
    if (res.stats.updated === 1) return
    // No credit document yet; a concurrent grant may create it first, then the next round increments it.
    const added = await Promise.resolve(
      credits.add({ data: { _id: id, openid, templateId, count: 1 } }),
    ).then(
      () => true,
      () => false,
    )
    if (added) return
  }
  throw new Error('grantSubscription: could not record the credit')
}

async function send(args: SendArgs) {
  const { touser, templateId, data, page } = args
  if (typeof touser !== 'string' || typeof templateId !== 'string') {
    throw new OpenApiError(47003, 'openapi.subscribeMessage.send:fail argument invalid! touser/templateId')
  }
  const bad = invalidTemplateData(data)
  if (bad) throw new OpenApiError(47003, `openapi.subscribeMessage.send:fail argument invalid! ${bad}`)
  const db = nativeSdk().database()
  // Taking the credit is one conditional update, so two sends can never spend the same credit.
  const taken = (await db
    .collection(CREDITS)
    .where({ _id: creditId(touser, templateId), count: db.command.gt(0) })
    .update({ data: { count: db.command.inc(-1) } })) as Updated
  const sent = taken.stats.updated === 1
  if (sent) {
    await db.collection(OUTBOX).add({
      data: { touser, templateId, page: typeof page === 'string' ? page : '', data, sentAt: db.serverDate() },
    })
  }
  if (!sent) throw new OpenApiError(43101, 'openapi.subscribeMessage.send:fail user refuse to accept the msg')
  return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
}

export interface UnlimitedArgs {
  scene?: unknown
  page?: unknown
  width?: unknown
  checkPath?: unknown
  envVersion?: unknown
}

/** What a 小程序码 drawn here holds: the page and its scene, as a path a person or test can read back. */
export const miniCodeText = (page: string, scene: string): string =>
  `${page}?scene=${encodeURIComponent(scene)}`

/**
 * `wxacode.getUnlimited`: a real, scannable QR code (PNG) of `<page>?scene=<scene>` where WeChat draws its round
 * 小程序码, refusing what WeChat refuses: a scene over 32 characters or with other characters (40169), a page
 * with a leading slash or a query (41030), a width outside 280–1280 (40097, though the code is drawn at 6 px a
 * module whatever the width).
 */
export async function getUnlimited(args: UnlimitedArgs) {
  const { scene, page = PAGES.home, width = 430 } = args ?? {}
  if (typeof scene !== 'string' || sceneProblem(scene))
    throw new OpenApiError(
      40169,
      'openapi.wxacode.getUnlimited:fail invalid length for scene, or the data is not json',
    )
  if (typeof page !== 'string' || !/^[\w-]+(\/[\w-]+)*$/.test(page))
    throw new OpenApiError(41030, 'openapi.wxacode.getUnlimited:fail invalid page')
  if (typeof width !== 'number' || !(width >= 280 && width <= 1280))
    throw new OpenApiError(40097, 'openapi.wxacode.getUnlimited:fail invalid args: width')
  // Six pixels a module (about 200 px) rather than `width`: the app sizes the image, and a PNG encoded in
  // JavaScript costs a few times more at 430 px, on every invite and poster of every test.
  const buffer = await QRCode.toBuffer(miniCodeText(page, scene), {
    type: 'png',
    scale: 6,
    margin: 2,
    errorCorrectionLevel: 'M',
  })
  return { errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/png', buffer }
}

/** Which openapi methods each function's config.json grants (`permissions.openapi`), by function name. */
export type OpenApiGrants = Map<string, readonly string[]>

/** The grants of the functions localcloud loaded: a test that puts the real openapi back keeps them. */
let installedGrants: OpenApiGrants = new Map()

/**
 * Replaces `cloud.openapi` so subscribe messages land in an outbox collection under WeChat's credit rules, and
 * 小程序码 are drawn as QR codes (`getUnlimited`).
 * Under a profile with openapi permissions, a method the calling function's config.json does not list
 * fails with -604101, as in production; the call is one round trip, its bookkeeping here is not.
 */
export function installOpenApi(
  grants: OpenApiGrants = installedGrants,
  deliver: (args: SendArgs) => Promise<unknown> = send,
): void {
  installedGrants = grants
  const guarded =
    <A>(method: string, run: (args: A) => Promise<unknown>) =>
    (args: A) =>
      roundTrip(() => {
        const fn = currentTrace()?.fn
        if (activeProfile().openapiPermissions && fn !== undefined && !grants.get(fn)?.includes(method))
          throw new OpenApiError(-604101, `function has no permission to call this API: ${method}`)
        return untraced(() => run(args))
      })
  // The module object itself, not an import namespace copy: bundles read `openapi` from it at call time.
  const sdk = nativeSdk() as unknown as { openapi: unknown }
  sdk.openapi = {
    subscribeMessage: { send: guarded('subscribeMessage.send', deliver) },
    // Drawn where the function runs: a QR code needs nothing from the gateway's process.
    wxacode: { getUnlimited: guarded('wxacode.getUnlimited', getUnlimited) },
  }
}
