/**
 * `npm run deploy` up to the CloudBase CLI and API, which this machine cannot reach: a fake `tcb` on PATH and a
 * fake Tencent Cloud API (which checks every request's TC3 signature) stand in for them.
 */
import { spawn } from 'node:child_process'
import { createHash, createHmac } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

const root = join(__dirname, '..', '..')
const database = JSON.parse(readFileSync(join(root, 'deploy', 'database.json'), 'utf8')) as {
  rule: object
  collections: Record<string, string[][]>
}
const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
  functions: { name: string }[]
}
const functionNames = rc.functions.map((f) => f.name)

const SECRET_ID = 'AKIDfakeTestId000000000000000000000'
const SECRET_KEY = 'fakeTestSecretKey111111111111111'

// ---- the fake Tencent Cloud API -------------------------------------------------------------------------------

interface ApiCall {
  action: string
  params: Record<string, unknown>
}

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest()
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Recomputes a request's TC3-HMAC-SHA256 signature as Tencent Cloud does; throws when it does not match. */
function verifySignature(headers: Record<string, string | string[] | undefined>, body: string): void {
  const auth = String(headers.authorization)
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(
      auth,
    )
  if (!m) throw new Error(`bad authorization header: ${auth}`)
  const [, id, date, signature] = m
  if (id !== SECRET_ID) throw new Error('wrong SecretId')
  const timestamp = String(headers['x-tc-timestamp'])
  if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date)
    throw new Error('date ≠ timestamp')
  const canonical = `POST\n/\n\ncontent-type:${String(headers['content-type'])}\nhost:${String(headers.host)}\n\ncontent-type;host\n${sha256(body)}`
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/tcb/tc3_request\n${sha256(canonical)}`
  const key = hmac(hmac(hmac(`TC3${SECRET_KEY}`, date), 'tcb'), 'tc3_request')
  if (createHmac('sha256', key).update(toSign).digest('hex') !== signature)
    throw new Error('signature mismatch')
  if (headers['x-tc-version'] !== '2018-06-08') throw new Error('wrong version')
}

interface FakeCloud {
  tables: Map<
    string,
    { indexes: { Name: string; Keys: { Name: string; Direction: string }[] }[]; rule: string | null }
  >
  calls: ApiCall[]
  /** Answer this action with this error code. */
  refuse: Record<string, string>
  storage: { rule: string | null; acl: string; sticks: boolean }
}

function startApi(cloud: FakeCloud): Promise<Server> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const answer = (response: object) => {
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ Response: { RequestId: 'req-1', ...response } }))
      }
      try {
        verifySignature(req.headers, body)
      } catch (err) {
        return answer({ Error: { Code: 'AuthFailure.SignatureFailure', Message: (err as Error).message } })
      }
      const action = String(req.headers['x-tc-action'])
      const params = JSON.parse(body) as Record<string, unknown>
      cloud.calls.push({ action, params })
      if (cloud.refuse[action])
        return answer({ Error: { Code: cloud.refuse[action], Message: 'refused by the fake' } })
      const name = String(params.TableName ?? params.CollectionName ?? '')
      const table = cloud.tables.get(name)
      switch (action) {
        case 'DescribeTables':
          return answer({
            Tables: [...cloud.tables.keys()].map((TableName) => ({ TableName })),
            Pager: { Offset: 0, Limit: 100, Total: cloud.tables.size },
          })
        case 'CreateTable':
          cloud.tables.set(name, {
            indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }],
            rule: (params.PermissionInfo as { Rule: string }).Rule,
          })
          return answer({})
        case 'DescribeTable':
          if (!table) return answer({ Error: { Code: 'ResourceNotFound', Message: name } })
          return answer({ Indexes: table.indexes })
        case 'UpdateTable':
          for (const i of params.CreateIndexes as { IndexName: string; MgoKeySchema: { MgoIndexKeys: [] } }[])
            table?.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys })
          return answer({})
        case 'ModifySafeRule':
          if (table) table.rule = String(params.Rule)
          return answer({})
        case 'DescribeSafeRule':
          return answer({ AclTag: 'CUSTOM', Rule: table?.rule ?? null })
        case 'DescribeEnvs':
          return answer({
            EnvList: [{ EnvId: params.EnvId, Storages: [{ Bucket: `${String(params.EnvId)}-1250000000` }] }],
          })
        case 'ModifyStorageSafeRule':
          if (params.Bucket !== `${String(params.EnvId)}-1250000000`)
            return answer({ Error: { Code: 'ResourceNotFound', Message: 'bucket' } })
          if (cloud.storage.sticks)
            cloud.storage = { ...cloud.storage, rule: String(params.Rule), acl: 'CUSTOM' }
          return answer({})
        case 'DescribeStorageSafeRule':
          return answer({ AclTag: cloud.storage.acl, Rule: cloud.storage.rule })
        default:
          return answer({ Error: { Code: 'InvalidAction', Message: action } })
      }
    })
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

// ---- the fake CLI ----------------------------------------------------------------------------------------------

const FAKE_TCB = `#!/usr/bin/env node
const fs = require('fs')
const args = process.argv.slice(2)
fs.appendFileSync(process.env.FAKE_TCB_LOG, JSON.stringify({ args, cwd: process.cwd(),
  secretId: process.env.TENCENTCLOUD_SECRETID || null, lang: process.env.TCB_LANG }) + '\\n')
