// The CloudBase CLI as `npm run deploy` and `npm run verify:live` run it: which `tcb`, with what environment, and
// its output read as text (it exits 0 even when a deploy failed, so only its words count).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CLI_VERSION = '2.12.10'
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** KEY=value lines (optionally `export`, quoted, with # comments); existing environment variables win. */
export function loadDotenv(file) {
  if (!existsSync(file)) return false
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trimStart().startsWith('#')) continue
    let value = m[2]
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1)
    else value = value.replace(/\s+#.*$/, '')
    if (process.env[m[1]] === undefined) process.env[m[1]] = value
  }
  return true
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command)
  }
  return null
}

/** How to run the CloudBase CLI: [command, leading args]. */
export function resolveCli() {
  if (process.env.TCB_CLI) return [process.env.TCB_CLI, []]
  const tcb = onPath('tcb')
  if (tcb) return [tcb, []]
  return ['npx', ['--yes', '-p', `@cloudbase/cli@${CLI_VERSION}`, 'tcb']]
}

// eslint-disable-next-line no-control-regex
export const stripAnsi = (text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '\n')

/** The CLI's environment: its messages in Chinese, which the scripts read; no colours or spinners. */
export const cliEnv = (envId) => ({
  ...process.env,
  CLOUD_ENV: envId,
  TCB_LANG: 'zh',
  LANG: 'zh_CN.UTF-8',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CI: '1',
})

/** Runs the CLI, collecting stdout and stderr together; secrets are redacted from what it returns. */
export function runCli(cli, cliArgs, env, redact) {
  return new Promise((resolve) => {
    const [command, lead] = cli
    const child = spawn(command, [...lead, ...cliArgs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (chunk) => {
      output += chunk.toString()
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    // A CLI waiting for an answer nobody can give would hang the run: 10 minutes a call at most.
    const timer = setTimeout(() => child.kill('SIGTERM'), 10 * 60 * 1000)
    child.on('error', (err) => {
      clearTimeout(timer)
      resolve({ code: 127, output: redact(`${output}\n${err.message}`) })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, output: redact(output) })
    })
  })
}
