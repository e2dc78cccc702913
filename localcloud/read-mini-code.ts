import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** What a 小程序码 drawn by localcloud opens: its page and the decoded scene. */
export interface ScannedMiniCode {
  text: string
  page: string
  scene: string
}

/**
 * Reads a 小程序码 PNG back the way a phone's camera would (tests and browser journeys): decodes the QR code
 * with a QR reader and splits `<page>?scene=<scene>`. A data URL or the PNG bytes; null when nothing reads.
 */
export function readMiniCode(png: Buffer | string): ScannedMiniCode | null {
  const bytes =
    typeof png === 'string' ? Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64') : png
  const image = PNG.sync.read(bytes)
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  if (!found) return null
  const [page, query = ''] = found.data.split('?')
  const scene = new URLSearchParams(query).get('scene')
  return scene === null ? null : { text: found.data, page, scene }
}
