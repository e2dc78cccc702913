// npm run verify:live -- --openid <your openid> — after `npm run deploy`, proves the environment really works:
//   1. every function of cloudbaserc.json answers its health check (`tcb fn invoke <name>` with {action: 'health'},
//      a call the app can never make): deployed, running, reaching the database;
//   2. one test subscribe message goes to the deployer's openid through `reminders` ({action: 'verifyPush'}, the
//      deploy's keys-signed call only). WeChat's answer is reported in Chinese and English; -604101 means the
//      function's `permissions.openapi` is not registered (the tcb CLI does not register it) and says how to.
// The environment is CLOUD_ENV (or TARO_APP_CLOUD_ENV) from the environment or .env; the CLI is found as deploy finds
// it (`tcb` on PATH, TCB_CLI, else npx @cloudbase/cli). Options: --dotenv <path>, --openid <openid>, --skip-push,
// --only org,projects. Exit code 0 when everything answered, 1 when something did not, 2 when settings are missing.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cliEnv, loadDotenv, resolveCli, runCli, stripAnsi } from './lib/tcb-cli.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)

/** Where to register a function's openapi permission: the one step the tcb CLI leaves out. */
const registerSteps = (fn, envId) => `
    登记方法（任选其一），完成后重新运行 npm run verify:live：
    How to register it (either way), then run npm run verify:live again:
    a) 微信开发者工具导入仓库根目录，云开发环境选 ${envId}，在 build/cloudfunctions/${fn} 上右键
       「上传并部署：云端安装依赖」——开发者工具会按 config.json 的 permissions.openapi 登记云调用权限。
       WeChat DevTools: import the repository root, pick environment ${envId}, right-click
       build/cloudfunctions/${fn} › 上传并部署：云端安装依赖 (DevTools registers config.json's permissions.openapi).
    b) 云开发控制台 › 云函数 › ${fn}：上传 build/cloudfunctions/${fn}（含 config.json）的代码包。
       CloudBase console › 云函数 › ${fn}: upload the build/cloudfunctions/${fn} folder, config.json included.`

/** WeChat's errCodes of subscribeMessage.send, in plain words: [中文, English]. */
const PUSH_ERRORS = {
  '-604101': [
    '云函数没有「订阅消息发送」的云调用权限：config.json 的 permissions.openapi 没有登记（tcb CLI 部署不会登记它）。',
    'the function has no cloud-call permission for subscribeMessage.send: config.json’s permissions.openapi was not registered (the tcb CLI does not register it).',
  ],
  43101: [
    '这个微信还没有订阅该模板（或一次订阅已用完）：用这个微信打开小程序，在「消息」页的提醒设置里点「订阅」并允许，再运行一次。',
    'this WeChat user has not subscribed to the template (or used up the one subscription): open the app with it, accept a subscription in 消息 › reminder settings, and run again.',
  ],
  40003: [
    'openid 不对：它不是这个小程序下的用户（每个小程序的 openid 不同）。',
    'wrong openid: it is not a user of this mini-program (openids differ per mini-program).',
  ],
  40037: [
    '模板 ID 不对：reminder-config.json 里的模板不存在，或不属于这个小程序。',
    'invalid template id: the template in reminder-config.json does not exist or belongs to another mini-program.',
  ],
  47003: [
    '模板字段不符：reminder-config.json 的 fields 与小程序后台模板的字段名或类型不一致。',
    'template data mismatch: the fields in reminder-config.json do not match the template’s keys or types.',
  ],
  41030: [
    '跳转页面不存在：小程序还没有发布（miniprogramState 为 formal 时须先发布；测试阶段可改为 trial 或 developer）。',
    'page not found: the mini-program is not released yet (with miniprogramState formal, release first; use trial or developer while testing).',
  ],
  43107: [
    '订阅消息能力被封禁或未开通：查看小程序后台「订阅消息」。',
    'subscribe messages are blocked or not enabled: see the admin’s 订阅消息 page.',
  ],
  45009: ['今日发送次数已达上限，明天再试。', 'today’s send quota is used up; try tomorrow.'],
  '-1': ['微信系统繁忙，稍后再试。', 'WeChat is busy; try again later.'],
}

/** Reads `返回结果：{…}` from `tcb fn invoke` output: the function's answer, or null. */
function answerOf(name, output) {
  const text = stripAnsi(output)
  if (!text.includes(`[${name}] 调用成功`)) return null
  const at = text.indexOf('{', text.indexOf('返回结果'))
  if (text.indexOf('返回结果') < 0 || at < 0) return null
  const line = text.slice(at).split('\n')[0].trim()
  try {
    return JSON.parse(line)
  } catch {
    return null
  }
}

/** Why an invoke gave no answer, from the CLI's words. */
function invokeProblem(output, code) {
  const text = stripAnsi(output)
  if (/ResourceNotFound\.Env|环境不存在|环境.*不存在/i.test(text))
    return ['云开发环境不存在：检查 CLOUD_ENV。', 'no such CloudBase environment: check CLOUD_ENV.']
  if (/ResourceNotFound|函数不存在|not exist/i.test(text))
    return ['云函数不存在：先运行 npm run deploy。', 'the function does not exist: run npm run deploy first.']
  if (/超时|timed? ?out|TimeLimitExceeded/i.test(text))
    return [
      '云函数超时（-504003）：在 cloudbaserc.json 调大 timeout 后重新部署。',
      'the function timed out (-504003): raise its timeout in cloudbaserc.json and deploy again.',
    ]
  if (/无有效身份信息|AuthFailure|SecretId|login/i.test(text))
    return [
      'CLI 没有有效的身份：在 .env 填 TENCENTCLOUD_SECRETID/SECRETKEY，或 tcb login。',
      'the CLI has no valid credential: set TENCENTCLOUD_SECRETID/SECRETKEY in .env, or tcb login.',
    ]
  return [
    `CLI 没有返回云函数的结果（退出码 ${code}）。`,
    `the CLI returned no answer from the function (exit code ${code}).`,
  ]
}

