import { sceneProblem } from '../../domain/mini-code'
import { cloud } from './cloud'
import { logEvent } from './log'

/** A 小程序码 as the app shows it: the image (a data URL) and the page it opens. */
export interface MiniCode {
  image: string
  page: string
  scene: string
}

export type MiniCodeResult = { ok: true; code: MiniCode } | { ok: false; problem: string }

/**
 * Draws the 小程序码 that opens `page` with `scene` (`wxacode.getUnlimited`, unlimited in number). One round trip;
 * a function that calls this lists `wxacode.getUnlimited` in its config.json `permissions.openapi`. A refusal is
 * answered in words, never thrown: what the code was for (an invite, a poster) still works without it.
 */
export async function makeMiniCode(page: string, scene: string): Promise<MiniCodeResult> {
  const problem = sceneProblem(scene)
  if (problem) return { ok: false, problem }
  try {
    const res = (await cloud.openapi.wxacode.getUnlimited({
      scene,
      page,
      width: 430,
      // The page may be newer than the released version (a code made during 体验版 testing).
      checkPath: false,
    })) as { contentType?: string; buffer?: Buffer | Uint8Array }
    if (!res?.buffer) return { ok: false, problem: '微信没有返回小程序码图片' }
    const image = `data:${res.contentType ?? 'image/png'};base64,${Buffer.from(res.buffer).toString('base64')}`
    return { ok: true, code: { image, page, scene } }
  } catch (err) {
    const errCode = (err as { errCode?: unknown })?.errCode
    logEvent('error', 'mini_code_failed', { errCode: typeof errCode === 'number' ? errCode : null })
    return {
      ok: false,
      problem:
        errCode === -604101
          ? '小程序码暂不可用：云函数没有生成小程序码的权限，请联系管理员'
          : '小程序码暂时生成失败，请稍后再试',
    }
  }
}
