import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { measurePackages } from '../deploy/package-sizes'
import { atMost, info } from './report'
import type { Figure } from './report'

const ROOT = join(__dirname, '..')

/** Each weapp package against its budget (main ≤ 1 MB, each subpackage ≤ 2 MB, all ≤ 8 MB). */
export function benchWeappSize(): Figure[] {
  if (!existsSync(join(ROOT, 'dist', 'app.json'))) {
    console.log('[bench] building weapp…')
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    )
    if (r.status !== 0) throw new Error('weapp build failed')
  }
  const sizes = measurePackages(join(ROOT, 'dist'))
  return [
    ...sizes.packages.map((p) =>
      atMost(
        `weapp ${p.name === 'main' ? 'main package' : `subpackage ${p.name}`}`,
        p.bytes / 1024,
        'KiB',
        p.budget / 1024,
      ),
    ),
    atMost('weapp all packages', sizes.total / 1024, 'KiB', sizes.totalBudget / 1024),
  ]
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

async function timeStart(forceH5: boolean): Promise<number> {
  if (forceH5) rmSync(join(ROOT, 'dist-h5'), { recursive: true, force: true })
  const dir = mkdtempSync(join(tmpdir(), 'dj-start-'))
  const port = await freePort()
  const t0 = performance.now()
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts/start.mjs'), '--port', String(port), '--db', join(dir, 'd.sqlite'), '--no-timers'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  )
  try {
    for (;;) {
      if (performance.now() - t0 > 240_000) throw new Error('npm start did not serve within 240 s')
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`)
      const ok = await fetch(`http://127.0.0.1:${port}/dev/sign-in`)
        .then((r) => r.status === 200)
        .catch(() => false)
      if (ok) return (performance.now() - t0) / 1000
      await new Promise((r) => setTimeout(r, 200))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `npm start` until the page is served: from a checkout with no H5 build yet, and again with one. */
export async function benchStart(): Promise<Figure[]> {
  console.log('[bench] timing npm start (fresh H5 build)…')
  const cold = await timeStart(true)
  console.log('[bench] timing npm start (H5 already built)…')
  const warm = await timeStart(false)
  return [
    atMost('npm start → page served (builds H5)', cold, 's', 60),
    info('npm start → page served (H5 built)', warm, 's'),
  ]
}
