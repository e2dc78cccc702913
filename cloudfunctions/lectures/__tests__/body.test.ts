import { sanitizeLectureBody } from '../../_shared/lecture-body'

const clean = (html: string) => sanitizeLectureBody(html, 'local')
const image = 'cloud://local.localcloud/uploads/p001/abcdefgh12.png'

describe('lecture bodies are sanitised against an allow-list', () => {
  it('keeps headings, paragraphs, emphasis, quotes, lists and our own images', () => {
    const html = `<h2>一、意义</h2><p>学习<strong>二十大</strong>精神，<em>学深悟透</em>。</p><blockquote>引用</blockquote><ul><li>一</li></ul><ol><li>二</li></ol><p><img src="${image}" alt="现场"></p>`
    expect(clean(html)).toBe(html.replace('alt="现场">', 'alt="现场" />'))
  })

  it.each([
    ['a script with its content', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['a style with its content', '<style>p{}</style><p>a</p>', '<p>a</p>'],
    ['event handlers', '<p onclick="alert(1)">a</p>', '<p>a</p>'],
    ['style and class attributes', '<p style="color:red" class="x">a</p>', '<p>a</p>'],
    ['links, keeping their text', '<p><a href="javascript:alert(1)">点我</a></p>', '<p>点我</p>'],
    ['frames and forms', '<iframe src="https://x"></iframe><form><input></form><p>a</p>', '<p>a</p>'],
    [
      'images from elsewhere',
      '<img src="https://evil.example/x.png"><img src="data:image/png;base64,AA">',
      '',
    ],
    ['images of another environment', '<img src="cloud://prod.bucket/uploads/p1/abcdefgh12.png">', ''],
    ['images that are not images', '<img src="cloud://local.localcloud/uploads/p1/abcdefgh12.pdf">', ''],
    ['an image’s handlers', `<img src="${image}" onerror="alert(1)">`, `<img src="${image}" />`],
    ['comments', '<!-- x --><p>a</p>', '<p>a</p>'],
  ])('removes %s', (_what, html, expected) => {
    expect(clean(html)).toBe(expected)
  })

  it('turns top and bottom headings into the ones the page styles', () => {
    expect(clean('<h1>题</h1><h6>注</h6>')).toBe('<h2>题</h2><h4>注</h4>')
  })

  it('escapes text that only looks like markup once the tags are gone', () => {
    expect(clean('<p>1 &lt; 2 &amp; "引号"</p>')).toBe('<p>1 &lt; 2 &amp; "引号"</p>')
    expect(clean('<p><<script>script>alert(1)<</script>/script></p>')).not.toMatch(/<script/i)
  })
})
