import { fileUrl } from '@/services/file-url'

/**
 * Inline looks for the body's tags. RichText draws its nodes apart from the page's classes on WeChat, and the
 * server strips every style attribute, so the app adds its own here (em keeps them relative to the 32px body).
 */
const TAG_STYLES: Record<string, string> = {
  p: 'margin:0 0 0.8em;',
  h2: 'margin:1em 0 0.5em;font-size:1.2em;font-weight:bold;',
  h3: 'margin:1em 0 0.5em;font-size:1.1em;font-weight:bold;',
  h4: 'margin:0.8em 0 0.4em;font-size:1em;font-weight:bold;',
  ul: 'margin:0 0 0.8em;padding-left:1.4em;',
  ol: 'margin:0 0 0.8em;padding-left:1.4em;',
  li: 'margin:0 0 0.3em;',
  blockquote: 'margin:0 0 0.8em;padding-left:0.8em;border-left:4px solid #E6C27A;color:#4E5969;',
  img: 'display:block;max-width:100%;height:auto;margin:0.5em auto;border-radius:6px;',
}

const OPEN_TAG = /<(p|h2|h3|h4|ul|ol|li|blockquote|img)(?=[\s>/])/gi
const CLOUD_SRC = /(<img\b[^>]*?\bsrc=")(cloud:\/\/[^"]+)(")/gi

/**
 * The sanitised body as RichText shows it: every `cloud://` image made loadable with `toUrl` (fileUrl: the
 * gateway's /files/ on H5) and every block given its inline look. The body comes from the server's allow-list,
 * so its tags never carry a style of their own.
 */
export function bodyForDisplay(html: string, toUrl: (fileId: string) => string = fileUrl): string {
  return html
    .replace(CLOUD_SRC, (_, head: string, id: string, tail: string) => `${head}${toUrl(id)}${tail}`)
    .replace(OPEN_TAG, (tag: string, name: string) => `${tag} style="${TAG_STYLES[name.toLowerCase()]}"`)
}

/** The `cloud://` ids of the images in a body, in order. */
export const bodyImages = (html: string): string[] =>
  [...html.matchAll(/<img\b[^>]*?\bsrc="(cloud:\/\/[^"]+)"/gi)].map((m) => m[1])

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const unescapeHtml = (text: string): string =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

const HEADING = /^#(\s+|$)/
const ITEM = /^[-－](\s+|$)/

/**
 * The editor's plain text as simple HTML: each line a paragraph, "# " a small heading (<h3>), runs of "- "
 * lines one list; then the inline images, one per line, at the end. Text is escaped: whatever is typed
 * shows as typed (the server sanitises again anyway).
 */
export function bodyFromText(text: string, images: readonly string[] = []): string {
  const out: string[] = []
  let items: string[] = []
  const closeList = () => {
    if (items.length > 0) out.push(`<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`)
    items = []
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    const item = ITEM.test(line)
    const heading = HEADING.test(line)
    const content = (item ? line.replace(ITEM, '') : heading ? line.replace(HEADING, '') : line).trim()
    if (item && content) {
      items.push(escapeHtml(content))
      continue
    }
    closeList()
    if (!content) continue
    out.push(heading ? `<h3>${escapeHtml(content)}</h3>` : `<p>${escapeHtml(content)}</p>`)
  }
  closeList()
  for (const id of images) out.push(`<p><img src="${escapeHtml(id)}" alt="" /></p>`)
  return out.join('\n')
}

/**
 * A saved body back as the editor's text and its images, the way bodyFromText writes them: headings as
 * "# ", list items as "- ", every other block a line. Emphasis and other markup are dropped (the editor is
 * plain text); images move to the image list, in order.
 */
export function textFromBody(html: string): { text: string; images: string[] } {
  const images = bodyImages(html)
  const lines = html
    .replace(/<img\b[^>]*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<h[1-6][^>]*>/gi, '\n# ')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(p|h[1-6]|li|ul|ol|blockquote)>|<(p|ul|ol|blockquote|hr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .split('\n')
    .map((line) => unescapeHtml(line).trim())
    .filter((line) => line !== '' && line !== '#' && line !== '-')
  return { text: lines.join('\n'), images }
}
