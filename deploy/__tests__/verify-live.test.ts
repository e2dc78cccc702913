/**
 * `npm run verify:live` against a fake `tcb` on PATH (this machine reaches neither CloudBase nor WeChat): the fake
 * answers `tcb fn invoke` the way the CLI prints a function's answer, with what the functions answer to a health
 * check and to `verifyPush` (cloudfunctions/__tests__/health.test.ts proves those answers on localcloud).
 */
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

const root = join(__dirname, '..', '..')
const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
  functions: { name: string }[]
}
const functionNames = rc.functions.map((f) => f.name)
const OPENID = 'oAbCdEfGhIjKlMnOpQrStUvWxYz0'

// FAKE_HEALTH: ok | missing:<fn> | old:<fn> | timeout:<fn>; FAKE_PUSH: sent | <errCode> | old
const FAKE_TCB = `#!/usr/bin/env node
const fs = require('fs')
const args = process.argv.slice(2)
fs.appendFileSync(process.env.FAKE_TCB_LOG, JSON.stringify({ args, lang: process.env.TCB_LANG }) + '\\n')
const name = args[2]
const event = JSON.parse(args[args.indexOf('--params') + 1])
const health = process.env.FAKE_HEALTH || 'ok'
const push = process.env.FAKE_PUSH || 'sent'
const answer = (body) => { console.log('✔ [' + name + '] 调用成功\\n'); console.log('返回结果：' + JSON.stringify(body)); process.exit(0) }
if (event.action === 'health') {
  if (health === 'missing:' + name) { console.log('✖ 调用失败：[ResourceNotFound.Function] 函数不存在'); process.exit(1) }
  if (health === 'timeout:' + name) { console.log('✖ 调用失败：Invoking task timed out after 3 seconds'); process.exit(1) }
  if (health === 'old:' + name) answer({ ok: false, code: 'UNKNOWN_ACTION', message: '未知的操作：health' })
  answer({ ok: true, data: { fn: name, db: 'ok', ms: 9, at: '2030-01-01T00:00:00.000Z' } })
}
if (event.action === 'verifyPush' && name === 'reminders') {
  if (push === 'old') answer({ ok: false, code: 'FORBIDDEN', message: '提醒只由定时触发器发送' })
  if (push === 'sent') answer({ ok: true, data: { sent: true, kind: 'milestone_due', templateId: 'AbC123', errCode: null, errMsg: '' } })
  answer({ ok: true, data: { sent: false, kind: 'milestone_due', templateId: 'AbC123', errCode: Number(push), errMsg: 'openapi.subscribeMessage.send:fail ' + push } })
}
console.log('✖ unexpected call'); process.exit(1)
`

let work: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dj-verify-'))
  mkdirSync(join(work, 'bin'))
  writeFileSync(join(work, 'bin', 'tcb'), FAKE_TCB)
  chmodSync(join(work, 'bin', 'tcb'), 0o755)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Run {
  code: number
  out: string
  calls: { args: string[]; lang: string }[]
}

