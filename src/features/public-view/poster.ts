/** 四公开海报: what is drawn, where, on a 600 × 900 canvas (drawn at the phone's pixel ratio by WeChat). */
export const POSTER_WIDTH = 600
export const POSTER_HEIGHT = 900

export interface PosterContent {
  title: string
  slogan: string
  branchName: string
  progress: number
  /** A path the canvas can draw: a local file on weapp, the data URL on H5. */
  qrPath: string
}

/** The part of a canvas context the poster uses (Taro.createCanvasContext; a fake in tests). */
export interface PosterContext {
  setFillStyle: (color: string) => void
  fillRect: (x: number, y: number, w: number, h: number) => void
  setFontSize: (size: number) => void
  setTextAlign: (align: 'left' | 'center' | 'right') => void
  fillText: (text: string, x: number, y: number) => void
  drawImage: (path: string, x: number, y: number, w: number, h: number) => void
  measureText: (text: string) => { width: number }
  draw: (reserve?: boolean, callback?: () => void) => void
}

/** Splits `text` into at most `lines` lines no wider than `width`, the last cut with "…". */
export function wrapText(
  ctx: Pick<PosterContext, 'measureText'>,
  text: string,
  width: number,
  lines: number,
) {
  const out: string[] = []
  let line = ''
  for (const ch of [...text]) {
    if (ctx.measureText(line + ch).width > width) {
      out.push(line)
      line = ch
      if (out.length === lines) break
    } else line += ch
  }
  if (out.length < lines && line) out.push(line)
  if (out.length === lines && out.join('').length < [...text].length) {
    const last = out[lines - 1]
    out[lines - 1] = `${[...last].slice(0, Math.max(0, [...last].length - 1)).join('')}…`
  }
  return out
}

/** Draws the poster: the 四公开 band, title, slogan, branch, progress, the 小程序码 and "扫码评价". */
export function drawPoster(ctx: PosterContext, c: PosterContent, done: () => void): void {
  const W = POSTER_WIDTH
  ctx.setFillStyle('#ffffff')
  ctx.fillRect(0, 0, W, POSTER_HEIGHT)
  ctx.setFillStyle('#c8161d')
  ctx.fillRect(0, 0, W, 120)
  ctx.setFillStyle('#ffffff')
  ctx.setTextAlign('center')
  ctx.setFontSize(40)
  ctx.fillText('党建项目四公开', W / 2, 76)

  ctx.setFillStyle('#1d2129')
  ctx.setFontSize(36)
  const titleLines = wrapText(ctx, c.title, W - 80, 2)
  titleLines.forEach((line, i) => ctx.fillText(line, W / 2, 190 + i * 50))
  let y = 190 + titleLines.length * 50
  if (c.slogan) {
    ctx.setFillStyle('#c8161d')
    ctx.setFontSize(28)
    ctx.fillText(`“${c.slogan}”`, W / 2, y + 10)
    y += 50
  }
  ctx.setFillStyle('#4e5969')
  ctx.setFontSize(26)
  ctx.fillText(c.branchName, W / 2, y + 10)
  y += 50

  const progress = Math.max(0, Math.min(100, Math.round(c.progress)))
  ctx.setFillStyle('#f2f3f5')
  ctx.fillRect(80, y, W - 160, 16)
  ctx.setFillStyle('#c8161d')
  ctx.fillRect(80, y, ((W - 160) * progress) / 100, 16)
  ctx.setFillStyle('#1d2129')
  ctx.setFontSize(26)
  ctx.fillText(`项目进度 ${progress}%`, W / 2, y + 56)

  const qr = 300
  ctx.drawImage(c.qrPath, (W - qr) / 2, POSTER_HEIGHT - qr - 110, qr, qr)
  ctx.setFillStyle('#c8161d')
  ctx.setFontSize(32)
  ctx.fillText('扫码评价', W / 2, POSTER_HEIGHT - 60)
  ctx.setFillStyle('#86909c')
  ctx.setFontSize(22)
  ctx.fillText('微信扫一扫，查看项目四公开并评价', W / 2, POSTER_HEIGHT - 24)
  ctx.draw(false, done)
}
