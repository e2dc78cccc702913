// `npm run test:e2e`: make sure the function bundles and the H5 build exist, then run the browser journeys.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunctions } from './build-functions.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1

await buildFunctions()
if (!existsSync(join(root, 'dist-h5', 'index.html'))) {
  console.log('[e2e] 构建 H5 页面…')
  if (run([join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5']) !== 0)
    process.exit(1)
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(`[e2e] 没有找到 Chromium（${chromium}）：请运行 apt-get install -y chromium`)
  process.exit(1)
}
process.exit(
  run([join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'e2e', '--runInBand']),
)
