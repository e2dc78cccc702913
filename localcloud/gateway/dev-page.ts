// The gateway's own pages for local development (选择身份, 订阅消息发件箱): never part of the WeChat build.

/** Text made safe to stand in HTML. */
export const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/**
 * A development page in the app's colours: the red header with its heading and a note saying it exists only
 * locally, then `main`. `style` is the page's own CSS after the shared rules; `main` is HTML already escaped.
 */
export function devPage(page: {
  title: string
  heading: string
  note: string
  fontSize: number
  maxWidth: number
  style: string
  main: string
}): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${page.title} · 党建项目通（本地开发）</title>
<style>
body{margin:0;background:#f5f5f5;font:${page.fontSize}px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1a1a1a}
header{background:#C8161D;color:#fff;padding:20px 16px}
header h1{margin:0;font-size:20px}header p{margin:4px 0 0;font-size:14px;color:#ffe9b0}
main{padding:12px 16px 40px;max-width:${page.maxWidth}px;margin:0 auto}
h2{font-size:16px;color:#8a1015;margin:20px 0 8px}
${page.style}
</style></head><body>
<header><h1>${page.heading}</h1><p>仅用于本地开发：${page.note}，微信版本中没有此页面</p></header>
<main>${page.main}</main></body></html>`
}
