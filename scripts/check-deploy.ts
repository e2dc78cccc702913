// npm run check:deploy — proves the deployable output is what WeChat CloudBase needs, before anything is
// deployed: built function folders, cron triggers, openapi permissions, cloudbaserc.json ⇄ project.config.json,
// and that deploy/database.json declares every collection and index the functions' queries really use
// (recorded by localcloud while the functions' integration tests run), and that dist/ calls the environment
// named by CLOUD_ENV (or TARO_APP_CLOUD_ENV). Exits 1 on any error.
//
//   --skip-queries   static checks only (no integration test run)
//   --shapes <dir>   read recorded query shapes from <dir> instead of running the tests
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INDEXES } from '../localcloud/db/indexes'
import { readQueryLog } from '../localcloud/db/query-log'
import { checkQueryCoverage, readProject, staticChecks, type Finding } from '../deploy/checks'
import { describeSizes, measurePackages, overBudget } from '../deploy/package-sizes'
import { checkStorageSpec } from '../deploy/storage-checks'
import {
  checkWeappAppJson,
  checkWeappAria,
  checkWeappEnv,
  checkWeappPrivacy,
  checkWeappSyntax,
  readWeappScripts,
  WEAPP_ECMA_VERSION,
} from '../deploy/weapp-checks'

const root = join(__dirname, '..')
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)

function print(title: string, findings: Finding[]): void {
  const errors = findings.filter((f) => f.level === 'error')
  const warnings = findings.filter((f) => f.level === 'warning')
  console.log(
    `${errors.length === 0 ? '✓' : '✗'} ${title}${errors.length ? `：${errors.length} 个问题` : ''}`,
  )
  for (const f of [...errors, ...warnings])
    console.log(`    ${f.level === 'error' ? '✗' : '!'} ${f.where}: ${f.message}`)
}

async function main(): Promise<number> {
  const { buildFunctions } = await import('./build-functions.mjs')
  await buildFunctions({ quiet: true })
  const files = readProject(root)
  const all: Finding[] = []

  const statics = staticChecks(files, join(root, 'build', 'cloudfunctions'), INDEXES)
  print(
    `函数包、触发器、openapi 权限、配置文件、数据库声明 (${files.sourceFunctions.length} 个函数)`,
    statics,
  )
  all.push(...statics)

  const storageFile = join(root, 'deploy', 'storage.json')
  const storage = checkStorageSpec(
    existsSync(storageFile) ? JSON.parse(readFileSync(storageFile, 'utf8')) : null,
  )
  print('云存储安全规则 (storage rule): 本人只读写自己上传的文件', storage)
  all.push(...storage)

  if (!flag('--skip-queries')) {
    let dir = option('--shapes')
    let ranTests = false
    if (!dir) {
      dir = mkdtempSync(join(tmpdir(), 'dj-query-shapes-'))
      ranTests = true
      console.log(
        '… 运行云函数集成测试并记录每个查询 (running the functions’ integration tests, recording queries)',
      )
      const jest = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--selectProjects',
          'node',
          '--roots',
          '<rootDir>/cloudfunctions',
          '--silent',
        ],
        {
          cwd: root,
          env: { ...process.env, LOCALCLOUD_QUERY_LOG: dir },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      )
      if (jest.status !== 0) {
        console.log(jest.stdout.slice(-4000), jest.stderr.slice(-8000))
        all.push({
          level: 'error',
          where: 'cloudfunctions/**/__tests__',
          message: '集成测试失败，查询覆盖无法判定 (integration tests failed; query coverage unknown)',
        })
      }
    }
    const shapes = readQueryLog(dir)
    if (ranTests) rmSync(dir, { recursive: true, force: true })
    const coverage = checkQueryCoverage(files.database, shapes)
    if (shapes.length === 0)
      coverage.push({ level: 'error', where: dir, message: '没有记录到任何查询 (no queries recorded)' })
    const collections = new Set(shapes.map((s) => s.collection))
    print(`集合与索引覆盖代码的每个查询 (${shapes.length} 种查询，${collections.size} 个集合)`, coverage)
    all.push(...coverage)
  }

  const dist = join(root, 'dist')
  if (existsSync(join(dist, 'app.json'))) {
    const sizes = measurePackages(dist)
    const over = overBudget(sizes).map((m): Finding => ({
      level: 'error',
      where: 'dist/',
      message: `超出预算 (over budget): ${m}`,
    }))
    print(`小程序包大小 ${describeSizes(sizes)}`, over)
    all.push(...over)
    const envId = process.env.CLOUD_ENV || process.env.TARO_APP_CLOUD_ENV || ''
    const scripts = readWeappScripts(dist)
    const weapp = checkWeappEnv(dist, envId, scripts)
    print(`小程序云环境 (cloud environment): ${envId || '默认 (default)'}`, weapp)
    all.push(...weapp)
    const syntax = checkWeappSyntax(scripts)
    print(`小程序语法不超过 ES${WEAPP_ECMA_VERSION} (${Object.keys(scripts).length} 个脚本)`, syntax)
    all.push(...syntax)
    const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
      sitemapLocation?: string
      requiredPrivateInfos?: string[]
    }
    const sitemapFile = join(dist, appJson.sitemapLocation ?? 'sitemap.json')
    const sitemap = existsSync(sitemapFile) ? JSON.parse(readFileSync(sitemapFile, 'utf8')) : null
    const config = checkWeappAppJson(appJson, sitemap)
    print('app.json：sitemap 只开放四公开页、lazyCodeLoading', config)
    all.push(...config)
    const privacy = checkWeappPrivacy(appJson, scripts)
    print('app.json：调用的位置接口都在 requiredPrivateInfos 中声明', privacy)
    all.push(...privacy)
    const baseWxml = join(dist, 'base.wxml')
    const aria = checkWeappAria(existsSync(baseWxml) ? readFileSync(baseWxml, 'utf8') : null)
    print('无障碍：ariaLabel / ariaRole 到达小程序模板 (aria-label, aria-role)', aria)
    all.push(...aria)
  } else console.log('- 小程序包大小：没有 dist/（npm run build:weapp 后再检查）')

  const errors = all.filter((f) => f.level === 'error').length
  console.log(
    errors === 0
      ? '\n可以部署 (ready to deploy)'
      : `\n不能部署：${errors} 个问题 (not deployable: ${errors} problems)`,
  )
  return errors === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
