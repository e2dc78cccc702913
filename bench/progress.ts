import { performance } from 'node:perf_hooks'

const WIDTH = 24

/**
 * A data generator's progress bar: redrawn in place on a terminal, one line per tenth otherwise (CI logs),
 * so a seeding step of a minute never looks hung.
 */
export function progressBar(label: string, total: number): { tick: (done: number) => void; end: () => void } {
  const started = performance.now()
  const tty = Boolean(process.stdout.isTTY)
  let shownTenth = -1
  const line = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1
    const full = Math.round(share * WIDTH)
    const secs = ((performance.now() - started) / 1000).toFixed(1)
    return (
      `[bench]   ${label} ▕${'█'.repeat(full)}${'░'.repeat(WIDTH - full)}▏ ` +
      `${String(Math.floor(share * 100)).padStart(3)}% ${done.toLocaleString()}/${total.toLocaleString()} ${secs} s`
    )
  }
  return {
    tick(done) {
      if (tty) {
        process.stdout.write(`\r${line(done)}`)
        return
      }
      const tenth = Math.floor((Math.min(done, total) / Math.max(total, 1)) * 10)
      if (tenth > shownTenth && tenth < 10) {
        shownTenth = tenth
        console.log(line(done))
      }
    },
    end() {
      if (tty) process.stdout.write(`\r${line(total)}\n`)
      else console.log(line(total))
    },
  }
}