function lastLines(output) {
  return stripAnsi(output)
    .trim()
    .split('\n')
    .slice(-6)
    .map((l) => `      ${l}`)
    .join('\n')
}

async function main() {
  const envFile = option('--dotenv') ?? join(root, '.env')
  loadDotenv(envFile)
  const envId = process.env.CLOUD_ENV || process.env.TARO_APP_CLOUD_ENV
  const openid = option('--openid')
  const skipPush = flag('--skip-push')
  console.log('党建项目通 · 上线检查 (verify the live environment)')
  const missing = []
  if (!envId)
    missing.push([
      'CLOUD_ENV',
      '云开发环境 ID（写进 .env 或作为环境变量）',
      'the CloudBase environment id (.env or the environment)',
    ])
  if (!openid && !skipPush)
    missing.push([
      '--openid',
      '接收测试订阅消息的 openid（你自己的；在云开发控制台 › 数据库 › people 中本人记录的 openid 字段）；或加 --skip-push 只查健康',
      'the openid that gets the test subscribe message (yours: the openid of your record in the people collection); or --skip-push for health checks only',
    ])
  if (missing.length > 0) {
    console.error('\n✗ 缺少上线检查所需的设置，什么都没有调用。\n  Missing settings; nothing was called.\n')
    for (const [key, zh, en] of missing) console.error(`  ${key.padEnd(12)} ${zh}\n  ${''.padEnd(12)} ${en}`)
    process.exit(2)
  }

  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'))
  const only = option('--only')?.split(',').filter(Boolean)
  const functions = rc.functions.map((f) => f.name).filter((n) => !only || only.includes(n))
  const secrets = [
    process.env.TENCENTCLOUD_SECRETID,
    process.env.TENCENTCLOUD_SECRETKEY,
    process.env.TENCENTCLOUD_SESSIONTOKEN,
  ].filter((s) => s && s.length >= 6)
  const redact = (text) => secrets.reduce((t, s) => t.split(s).join('***'), text)
  const cli = resolveCli()
  const env = cliEnv(envId)
  const invoke = (name, event) =>
    runCli(cli, ['fn', 'invoke', name, '--params', JSON.stringify(event), '-e', envId], env, redact)

  let problems = 0
  console.log(`\n1/2 健康检查 (health checks) → ${envId}`)
  for (const name of functions) {
    const { code, output } = await invoke(name, { action: 'health' })
    const answer = answerOf(name, output)
    if (answer?.ok === true && answer.data?.fn === name) {
      console.log(`  ✓ ${name}（数据库往返 ${answer.data.ms} ms · database round trip）`)
      continue
    }
    problems += 1
    if (answer) {
      const why =
        answer.code === 'UNKNOWN_ACTION'
          ? [
              '云上的代码比仓库旧（没有 health）：重新 npm run deploy。',
              'the deployed code predates health: deploy again.',
            ]
          : [`云函数回答 ${answer.code}：${answer.message ?? ''}`, `the function answered ${answer.code}`]
      console.log(`  ✗ ${name}: ${why[0]}\n      ${why[1]}`)
    } else {
      const [zh, en] = invokeProblem(output, code)
      console.log(`  ✗ ${name}: ${zh}\n      ${en}\n${lastLines(output)}`)
    }
  }

  if (skipPush) {
    console.log('\n2/2 订阅消息：已跳过（--skip-push），云调用权限没有核对。')
    console.log('  subscribe message skipped (--skip-push): the openapi permission was not checked.')
  } else {
    console.log(`\n2/2 订阅消息 (subscribe message) → ${openid}，经 reminders`)
    const { code, output } = await invoke('reminders', { action: 'verifyPush', payload: { openid } })
    const answer = answerOf('reminders', output)
    if (!answer) {
      problems += 1
      const [zh, en] = invokeProblem(output, code)
      console.log(`  ✗ ${zh}\n    ${en}\n${lastLines(output)}`)
    } else if (!answer.ok) {
      problems += 1
      console.log(`  ✗ ${answer.code}：${answer.message ?? ''}`)
      if (answer.code === 'UNKNOWN_ACTION' || answer.code === 'FORBIDDEN')
        console.log(
          '    云上的 reminders 比仓库旧：重新 npm run deploy。 The deployed reminders is older: deploy again.',
        )
    } else if (answer.data?.sent) {
      console.log(`  ✓ 已发送（模板 ${answer.data.templateId}）：请在微信「服务通知」里查看。`)
      console.log('    sent: look for it in WeChat’s 服务通知 (service notifications).')
    } else {
      problems += 1
      const errCode = answer.data?.errCode
      const [zh, en] = PUSH_ERRORS[String(errCode)] ?? [
        `微信拒绝发送，错误码 ${errCode}：${answer.data?.errMsg ?? ''}`,
        `WeChat refused the message with errCode ${errCode}: ${answer.data?.errMsg ?? ''}`,
      ]
      console.log(`  ✗ 错误码 ${errCode}：${zh}\n    errCode ${errCode}: ${en}`)
      if (String(errCode) === '-604101') console.log(registerSteps('reminders', envId))
    }
  }

  if (problems > 0) {
    console.error(`\n✗ 上线检查发现 ${problems} 个问题（见上）。 ${problems} problem(s) found (see above).`)
    process.exit(1)
  }
  console.log(`\n✓ ${envId} 上线检查通过。 The live environment answers.`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
