import { bodyForDisplay, bodyFromText, bodyImages, textFromBody } from '../lecture-body'

const IMG = 'cloud://local.localcloud/uploads/p058/demo-lecture-photo-1.png'
const OTHER = 'cloud://local.localcloud/uploads/p001/abc123def456.jpg'

describe('bodyForDisplay', () => {
  it('maps every cloud:// image to what the app can load and leaves the text alone', () => {
    const html = `<p>第一段</p><p><img src="${IMG}" alt="现场" /></p><img src="${OTHER}">`
    const shown = bodyForDisplay(html, (id) => `https://cdn.test/${id.slice('cloud://'.length)}`)
    expect(shown).toContain('src="https://cdn.test/local.localcloud/uploads/p058/demo-lecture-photo-1.png"')
    expect(shown).toContain('src="https://cdn.test/local.localcloud/uploads/p001/abc123def456.jpg"')
    expect(shown).not.toContain('cloud://')
    expect(shown).toContain('第一段')
  })

  it('uses fileUrl by default: localcloud files under /files/ on H5', () => {
    expect(bodyForDisplay(`<p><img src="${IMG}" alt="" /></p>`)).toContain(
      'src="/files/uploads/p058/demo-lecture-photo-1.png"',
    )
  })

  it('gives blocks and images their inline look, so images never overflow the screen', () => {
    const shown = bodyForDisplay(`<h3>标题</h3><p>段落</p><ul><li>一</li></ul><img src="${IMG}">`, (id) => id)
    expect(shown).toMatch(/<h3 style="[^"]*font-weight:bold/)
    expect(shown).toMatch(/<p style="margin:0 0 0.8em;">段落/)
    expect(shown).toMatch(/<li style="/)
    expect(shown).toMatch(/<img style="[^"]*max-width:100%[^"]*" src=/)
  })
})

describe('bodyFromText', () => {
  it('makes each line a paragraph, "# " a small heading and runs of "- " one list', () => {
    const text = [
      '# 他们是怎么做到的',
      '党员带班值守。',
      '',
      '- 接报即出发',
      '- 物资提前备足',
      '抢修后回访用户',
    ].join('\n')
    expect(bodyFromText(text)).toBe(
      [
        '<h3>他们是怎么做到的</h3>',
        '<p>党员带班值守。</p>',
        '<ul><li>接报即出发</li><li>物资提前备足</li></ul>',
        '<p>抢修后回访用户</p>',
      ].join('\n'),
    )
  })

  it('escapes what is typed, so markup shows as text', () => {
    expect(bodyFromText('a < b & "c" <script>x</script>')).toBe(
      '<p>a &lt; b &amp; &quot;c&quot; &lt;script&gt;x&lt;/script&gt;</p>',
    )
    expect(bodyFromText('# <i>题</i>\n- <b>项</b>')).toBe(
      '<h3>&lt;i&gt;题&lt;/i&gt;</h3>\n<ul><li>&lt;b&gt;项&lt;/b&gt;</li></ul>',
    )
  })

  it('appends the images after the text, one per paragraph; empty text and lone markers give nothing', () => {
    expect(bodyFromText('  \n#  \n- \n', [IMG])).toBe(`<p><img src="${IMG}" alt="" /></p>`)
    expect(bodyFromText('')).toBe('')
  })
})

describe('textFromBody', () => {
  it('reads a saved body back into the editor text and its images', () => {
    const text = '# 小标题\n第一段\n- 甲\n- 乙\n最后 & 结尾'
    const html = bodyFromText(text, [IMG, OTHER])
    expect(textFromBody(html)).toEqual({ text, images: [IMG, OTHER] })
  })

  it('keeps the words of richer markup written elsewhere and moves its images to the list', () => {
    const html = `<h2>抢修一线</h2>\n<p>今年<strong>入夏</strong>以来<br />一百余次。</p>\n<p><img src="${IMG}" alt="x" /></p><ul><li>带班值守；</li></ul>`
    expect(textFromBody(html)).toEqual({
      text: '# 抢修一线\n今年入夏以来\n一百余次。\n- 带班值守；',
      images: [IMG],
    })
    expect(bodyImages(html)).toEqual([IMG])
  })
})
