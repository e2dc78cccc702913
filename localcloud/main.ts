import { startLocalcloud } from './index'
import type { LocalcloudOptions } from './index'

const HELP = `localcloud: 在本机运行党建项目通的云函数、数据库和 H5 页面

  --port N     端口（默认 8787，或环境变量 PORT）
  --host H     监听地址（默认 127.0.0.1，仅本机可访问）
  --db FILE    SQLite 数据库文件（默认 .localcloud/data.sqlite）
  --reset      清空数据库后重新载入演示数据
  --empty      清空数据库，不载入演示数据
  --no-timers  不运行定时触发器
  --rate-limit N/S  每个身份的请求上限：突发 N 个，每秒补充 S 个（默认 200/50；off 为不限）
  --cloud      云端一致模式：像微信云开发一样严格（每次数据库请求 8±4 ms、冷启动 400 ms、乐观事务会冲突、
               超时即停、openapi 需在 config.json 声明权限、文件只能通过会过期的临时链接读取）；
               也可用 LOCALCLOUD_PROFILE=cloud，单项用 LOCALCLOUD_LATENCY_MS 等（见 localcloud/profile.ts）`

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const flag = (name: string) => process.argv.includes(name)

function rateLimit(): LocalcloudOptions['rateLimit'] {
  const given = arg('--rate-limit')
  if (given === undefined) return undefined
  if (given === 'off') return false
  const m = /^(\d+)\/(\d+)$/.exec(given)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new Error(`--rate-limit 应为 N/S（如 200/50）或 off：${given}`)
  return { capacity: Number(m[1]), refillPerSecond: Number(m[2]) }
}

async function main() {
  if (flag('--help')) return console.log(HELP)
  const port = Number(arg('--port') ?? process.env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`端口无效：${arg('--port') ?? process.env.PORT}`)
  const host = arg('--host') ?? process.env.HOST ?? '127.0.0.1'
  const empty = flag('--empty')
  const lc = await startLocalcloud({
    port,
    host,
    dbFile: arg('--db'),
    reset: empty || flag('--reset'),
    seed: !empty,
    timers: !flag('--no-timers'),
    rateLimit: rateLimit(),
    profile: flag('--cloud') ? 'cloud' : undefined,
    log: (line) => console.log(`[localcloud] ${line}`),
  })
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1'
  console.log(
    loopback
      ? `[localcloud] 只监听本机地址 ${host}（其他设备无法访问；需要时用 --host 指定）`
      : `[localcloud] 注意：正在监听 ${host}，同一网络中的其他设备可以访问，且开发登录没有密码`,
  )
  console.log(`\n  党建项目通已启动：${lc.url}\n`)
  const stop = () => {
    console.log('[localcloud] 正在停止…')
    void lc.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`[localcloud] 启动失败：${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
