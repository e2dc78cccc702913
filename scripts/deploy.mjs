// npm run deploy — one command from this repository to a WeChat CloudBase environment:
//   1. reads the environment id and API keys from the environment or .env, and stops before touching anything
//      (in Chinese and English) if one is missing;
//   2. stops when subscribe-message template ids are still the placeholders (unless --allow-placeholder-templates);
//   3. builds the weapp (`npm run build:weapp`) with TARO_APP_CLOUD_ENV set to the environment it deploys to, and
//      checks that dist/ carries that id;
//   4. runs `npm run check:deploy` (builds the functions and proves them and dist/ deployable);
//   5. creates the database collections, indexes and closed security rules declared in deploy/database.json, and
//      sets the storage rule of deploy/storage.json, reading both back;
//   6. deploys every function of cloudbaserc.json with the CloudBase CLI (`tcb fn deploy`), reading its output:
//      the CLI exits 0 even when a deploy failed;
//   7. names the functions whose `permissions.openapi` the CLI left unregistered, with the DevTools step that
//      registers them and `npm run verify:live`, which proves it.
//
// Options: --dry-run (print the plan, call nothing), --functions-only (skip the database; works with a CLI
// logged in by `tcb login` and no API keys), --skip-checks (deploy build/cloudfunctions as it is),
// --skip-weapp (leave dist/ as it is), --only org,projects, --dotenv <path>, --bootstrap 姓名,手机号 (after deploying, an invite code for the first
// committee member of a fresh environment: `tcb fn invoke org`, which only works while no committee member is bound).
// The CLI is `tcb` on PATH if there is one, else `npx --yes -p @cloudbase/cli@<CLI_VERSION> tcb` (≈35 MB, fetched
// once into npm's cache, not a project dependency); TCB_CLI=<path> picks another.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyDatabase, indexName } from './lib/database-apply.mjs'
import { applyStorageRule } from './lib/storage-apply.mjs'
import { weappEnvProblem } from './lib/weapp-env.cjs'
import { createTcbApi } from './lib/tcb-api.mjs'
import { cliEnv, loadDotenv, resolveCli, runCli, stripAnsi } from './lib/tcb-cli.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)

const say = (zh, en) => console.log(en ? `${zh}\n  ${en}` : zh)
const fail = (zh, en, code = 1) => {
  console.error(`\n✗ ${zh}\n  ${en}`)
  process.exit(code)
}

/** Whether `tcb login` left a credential in the CLI's store (~/.config/.cloudbase/auth.json). */
function cliLoggedIn() {
  const file = join(homedir(), '.config', '.cloudbase', 'auth.json')
  if (!existsSync(file)) return false
  try {
    const credential = JSON.parse(readFileSync(file, 'utf8')).credential ?? {}
    return Boolean(credential.secretId || credential.tmpSecretId || credential.refreshToken)
  } catch {
    return false
  }
}

/** What the CLI printed means: it exits 0 even when the deploy failed, so only its words count. */
function deployOutcome(name, output, exitCode) {
  const text = stripAnsi(output)
  const ok = [`[${name}] 云函数部署成功`, `[${name}] 云函数更新成功`, `[${name}] 云函数代码已更新`].some(
    (m) => text.includes(m),
  )
  const failed = /失败|已跳过部署|已取消部署|无有效身份信息|✖|\bError\b/.test(text)
  if (exitCode !== 0) return { ok: false, reason: `CLI 退出码 ${exitCode} (exit code ${exitCode})` }
  if (failed) return { ok: false, reason: 'CLI 输出中有失败信息 (the CLI reported a failure)' }
  if (!ok) return { ok: false, reason: 'CLI 没有报告部署成功 (the CLI did not report success)' }
  return { ok: true, reason: '' }
}

function placeholderTemplates() {
  const config = JSON.parse(
    readFileSync(join(root, 'cloudfunctions', '_shared', 'reminder-config.json'), 'utf8'),
  )
  return Object.entries(config.kinds)
    .filter(([, k]) => typeof k.templateId === 'string' && /^tpl-/.test(k.templateId))
    .map(([kind, k]) => `${kind}: ${k.templateId}`)
}

