import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { LOCATION_APIS } from '../domain/private-apis'
import { weappEnvProblem } from '../scripts/lib/weapp-env.cjs'
import type { Finding } from './checks'

/** Every script of a weapp build, by its path inside dist/. */
export function readWeappScripts(dist: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.js')) out[relative(dist, file)] = readFileSync(file, 'utf8')
    }
  }
  walk(dist)
  return out
}

/** An id this repository once baked in when none was set: a build carrying it talks to nobody's environment. */
export const INVENTED_ENV_IDS = ['dangjian-dev']

/**
 * The built weapp calls the environment the deploy targets (`envId`, '' when none is configured) and no id this
 * repository invented.
 */
export function checkWeappEnv(dist: string, envId: string, scripts: Record<string, string>): Finding[] {
  const out: Finding[] = []
  const problem = weappEnvProblem(dist, envId)
  if (problem) out.push({ level: 'error', where: 'dist/', message: `${problem.zh} (${problem.en})` })
  for (const invented of INVENTED_ENV_IDS)
    if (invented !== envId && Object.values(scripts).some((code) => code.includes(`"${invented}"`)))
      out.push({
        level: 'error',
        where: 'dist/',
        message: `小程序连接了虚构的云环境 ${invented}：重新 npm run build:weapp (the weapp calls the made-up environment ${invented}; rebuild it)`,
      })
  if (!envId)
    out.push({
      level: 'warning',
      where: 'dist/',
      message:
        '没有设置 CLOUD_ENV / TARO_APP_CLOUD_ENV：小程序使用默认云环境 (no env id set: the app uses the default environment)',
    })
  return out
}

/** The syntax WeChat's engines run as built: babel (babel.config.js) brings our code lower; packages stay ES2015. */
export const WEAPP_ECMA_VERSION = 2015

/** Every script of dist/ parses as ES2015 (project.config.json es6:false: DevTools uploads it as it is). */
export function checkWeappSyntax(
  scripts: Record<string, string>,
  ecmaVersion: number = WEAPP_ECMA_VERSION,
): Finding[] {
  // acorn comes with webpack (pinned), which parses every bundle with it too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require('acorn') as {
    parse(code: string, options: { ecmaVersion: number; sourceType: 'script' }): unknown
  }
  const out: Finding[] = []
  for (const [file, code] of Object.entries(scripts)) {
    try {
      acorn.parse(code, { ecmaVersion, sourceType: 'script' })
    } catch (err) {
      const pos = (err as { pos?: number }).pos ?? 0
      out.push({
        level: 'error',
        where: `dist/${file}`,
        message: `含有 ES${ecmaVersion} 以后的语法，旧版微信会白屏 (syntax beyond ES${ecmaVersion}): ${(err as Error).message} …${code.slice(Math.max(0, pos - 30), pos + 20)}…`,
      })
    }
  }
  return out
}

interface SitemapRule {
  action?: string
  page?: string
}

/** app.json loads components lazily and points at a sitemap that lets WeChat index the 四公开 page only. */
export function checkWeappAppJson(
  appJson: { lazyCodeLoading?: string; sitemapLocation?: string },
  sitemap: { rules?: SitemapRule[] } | null,
  publicPage = 'pages/public/index',
): Finding[] {
  const out: Finding[] = []
  const error = (message: string) => out.push({ level: 'error', where: 'dist/app.json', message })
  if (appJson.lazyCodeLoading !== 'requiredComponents')
    error('缺少 lazyCodeLoading: "requiredComponents" (components are not loaded on demand)')
  if (!appJson.sitemapLocation) error('缺少 sitemapLocation (no sitemap: every page may be indexed)')
  else if (!sitemap) error(`找不到 ${appJson.sitemapLocation} (sitemap file missing from dist/)`)
  else {
    const rules = sitemap.rules ?? []
    const allowed = rules.filter((r) => r.action !== 'disallow').map((r) => r.page)
    const last = rules[rules.length - 1]
    if (allowed.length !== 1 || allowed[0] !== publicPage)
      error(
        `sitemap 只应允许 ${publicPage} (sitemap must allow the 四公开 page only): ${JSON.stringify(allowed)}`,
      )
    if (last?.action !== 'disallow' || last.page !== '*')
      error('sitemap 最后一条须为 {"action":"disallow","page":"*"} (other pages must be disallowed)')
  }
  return out
}

/**
 * Every location API that dist/ calls is named in app.json `requiredPrivateInfos`, and nothing else is: WeChat
 * fails an undeclared call in production, and refuses an upload that names an API it does not know there.
 */
export function checkWeappPrivacy(
  appJson: { requiredPrivateInfos?: string[] },
  scripts: Record<string, string>,
): Finding[] {
  const declared = appJson.requiredPrivateInfos ?? []
  const out: Finding[] = []
  for (const api of LOCATION_APIS) {
    const caller = Object.keys(scripts).find((file) => new RegExp(`\\.${api}\\(`).test(scripts[file]))
    if (caller && !declared.includes(api))
      out.push({
        level: 'error',
        where: `dist/${caller}`,
        message: `调用了 ${api}，但 app.json 的 requiredPrivateInfos 没有声明它，上线后会失败 (calls ${api}, which app.json requiredPrivateInfos does not declare: it fails in production)`,
      })
  }
  for (const api of declared.filter((a) => !LOCATION_APIS.includes(a)))
    out.push({
      level: 'error',
      where: 'dist/app.json',
      message: `requiredPrivateInfos 含有微信不认识的接口 ${api} (requiredPrivateInfos names ${api}, which WeChat does not accept there)`,
    })
  return out
}

/** The attributes config/plugin-aria.js brings into WeChat's templates, so that ariaLabel/ariaRole reach WXML. */
export const ARIA_ATTRIBUTES = ['aria-label', 'aria-role']

/** base.wxml binds aria-label and aria-role: without them every ariaLabel in src/ is silently dropped. */
export function checkWeappAria(baseWxml: string | null): Finding[] {
  if (baseWxml === null)
    return [
      { level: 'error', where: 'dist/base.wxml', message: '找不到 base.wxml (dist/base.wxml is missing)' },
    ]
  return ARIA_ATTRIBUTES.filter((attr) => !new RegExp(`\\b${attr}="\\{\\{`).test(baseWxml)).map(
    (attr): Finding => ({
      level: 'error',
      where: 'dist/base.wxml',
      message: `模板没有 ${attr}：无障碍标签到不了微信，检查 config/plugin-aria.js 是否启用 (${attr} is not bound in WeChat's templates: the aria plugin is not applied)`,
    }),
  )
}
