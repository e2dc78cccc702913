import { startLocalcloud } from '../index'

/**
 * localcloud as its own process for crash-safety.test.ts (run with `node --import tsx`): the real bundles on
 * the given SQLite file, no timers, a random port printed as `READY <url>`. The test kills it with SIGKILL.
 */
async function main() {
  const [dbFile, storageDir, h5Dir] = process.argv.slice(2)
  const lc = await startLocalcloud({ port: 0, dbFile, storageDir, h5Dir, seed: false, timers: false })
  process.stdout.write(`READY ${lc.url}\n`)
  process.on('SIGTERM', () => void lc.close().then(() => process.exit(0)))
}

main().catch((err: unknown) => {
  process.stderr.write(
    `crash-child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  )
  process.exit(1)
})