async function main() {
  const envFile = option('--dotenv') ?? join(root, '.env')
  const hadEnvFile = loadDotenv(envFile)
  const dryRun = flag('--dry-run')
  const functionsOnly = flag('--functions-only')
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'))
  const appEnv = process.env.TARO_APP_CLOUD_ENV
  const envId = process.env.CLOUD_ENV || appEnv || (/^\{\{/.test(rc.envId ?? '{{') ? '' : rc.envId)
  const secretId = process.env.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY
  const hasKeys = Boolean(secretId && secretKey)

  console.log(`党建项目通 · 部署到微信云开发 CloudBase${dryRun ? '（演练 dry run）' : ''}`)
  console.log(`  配置 (settings): ${hadEnvFile ? envFile : '环境变量 (environment)'}`)

  const missing = []
  if (!envId)
    missing.push([
      'CLOUD_ENV',
      '云开发环境 ID（云开发控制台 › 设置）',
      'the CloudBase environment id (console › settings)',
    ])
  else if (!/^[A-Za-z][A-Za-z0-9-]{2,63}$/.test(envId))
    missing.push(['CLOUD_ENV', `环境 ID 格式不对：${envId}`, `not an environment id: ${envId}`])
  else if (appEnv && appEnv !== envId)
    missing.push([
      'TARO_APP_CLOUD_ENV',
      `与 CLOUD_ENV 不一致：小程序会连 ${appEnv}，云函数却部署到 ${envId}`,
      `differs from CLOUD_ENV: the app would call ${appEnv} while functions go to ${envId}`,
    ])
  if (!hasKeys && !(functionsOnly && cliLoggedIn())) {
    if (!secretId)
      missing.push([
        'TENCENTCLOUD_SECRETID',
        '腾讯云 API 密钥 SecretId（访问管理 › API 密钥）',
        'a Tencent Cloud API SecretId (CAM › API keys)',
      ])
    if (!secretKey) missing.push(['TENCENTCLOUD_SECRETKEY', '腾讯云 API 密钥 SecretKey', 'its SecretKey'])
  }
  if (missing.length > 0) {
    console.error('\n✗ 缺少部署所需的配置，什么都没有改动。')
    console.error('  Missing deployment settings; nothing was changed.\n')
    for (const [key, zh, en] of missing) console.error(`  ${key.padEnd(24)} ${zh}\n  ${''.padEnd(24)} ${en}`)
    console.error(`
  写进仓库根目录的 .env（已被 git 忽略），或作为环境变量传入：
  Put them in .env at the repository root (ignored by git), or pass them as environment variables:

    CLOUD_ENV=your-env-id
    TENCENTCLOUD_SECRETID=AKID…
    TENCENTCLOUD_SECRETKEY=…

  只部署云函数、且已用 \`tcb login\` 登录 CLI 时，可用 npm run deploy -- --functions-only（不建数据库）。
  With a CLI logged in by \`tcb login\`, npm run deploy -- --functions-only deploys the functions only.`)
    process.exit(2)
  }

  const placeholders = placeholderTemplates()
  if (placeholders.length > 0) {
    const allowed = flag('--allow-placeholder-templates')
    const bar = '!'.repeat(78)
    const text = `\n${bar}
!! 订阅消息模板 ID 仍是占位符：这些提醒不会推送到微信（消息中心照常）。
!! Subscribe-message template ids are still placeholders: these reminders will not reach WeChat.
!!   ${placeholders.join('\n!!   ')}
!! 在小程序后台 › 订阅消息 选用模板，把 ID 和字段写进 cloudfunctions/_shared/reminder-config.json 后重新部署；
!! 确要先不推送就部署，加 --allow-placeholder-templates。
!! Pick templates in the mini-program admin › Subscribe messages, put their ids and fields into
!! cloudfunctions/_shared/reminder-config.json and deploy again; to deploy without pushes anyway, add
!! --allow-placeholder-templates.
${bar}\n`
    if (!allowed) {
      console.error(text)
      console.error('✗ 模板 ID 是占位符，什么都没有改动。 Placeholder template ids; nothing was changed.')
      process.exit(2)
    }
    console.warn(text)
  }

  const buildWeapp = !functionsOnly && !flag('--skip-weapp')
  if (buildWeapp) {
    say(
      `\n1/4 小程序：npm run build:weapp，TARO_APP_CLOUD_ENV=${envId}`,
      `the weapp, built for the environment it deploys to (dist/ → WeChat DevTools upload)`,
    )
    if (!dryRun) {
      const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TARO_APP_CLOUD_ENV: envId },
      })
      if (build.status !== 0)
        fail('小程序构建失败，没有部署。', 'The weapp build failed; nothing was deployed.')
      const problem = weappEnvProblem(process.env.WEAPP_DIST || join(root, 'dist'), envId)
      if (problem) fail(problem.zh, problem.en)
      say(`  ✓ dist/ 连接 ${envId}`, `dist/ calls ${envId}`)
    }
  }

  if (!flag('--skip-checks')) {
    say('\n2/4 检查可部署性 (checking deployability): npm run check:deploy')
    const check = spawnSync('npm', ['run', '--silent', 'check:deploy'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CLOUD_ENV: envId },
    })
    if (check.status !== 0) fail('检查未通过，没有部署。', 'Checks failed; nothing was deployed.')
  } else if (!existsSync(join(root, 'build', 'cloudfunctions'))) {
    fail(
      '没有 build/cloudfunctions：先运行 npm run build:functions。',
      'No build/cloudfunctions: run npm run build:functions first.',
    )
  }

  const only = option('--only')?.split(',').filter(Boolean)
  const functions = rc.functions.map((f) => f.name).filter((n) => !only || only.includes(n))
  const spec = JSON.parse(readFileSync(join(root, 'deploy', 'database.json'), 'utf8'))
  const storage = JSON.parse(readFileSync(join(root, 'deploy', 'storage.json'), 'utf8'))
  const secrets = [secretId, secretKey, process.env.TENCENTCLOUD_SESSIONTOKEN].filter(
    (s) => s && s.length >= 6,
  )
  const redact = (text) => secrets.reduce((t, s) => t.split(s).join('***'), text)

  if (!functionsOnly) {
    say(
      `\n3/4 数据库：${Object.keys(spec.collections).length} 个集合、索引与安全规则 ${JSON.stringify(spec.rule)}`,
      `database: collections, indexes and security rules of deploy/database.json → ${envId}`,
    )
    if (dryRun) {
      for (const [name, indexes] of Object.entries(spec.collections))
        console.log(`  ${name}: ${indexes.map(indexName).join(', ') || '（仅 _id）'}`)
    } else {
      const call = createTcbApi({
        secretId,
        secretKey,
        token: process.env.TENCENTCLOUD_SESSIONTOKEN,
        region: process.env.TCB_REGION || 'ap-shanghai',
        endpoint: process.env.TCB_API_ENDPOINT,
      })
      try {
        const done = await applyDatabase(call, envId, spec, (line) => console.log(line))
        say(
          `  ✓ 新建 ${done.created.length} 个集合、${done.indexes.length} 个索引；${done.rules} 个集合的安全规则已设为关闭并已读回核对`,
          `✓ ${done.created.length} collections and ${done.indexes.length} indexes created; ${done.rules} rules closed and verified`,
        )
        if (done.extraIndexes.length > 0)
          say(
            `  ! 云端另有未声明的索引（未删除）：${done.extraIndexes.join(', ')}`,
            'indexes not declared here were left alone',
          )
      } catch (err) {
        fail(`数据库配置失败：${redact(err.message)}`, 'Database setup failed; functions were not deployed.')
      }
      try {
        const done = await applyStorageRule(call, envId, storage)
        say(
          `  ✓ 云存储安全规则已设为 deploy/storage.json 并已读回核对（${done.bucket}）：本人只读写自己上传的文件，云函数读写全部`,
          `✓ storage rule of deploy/storage.json applied and verified: a person reads their own uploads; functions read all`,
        )
      } catch (err) {
        fail(
          `云存储规则配置失败：${redact(err.message)}`,
          'Storage rule setup failed; functions were not deployed.',
        )
      }
    }
  }

  const cli = resolveCli()
  say(
    `\n4/4 云函数：${functions.join(', ')}`,
    `functions, with ${[cli[0], ...cli[1]].join(' ')} fn deploy <name> -e ${envId} --force --yes`,
  )
  if (dryRun) {
    say('\n演练结束，没有调用任何云端接口。', 'Dry run finished; nothing was called.')
    return
  }
  const env = cliEnv(envId)
  const failures = []
  for (const name of functions) {
    const { code, output } = await runCli(
      cli,
      ['fn', 'deploy', name, '-e', envId, '--force', '--yes'],
      env,
      redact,
    )
    const outcome = deployOutcome(name, output, code)
    if (outcome.ok) console.log(`  ✓ ${name}`)
    else {
      failures.push(name)
      console.log(
        `  ✗ ${name}: ${outcome.reason}\n${stripAnsi(output)
          .trim()
          .split('\n')
          .slice(-15)
          .map((l) => `      ${l}`)
          .join('\n')}`,
      )
    }
  }
  if (failures.length > 0)
    fail(
      `${failures.length} 个云函数部署失败：${failures.join(', ')}（CLI 虽以 0 退出，但输出表明失败）`,
      `${failures.length} functions failed to deploy: ${failures.join(', ')} (the CLI exits 0 even then; its output says so)`,
    )
  say(`\n✓ 已部署到 ${envId}`, `deployed to ${envId}`)

  const needOpenapi = functions.filter((name) => {
    const file = join(root, 'cloudfunctions', name, 'config.json')
    return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')).permissions?.openapi ?? []).length > 0
  })
  if (needOpenapi.length > 0)
    say(
      `\n! 云调用权限还没有登记：tcb CLI 不登记 config.json 的 permissions.openapi（${needOpenapi.join(', ')}）。\n  在微信开发者工具里对 build/cloudfunctions/<函数> 右键「上传并部署：云端安装依赖」，再运行\n  npm run verify:live -- --openid <你的 openid> 核对（-604101 即仍未登记）。`,
      `openapi permissions are not registered yet: the tcb CLI skips config.json's permissions.openapi (${needOpenapi.join(', ')}).\n  Upload those functions once from WeChat DevTools (右键 › 上传并部署：云端安装依赖), then check with\n  npm run verify:live -- --openid <your openid> (-604101 means still unregistered).`,
    )

  const bootstrap = option('--bootstrap')
  if (bootstrap) {
    const [name, phone] = bootstrap.split(/[,，]/).map((t) => t.trim())
    const params = JSON.stringify({ action: 'bootstrapCommittee', payload: { name, phone } })
    const { code, output } = await runCli(
      cli,
      ['fn', 'invoke', 'org', '--params', params, '-e', envId],
      env,
      redact,
    )
    const text = stripAnsi(output)
    const invite = /"code"\s*:\s*"([A-Z2-9]{4}-[A-Z2-9]{4})"/.exec(text)?.[1]
    if (code !== 0 || !text.includes('[org] 调用成功') || !/"ok"\s*:\s*true/.test(text) || !invite)
      fail(
        `首位党委成员的邀请码没有生成：\n${text.trim().split('\n').slice(-8).join('\n')}`,
        'The first committee member’s invite code was not made (see the function’s answer above).',
      )
    say(
      `\n首位党委成员「${name}」的邀请码：${invite}（72 小时内有效，只能用一次）。请本人打开小程序，在「尚未登记」页输入并绑定。`,
      `invite code for the first committee member: ${invite} (72 hours, once); they type it on the 尚未登记 screen`,
    )
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
