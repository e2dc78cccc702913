import { PAGES } from '../types/routes'

/**
 * 小程序码 (`wxacode.getUnlimited`): a code that opens one page of the mini-program with a short `scene`. WeChat
 * takes at most 32 visible characters from a fixed set; the page receives it URL-encoded as `options.scene`.
 * A scene is `key=value` pairs joined by `&` (e.g. `c=ABCDEFGH`): never a name, phone or other personal data.
 */
export const SCENE_MAX_LENGTH = 32

/** The characters WeChat allows in a scene. */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]+$/

/** Why WeChat would refuse `scene`, in words, or null when it is acceptable. */
export function sceneProblem(scene: string): string | null {
  if (scene.length === 0) return '二维码参数不能为空'
  if (scene.length > SCENE_MAX_LENGTH)
    return `二维码参数超过微信的 ${SCENE_MAX_LENGTH} 个字符上限（${scene.length} 个）`
  if (!SCENE_CHARS.test(scene)) return '二维码参数含有微信不允许的字符'
  return null
}

/** The page a 四公开 poster's 小程序码 opens, and its scene: the project's id alone (`p=prj-…`). */
export const PUBLIC_PAGE = PAGES.publicView
export const publicScene = (projectId: string): string => buildScene({ p: projectId })

/** A scene from its parts, in a fixed order: `{ c: 'ABCD' }` → `c=ABCD`. */
export const buildScene = (parts: Record<string, string>): string =>
  Object.entries(parts)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')

/**
 * One part of the scene a page was opened with (`options.scene`, URL-encoded by WeChat), or null. Anything that
 * is not a well-formed scene reads as no value.
 */
export function sceneValue(raw: string | undefined | null, key: string): string | null {
  if (!raw) return null
  let scene: string
  try {
    scene = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (sceneProblem(scene)) return null
  for (const pair of scene.split('&')) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at) === key) return pair.slice(at + 1) || null
  }
  return null
}