const name = args[2]
const mode = process.env.FAKE_TCB_MODE || 'ok'
if (args[1] === 'invoke') {
  const params = JSON.parse(args[args.indexOf('--params') + 1])
  console.log('✔ [org] 调用成功\\n')
  console.log(mode === 'bound'
    ? '返回结果：{"ok":false,"code":"CONFLICT","message":"已有绑定微信的党委成员"}'
    : '返回结果：{"ok":true,"data":{"code":"ABCD-EF23","expiresAt":"2025-03-08T00:00:00.000Z","person":{"id":"p-1","name":"' + params.payload.name + '"}}}')
  process.exit(0)
}
console.log('\\u001b[32m✔\\u001b[39m 云函数部署中...')
if (mode === 'fail:' + name) console.log('✖ [' + name + '] 部署失败，CreateFunction 接口调用超时')
else if (mode === 'silent') console.log('')
else if (mode === 'update') console.log('✔ [' + name + '] 云函数更新成功！')
else console.log('✔ [' + name + '] 云函数部署成功！')
process.exit(0)
`

// The weapp build: records the env it was given and writes an app.js that calls it (or a stale one).
const FAKE_NPM = `#!/usr/bin/env node
const fs = require('fs')
const path = require('path')
const args = process.argv.slice(2)
fs.appendFileSync(process.env.FAKE_NPM_LOG, JSON.stringify({ args, env: process.env.TARO_APP_CLOUD_ENV || null }) + '\\n')
if (args.includes('build:weapp')) {
  const mode = process.env.FAKE_NPM_MODE || 'ok'
  if (mode === 'fail') process.exit(1)
  fs.mkdirSync(process.env.WEAPP_DIST, { recursive: true })
  const env = mode === 'stale' ? 'dangjian-dev' : process.env.TARO_APP_CLOUD_ENV
  fs.writeFileSync(path.join(process.env.WEAPP_DIST, 'app.js'), 'require("./common");')
  fs.writeFileSync(path.join(process.env.WEAPP_DIST, 'common.js'), 'cloud.init({env:"' + env + '",traceUser:!0})')
}
process.exit(0)
`

interface Run {
  npm: { args: string[]; env: string | null }[]
  code: number
  out: string
  cli: { args: string[]; cwd: string; secretId: string | null; lang: string }[]
}

let work: string
let api: Server
let cloud: FakeCloud
let apiUrl: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dj-deploy-'))
  mkdirSync(join(work, 'bin'))
  writeFileSync(join(work, 'bin', 'tcb'), FAKE_TCB)
  chmodSync(join(work, 'bin', 'tcb'), 0o755)
  writeFileSync(join(work, 'bin', 'npm'), FAKE_NPM)
  chmodSync(join(work, 'bin', 'npm'), 0o755)
  mkdirSync(join(work, 'home'))
  cloud = { tables: new Map(), calls: [], refuse: {}, storage: { rule: null, acl: 'READONLY', sticks: true } }
  api = await startApi(cloud)
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  if (!existsSync(join(root, 'build', 'cloudfunctions', 'org', 'index.js')))
    throw new Error('run the node test project (its global setup builds the functions) first')
})
afterAll(async () => {
  await new Promise((ok) => api.close(ok))
  rmSync(work, { recursive: true, force: true })
})
beforeEach(() => {
  cloud.tables.clear()
  cloud.calls.length = 0
  cloud.refuse = {}
  cloud.storage = { rule: null, acl: 'READONLY', sticks: true }
})

function deploy(dotenv: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const envFile = join(work, `env-${Math.random().toString(36).slice(2)}`)
  const log = join(work, `tcb-${Math.random().toString(36).slice(2)}.log`)
  const npmLog = join(work, `npm-${Math.random().toString(36).slice(2)}.log`)
  const dist = join(work, `dist-${Math.random().toString(36).slice(2)}`)
  writeFileSync(envFile, dotenv)
  const childEnv: Record<string, string> = {
    PATH: `${join(work, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    HOME: join(work, 'home'),
    FAKE_TCB_LOG: log,
    FAKE_NPM_LOG: npmLog,
    WEAPP_DIST: dist,
    TCB_API_ENDPOINT: apiUrl,
    ...env,
  }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts', 'deploy.mjs'),
        '--skip-checks',
        '--dotenv',
        envFile,
        // The repository's template ids are placeholders: only the tests about them run without the flag.
        ...(env.DEPLOY_TEST_STRICT_TEMPLATES ? [] : ['--allow-placeholder-templates']),
        ...extraArgs,
      ],
      {
        cwd: root,
        env: childEnv,
      },
    )
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('close', (code) => {
      const cli = existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Run['cli'][number])
        : []
      const npm = existsSync(npmLog)
        ? readFileSync(npmLog, 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Run['npm'][number])
        : []
      resolve({ code: code ?? -1, out, cli, npm })
    })
  })
}

