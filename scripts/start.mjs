// `npm start`: build the cloud functions and (when sources changed) the H5 app, then run localcloud.
// Extra flags go to localcloud: npm start -- --reset | --empty | --port 9000 | --host 0.0.0.0
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunctions } from './build-functions.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)))
  return newest
}

function h5IsStale() {
  const built = join(root, 'dist-h5', 'index.html')
  if (!existsSync(built)) return true
  const inputs = ['src', 'config', 'types', 'domain', 'babel.config.js', 'package.json', 'tsconfig.json']
  return Math.max(...inputs.map((p) => newestMtime(join(root, p)))) > statSync(built).mtimeMs
}

console.log('[start] 1/3 构建云函数…')
await buildFunctions()

if (h5IsStale()) {
  console.log('[start] 2/3 构建 H5 页面（首次约 1 分钟）…')
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  if (r.status !== 0) {
    console.error('[start] H5 构建失败，见上方输出')
    process.exit(r.status ?? 1)
  }
} else {
  console.log('[start] 2/3 H5 页面已是最新，跳过构建')
}

console.log(`[start] 3/3 启动 localcloud（已用 ${elapsed()}）…`)
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'localcloud', 'main.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