function verify(dotenv: string, extraArgs: string[], env: Record<string, string> = {}): Promise<Run> {
  const tag = Math.random().toString(36).slice(2)
  const envFile = join(work, `env-${tag}`)
  const log = join(work, `tcb-${tag}.log`)
  writeFileSync(envFile, dotenv)
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'verify-live.mjs'), '--dotenv', envFile, ...extraArgs],
      {
        cwd: root,
        env: {
          PATH: `${join(work, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
          HOME: work,
          FAKE_TCB_LOG: log,
          ...env,
        },
      },
    )
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('close', (code) => {
      const calls = existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Run['calls'][number])
        : []
      resolve({ code: code ?? -1, out, calls })
    })
  })
}

const ENV = 'CLOUD_ENV=prod-7g8h9i\n'

describe('npm run verify:live', () => {
  it('stops before calling anything without an env id or an openid, in Chinese and English', async () => {
    const run = await verify('# nothing\n', [])
    expect(run.code).toBe(2)
    expect(run.out).toContain('缺少上线检查所需的设置，什么都没有调用')
    expect(run.out).toContain('Missing settings; nothing was called')
    expect(run.out).toContain('CLOUD_ENV')
    expect(run.out).toContain('--openid')
    expect(run.calls).toEqual([])
  })

  it("checks every function's health and sends one test message to the deployer's openid", async () => {
    const run = await verify(ENV, ['--openid', OPENID])
    expect(run.code).toBe(0)
    const health = run.calls.filter((c) => c.args.includes('{"action":"health"}'))
    expect(health.map((c) => c.args)).toEqual(
      functionNames.map((n) => ['fn', 'invoke', n, '--params', '{"action":"health"}', '-e', 'prod-7g8h9i']),
    )
    expect(run.calls.every((c) => c.lang === 'zh')).toBe(true)
    for (const n of functionNames) expect(run.out).toContain(`✓ ${n}`)
    const push = run.calls.filter((c) => !c.args.includes('{"action":"health"}'))
    expect(push.map((c) => c.args)).toEqual([
      [
        'fn',
        'invoke',
        'reminders',
        '--params',
        JSON.stringify({ action: 'verifyPush', payload: { openid: OPENID } }),
        '-e',
        'prod-7g8h9i',
      ],
    ])
    expect(run.out).toContain('已发送')
    expect(run.out).toContain('上线检查通过')
  })

  it('reports -604101 with how to register permissions.openapi, and fails', async () => {
    const run = await verify(ENV, ['--openid', OPENID], { FAKE_PUSH: '-604101' })
    expect(run.code).toBe(1)
    expect(run.out).toContain('错误码 -604101')
    expect(run.out).toContain('permissions.openapi')
    expect(run.out).toContain('not registered')
    expect(run.out).toContain('上传并部署：云端安装依赖')
    expect(run.out).toContain('build/cloudfunctions/reminders')
    expect(run.out).not.toContain('上线检查通过')
  })

  it.each([
    ['43101', '还没有订阅该模板', 'has not subscribed'],
    ['40003', 'openid 不对', 'wrong openid'],
    ['40037', '模板 ID 不对', 'invalid template id'],
    ['47003', '模板字段不符', 'template data mismatch'],
    ['41030', '跳转页面不存在', 'page not found'],
    ['45009', '今日发送次数已达上限', 'quota'],
    ['-1', '微信系统繁忙', 'WeChat is busy'],
    ['40164', '微信拒绝发送，错误码 40164', 'errCode 40164'],
  ])('reports errCode %s in plain words', async (errCode, zh, en) => {
    const run = await verify(ENV, ['--openid', OPENID], { FAKE_PUSH: errCode })
    expect(run.code).toBe(1)
    expect(run.out).toContain(zh)
    expect(run.out).toContain(en)
    expect(run.out).not.toContain('上传并部署')
  })

  it('names a function that is missing, timed out or older than its health action', async () => {
    const missing = await verify(ENV, ['--skip-push'], { FAKE_HEALTH: 'missing:ledger' })
    expect(missing.code).toBe(1)
    expect(missing.out).toMatch(/✗ ledger: 云函数不存在/)
    expect(missing.out).toContain('✓ org')
    expect(missing.out).toContain('subscribe message skipped')

    const slow = await verify(ENV, ['--skip-push'], { FAKE_HEALTH: 'timeout:dashboard' })
    expect(slow.code).toBe(1)
    expect(slow.out).toMatch(/✗ dashboard: 云函数超时/)

    const old = await verify(ENV, ['--openid', OPENID], { FAKE_HEALTH: 'old:org', FAKE_PUSH: 'old' })
    expect(old.code).toBe(1)
    expect(old.out).toMatch(/✗ org: 云上的代码比仓库旧/)
    expect(old.out).toContain('云上的 reminders 比仓库旧')
  })
})
