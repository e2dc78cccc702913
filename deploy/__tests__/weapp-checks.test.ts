import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  checkWeappAppJson,
  checkWeappAria,
  checkWeappEnv,
  checkWeappPrivacy,
  checkWeappSyntax,
  readWeappScripts,
} from '../weapp-checks'
import type { Finding } from '../checks'

const errors = (findings: Finding[]) => findings.filter((f) => f.level === 'error').map((f) => f.message)

let dist: string
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'dj-dist-'))
})
afterEach(() => rmSync(dist, { recursive: true, force: true }))

function weapp(files: Record<string, string>): Record<string, string> {
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(join(dist, name, '..'), { recursive: true })
    writeFileSync(join(dist, name), code)
  }
  return readWeappScripts(dist)
}

describe('the weapp calls the right cloud environment', () => {
  it('accepts a build for the environment being deployed', () => {
    const scripts = weapp({ 'app.js': 'x', 'common.js': 'f(e="prod-7g8h9i")' })
    expect(checkWeappEnv(dist, 'prod-7g8h9i', scripts)).toEqual([])
  })

  it('refuses a build for another environment, in Chinese and English', () => {
    const scripts = weapp({ 'app.js': 'x', 'common.js': 'f(e="dev-1a2b3c")' })
    const [message] = errors(checkWeappEnv(dist, 'prod-7g8h9i', scripts))
    expect(message).toContain('不是为环境 prod-7g8h9i 构建的')
    expect(message).toContain('was not built for prod-7g8h9i')
  })

  it('refuses the made-up env id an old build baked in', () => {
    const scripts = weapp({ 'app.js': 'x', 'common.js': 'cloud.init({env:"dangjian-dev"})' })
    expect(errors(checkWeappEnv(dist, '', scripts))[0]).toContain('虚构的云环境 dangjian-dev')
  })

  it('refuses a dist/ with no app.js, and only warns when no env id is configured', () => {
    expect(errors(checkWeappEnv(dist, 'prod-7g8h9i', weapp({ 'common.js': 'x' })))[0]).toContain(
      '没有构建好的小程序',
    )
    const scripts = weapp({ 'app.js': 'x' })
    const findings = checkWeappEnv(dist, '', scripts)
    expect(errors(findings)).toEqual([])
    expect(findings[0].message).toContain('默认云环境')
  })
})

describe('the weapp runs on the engines WeChat supports', () => {
  it('accepts ES2015 and refuses later syntax, naming the file', () => {
    expect(checkWeappSyntax({ 'common.js': 'const f = (a) => `${a}`; class A {}' })).toEqual([])
    const [finding] = checkWeappSyntax({ 'common.js': 'let h; function g(){ return h ??= 1 }' })
    expect(finding.where).toBe('dist/common.js')
    expect(finding.message).toContain('含有 ES2015 以后的语法')
    expect(checkWeappSyntax({ 'a.js': 'x?.y' })).toHaveLength(1)
    expect(checkWeappSyntax({ 'a.js': 'async function f(){ await 1 }' })).toHaveLength(1)
  })
})

describe('app.json: sitemap and lazy code loading', () => {
  const sitemap = {
    rules: [
      { action: 'allow', page: 'pages/public/index' },
      { action: 'disallow', page: '*' },
    ],
  }
  const appJson = { lazyCodeLoading: 'requiredComponents', sitemapLocation: 'sitemap.json' }

  it('accepts the 四公开 page only, with lazy loading', () => {
    expect(checkWeappAppJson(appJson, sitemap)).toEqual([])
  })

  it('refuses no sitemap, a missing file, other pages allowed, or no catch-all disallow', () => {
    expect(errors(checkWeappAppJson({ lazyCodeLoading: 'requiredComponents' }, null))[0]).toContain(
      'sitemapLocation',
    )
    expect(errors(checkWeappAppJson(appJson, null))[0]).toContain('找不到 sitemap.json')
    expect(errors(checkWeappAppJson(appJson, { rules: [{ action: 'allow', page: '*' }] })).join()).toContain(
      '只应允许 pages/public/index',
    )
    expect(
      errors(checkWeappAppJson(appJson, { rules: [{ action: 'allow', page: 'pages/public/index' }] })).join(),
    ).toContain('disallow')
  })

  it('refuses eager component loading', () => {
    expect(errors(checkWeappAppJson({ sitemapLocation: 'sitemap.json' }, sitemap))[0]).toContain(
      'lazyCodeLoading',
    )
  })
})

describe('app.json: requiredPrivateInfos', () => {
  const picker = { 'pages/checkin-new/index.js': 'case 0:return e.n=1,s().chooseLocation({});' }

  it('accepts a build whose location calls are all declared, and a build that calls none', () => {
    expect(checkWeappPrivacy({ requiredPrivateInfos: ['chooseLocation'] }, picker)).toEqual([])
    expect(checkWeappPrivacy({}, { 'app.js': 'var api=["chooseLocation","getLocation"];' })).toEqual([])
  })

  it('refuses a location call app.json does not declare, naming the file, in Chinese and English', () => {
    const [message] = errors(checkWeappPrivacy({}, picker))
    expect(message).toContain('requiredPrivateInfos 没有声明')
    expect(message).toContain('it fails in production')
    expect(checkWeappPrivacy({ requiredPrivateInfos: ['getLocation'] }, picker)[0].where).toBe(
      'dist/pages/checkin-new/index.js',
    )
  })

  it('refuses a declaration WeChat does not accept there', () => {
    expect(
      errors(checkWeappPrivacy({ requiredPrivateInfos: ['chooseLocation', 'chooseImage'] }, picker)),
    ).toEqual([expect.stringContaining('chooseImage')])
  })
})

describe('accessibility: ariaLabel reaches WXML', () => {
  const bound =
    '<template name="tmpl_0_7"><view aria-label="{{i.p0}}" aria-role="{{i.p1}}"></view></template>'

  it('accepts templates that bind aria-label and aria-role', () => {
    expect(checkWeappAria(bound)).toEqual([])
  })

  it('refuses templates without them (the aria plugin not applied), and a missing base.wxml', () => {
    expect(
      errors(checkWeappAria('<template name="tmpl_0_7"><view class="{{i.cl}}"></view></template>')),
    ).toEqual([
      expect.stringContaining('aria-label is not bound'),
      expect.stringContaining('aria-role is not bound'),
    ])
    expect(errors(checkWeappAria(bound.replace(' aria-role="{{i.p1}}"', '')))).toHaveLength(1)
    expect(errors(checkWeappAria(null))[0]).toContain('base.wxml')
  })
})