const KEYS = `TENCENTCLOUD_SECRETID=${SECRET_ID}\nTENCENTCLOUD_SECRETKEY="${SECRET_KEY}"\n`

describe('npm run deploy', () => {
  it('stops before touching anything when the env id and keys are missing, saying so in Chinese and English', async () => {
    const run = await deploy('# nothing here\n')
    expect(run.code).toBe(2)
    expect(run.out).toContain('缺少部署所需的配置，什么都没有改动')
    expect(run.out).toContain('Missing deployment settings; nothing was changed')
    for (const key of ['CLOUD_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'])
      expect(run.out).toContain(key)
    expect(run.cli).toEqual([])
    expect(cloud.calls).toEqual([])
  })

  it('stops when only the keys are missing', async () => {
    const run = await deploy('CLOUD_ENV=prod-7g8h9i\n')
    expect(run.code).toBe(2)
    expect(run.out).toContain('TENCENTCLOUD_SECRETKEY')
    expect(run.out).not.toMatch(/^\s*CLOUD_ENV\s/m)
    expect(run.cli).toEqual([])
    expect(cloud.calls).toEqual([])
  })

  it('creates every declared collection, index and closed rule, then deploys every function with the CLI', async () => {
    cloud.tables.set('people', {
      indexes: [
        { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] },
        { Name: 'openid', Keys: [{ Name: 'openid', Direction: '1' }] },
        { Name: 'legacy', Keys: [{ Name: 'name', Direction: '1' }] },
      ],
      rule: null,
    })
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`)
    expect(run.out).toContain('已部署到 prod-7g8h9i')
    expect(run.code).toBe(0)
    // The CLI does not register permissions.openapi: the deploy names every function whose config.json has some
    // (reminders sends subscribe messages, org and projects make 小程序码) and the step that does.
    expect(run.out).toContain('云调用权限还没有登记')
    const named = /permissions\.openapi \(([^)]*)\)/.exec(run.out)?.[1].split(', ') ?? []
    const withOpenapi = rc.functions
      .map((f) => f.name)
      .filter((name) => {
        const config = JSON.parse(
          readFileSync(join(root, 'cloudfunctions', name, 'config.json'), 'utf8'),
        ) as {
          permissions?: { openapi?: string[] }
        }
        return (config.permissions?.openapi ?? []).length > 0
      })
    expect(withOpenapi).toContain('reminders')
    expect(named.sort()).toEqual(withOpenapi.sort())
    expect(run.out).toContain('npm run verify:live -- --openid')

    const names = Object.keys(database.collections)
    expect([...cloud.tables.keys()].sort()).toEqual(names.sort())
    const created = cloud.calls.filter((c) => c.action === 'CreateTable').map((c) => c.params.TableName)
    expect(created).toHaveLength(names.length - 1)
    expect(created).not.toContain('people')
    for (const [name, indexes] of Object.entries(database.collections)) {
      const table = cloud.tables.get(name)!
      for (const fields of indexes)
        expect(table.indexes.map((i) => i.Keys.map((k) => k.Name).join(','))).toContain(fields.join(','))
      expect(JSON.parse(table.rule ?? 'null')).toEqual({ read: false, write: false })
    }
    // The existing openid index is kept and not created twice; an index not declared is left alone.
    const peopleUpdate = cloud.calls.find(
      (c) => c.action === 'UpdateTable' && c.params.TableName === 'people',
    )!
    const createdOnPeople = (peopleUpdate.params.CreateIndexes as { IndexName: string }[]).map(
      (i) => i.IndexName,
    )
    expect(createdOnPeople).not.toContain('openid')
    expect(cloud.tables.get('people')!.indexes.map((i) => i.Name)).toContain('legacy')
    expect(run.out).toContain('people.legacy')

    expect(run.cli.map((c) => c.args)).toEqual(
      functionNames.map((n) => ['fn', 'deploy', n, '-e', 'prod-7g8h9i', '--force', '--yes']),
    )
    expect(run.cli.every((c) => c.cwd === root && c.secretId === SECRET_ID && c.lang === 'zh')).toBe(true)
    expect(run.out).not.toContain(SECRET_KEY)
  })

  it('stops on placeholder subscribe-message template ids, saying so in Chinese and English', async () => {
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, [], { DEPLOY_TEST_STRICT_TEMPLATES: '1' })
    expect(run.out).toContain('订阅消息模板 ID 仍是占位符')
    expect(run.out).toContain('template ids are still placeholders')
    expect(run.out).toContain('milestone_due: tpl-milestone-deadline')
    expect(run.out).toContain('--allow-placeholder-templates')
    expect(run.code).toBe(2)
    expect(cloud.calls).toEqual([])
    expect(run.cli).toEqual([])
    expect(run.npm).toEqual([])
  })

  it('deploys with placeholder template ids only when told to, still warning', async () => {
    const run = await deploy(
      `CLOUD_ENV=prod-7g8h9i\n${KEYS}`,
      ['--dry-run', '--allow-placeholder-templates'],
      {
        DEPLOY_TEST_STRICT_TEMPLATES: '1',
      },
    )
    expect(run.out).toContain('订阅消息模板 ID 仍是占位符')
    expect(run.code).toBe(0)
    expect(cloud.calls).toEqual([])
  })

  it('fails loudly when the CLI exits 0 but says a function failed', async () => {
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, [], { FAKE_TCB_MODE: 'fail:org' })
    expect(run.code).toBe(1)
    expect(run.out).toContain('✗ org')
    expect(run.out).toContain('1 个云函数部署失败：org')
    expect(run.out).toContain('CreateFunction 接口调用超时')
    expect(run.cli).toHaveLength(functionNames.length)
  })

  it('fails when the CLI exits 0 and says nothing, and accepts an update of an existing function', async () => {
    const silent = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'], {
      FAKE_TCB_MODE: 'silent',
    })
    expect(silent.code).toBe(1)
    expect(silent.out).toContain('did not report success')
    const update = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'], {
      FAKE_TCB_MODE: 'update',
    })
    expect(update.code).toBe(0)
  })

  it('stops before the functions when the API refuses, naming the error', async () => {
    cloud.refuse.CreateTable = 'LimitExceeded.TableLimit'
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`)
    expect(run.code).toBe(1)
    expect(run.out).toContain('LimitExceeded.TableLimit')
    expect(run.cli).toEqual([])
  })

  it('refuses wrong keys: the fake API rejects the signature and nothing is deployed', async () => {
    const run = await deploy(
      `CLOUD_ENV=prod-7g8h9i\nTENCENTCLOUD_SECRETID=${SECRET_ID}\nTENCENTCLOUD_SECRETKEY=wrong-key-123\n`,
    )
    expect(run.code).toBe(1)
    expect(run.out).toContain('AuthFailure.SignatureFailure')
    expect(run.cli).toEqual([])
  })

  it('gives the first committee member of a fresh environment an invite code, and fails when refused', async () => {
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, [
      '--only',
      'org',
      '--bootstrap',
      '赵书记,13700009001',
    ])
    expect(run.code).toBe(0)
    expect(run.out).toContain('首位党委成员「赵书记」的邀请码：ABCD-EF23')
    const invoke = run.cli.find((c) => c.args[1] === 'invoke')!
    expect(invoke.args.slice(0, 3)).toEqual(['fn', 'invoke', 'org'])
    expect(JSON.parse(invoke.args[invoke.args.indexOf('--params') + 1])).toEqual({
      action: 'bootstrapCommittee',
      payload: { name: '赵书记', phone: '13700009001' },
    })
    const refused = await deploy(
      `CLOUD_ENV=prod-7g8h9i\n${KEYS}`,
      ['--only', 'org', '--bootstrap', '赵书记,13700009001'],
      {
        FAKE_TCB_MODE: 'bound',
      },
    )
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('已有绑定微信的党委成员')
  })

  it('deploys functions only with a CLI logged in by `tcb login` and no API keys', async () => {
    const home = join(work, 'logged-in-home')
    mkdirSync(join(home, '.config', '.cloudbase'), { recursive: true })
    writeFileSync(
      join(home, '.config', '.cloudbase', 'auth.json'),
      JSON.stringify({ credential: { refreshToken: 'r' } }),
    )
    const run = await deploy('CLOUD_ENV=prod-7g8h9i\n', ['--functions-only'], { HOME: home })
    expect(run.code).toBe(0)
    expect(cloud.calls).toEqual([])
    expect(run.cli).toHaveLength(functionNames.length)
    const noLogin = await deploy('CLOUD_ENV=prod-7g8h9i\n', ['--functions-only'])
    expect(noLogin.code).toBe(2)
  })

  it('builds the weapp for the environment it deploys to, and checks dist/ calls it', async () => {
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'])
    expect(run.code).toBe(0)
    expect(run.npm).toEqual([{ args: ['run', '--silent', 'build:weapp'], env: 'prod-7g8h9i' }])
    expect(run.out).toContain('dist/ 连接 prod-7g8h9i')
  })

  it('stops before the cloud when the weapp build fails or dist/ calls another environment', async () => {
    const failed = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'], {
      FAKE_NPM_MODE: 'fail',
    })
    expect(failed.code).toBe(1)
    expect(failed.out).toContain('小程序构建失败，没有部署')
    expect(failed.out).toContain('The weapp build failed')
    const stale = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'], {
      FAKE_NPM_MODE: 'stale',
    })
    expect(stale.code).toBe(1)
    expect(stale.out).toContain('不是为环境 prod-7g8h9i 构建的')
    expect(stale.out).toContain('was not built for prod-7g8h9i')
    for (const run of [failed, stale]) {
      expect(run.cli).toEqual([])
      expect(cloud.calls).toEqual([])
    }
  })

  it('takes TARO_APP_CLOUD_ENV as the env id, and refuses one that differs from CLOUD_ENV', async () => {
    const app = await deploy(`TARO_APP_CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'])
    expect(app.code).toBe(0)
    expect(app.cli[0].args).toEqual(['fn', 'deploy', 'org', '-e', 'prod-7g8h9i', '--force', '--yes'])
    const split = await deploy(`CLOUD_ENV=prod-7g8h9i\nTARO_APP_CLOUD_ENV=dev-1a2b3c\n${KEYS}`)
    expect(split.code).toBe(2)
    expect(split.out).toContain('与 CLOUD_ENV 不一致')
    expect(split.out).toContain('differs from CLOUD_ENV')
    expect(split.npm).toEqual([])
    expect(split.cli).toEqual([])
  })

  it('sets the storage rule of deploy/storage.json and reads it back', async () => {
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'])
    expect(run.code).toBe(0)
    const storage = JSON.parse(readFileSync(join(root, 'deploy', 'storage.json'), 'utf8')) as { rule: object }
    expect(JSON.parse(cloud.storage.rule ?? 'null')).toEqual(storage.rule)
    expect(storage.rule).toEqual({
      read: 'resource.openid == auth.openid',
      write: 'resource.openid == auth.openid',
    })
    expect(cloud.calls.map((c) => c.action)).toEqual(
      expect.arrayContaining(['DescribeEnvs', 'ModifyStorageSafeRule', 'DescribeStorageSafeRule']),
    )
    expect(run.out).toContain('云存储安全规则已设为 deploy/storage.json 并已读回核对')
  })

  it('stops before the functions when the storage rule does not read back or is refused', async () => {
    cloud.storage.sticks = false
    const run = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'])
    expect(run.code).toBe(1)
    expect(run.out).toContain('云存储规则配置失败')
    expect(run.out).toContain('storage rule did not stick')
    expect(run.cli).toEqual([])
    cloud.storage.sticks = true
    cloud.refuse.ModifyStorageSafeRule = 'UnauthorizedOperation'
    const refused = await deploy(`CLOUD_ENV=prod-7g8h9i\n${KEYS}`, ['--only', 'org'])
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('UnauthorizedOperation')
    expect(refused.cli).toEqual([])
  })
})
