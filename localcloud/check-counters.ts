import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { checkCounters, rollUp } from './counter-check'
import { LocalDatabase } from './db'
import { ROOT } from './index'

const HELP = `npm run check:counters: 从原始记录重新统计，核对本地数据库中的计数与看板汇总

  --db FILE      SQLite 数据库文件（默认 .localcloud/data.sqlite）
  --no-rollup    不先运行看板汇总，直接核对已存的看板数据（可能因汇总之后的新记录而不一致）

全部一致时退出码为 0；有不一致时列出前 20 处并以 1 退出。`

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log(HELP)
    return 0
  }
  const file = arg('--db') ?? join(ROOT, '.localcloud', 'data.sqlite')
  if (!existsSync(file)) {
    console.error(`没有找到数据库：${file}（先运行 npm start）`)
    return 2
  }
  const db = new LocalDatabase({ file })
  try {
    if (!process.argv.includes('--no-rollup')) await rollUp(db)
    const started = Date.now()
    const { mismatches, checked } = checkCounters(db)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(
      `核对 ${checked.checkins} 条打卡、${checked.counters} 个计数、${checked.dashboards} 份看板数据、${checked.supervision} 个支部督导状态（${seconds} 秒）`,
    )
    if (mismatches.length === 0) {
      console.log('全部一致')
      return 0
    }
    console.error(`发现 ${mismatches.length} 处不一致：`)
    for (const m of mismatches.slice(0, 20)) {
      console.error(
        `  ${m.collection}/${m._id}\n    已存：${JSON.stringify(m.stored)}\n    重算：${JSON.stringify(m.recounted)}`,
      )
    }
    return 1
  } finally {
    db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(2)
  },
)
