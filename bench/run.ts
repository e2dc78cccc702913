import { benchStart, benchWeappSize } from './build.bench'
import { benchCheckin } from './checkin.bench'
import { benchCloud } from './cloud.bench'
import { benchCommunity } from './community.bench'
import { benchDashboard } from './dashboard.bench'
import { benchLedger } from './ledger.bench'
import { benchLifecycle } from './lifecycle.bench'
import { benchMerge } from './merge.bench'
import { benchProjectQuery } from './query.bench'
import { benchReminders } from './reminders.bench'
import { benchReference } from './reference.bench'
import { benchSearch } from './search.bench'
import { benchSupervision } from './supervision.bench'
import { benchSweeps } from './sweeps.bench'
import { writeReport } from './report'
import type { Figure } from './report'

/** `npm run bench`: every figure the issues ask for, printed and written to bench-results/report.json. */
async function main() {
  const only = process.argv[2]
  const suites: [string, () => Promise<Figure[]> | Figure[]][] = [
    // First, and in every run: the raw SQLite floor each rate and latency is printed beside.
    ['reference', benchReference],
    ['cloud', benchCloud],
    ['query', benchProjectQuery],
    ['lifecycle', benchLifecycle],
    ['community', benchCommunity],
    ['checkin', benchCheckin],
    ['reminders', benchReminders],
    ['ledger', benchLedger],
    ['dashboard', benchDashboard],
    ['search', benchSearch],
    ['supervision', benchSupervision],
    ['merge', benchMerge],
    ['sweeps', benchSweeps],
    ['weapp', benchWeappSize],
    ['start', benchStart],
  ]
  const figures: Figure[] = []
  for (const [name, run] of suites) {
    if (only && only !== name && name !== 'reference') continue
    console.log(`[bench] ${name}`)
    figures.push(...(await run()))
  }
  writeReport(figures)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
