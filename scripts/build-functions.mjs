// Bundles each cloudfunctions/<name>/index.ts into build/cloudfunctions/<name>/ (index.js + package.json +
// config.json): the folder WeChat DevTools and the tcb CLI deploy. wx-server-sdk stays external, pinned.
import { build } from 'esbuild'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const srcRoot = join(root, 'cloudfunctions')
export const outRoot = join(root, 'build', 'cloudfunctions')

/** Function folders: every cloudfunctions/<name>/ with an index.ts, except shared code (_shared). */
export function functionNames() {
  return readdirSync(srcRoot, { withFileTypes: true })
    .filter(
      (d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(srcRoot, d.name, 'index.ts')),
    )
    .map((d) => d.name)
    .sort()
}

export async function buildFunctions({ quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const sdkVersion = pkg.dependencies['wx-server-sdk']
  const names = functionNames()
  const started = Date.now()
  for (const [i, name] of names.entries()) {
    const out = join(outRoot, name)
    rmSync(out, { recursive: true, force: true })
    mkdirSync(out, { recursive: true })
    await build({
      entryPoints: [join(srcRoot, name, 'index.ts')],
      outfile: join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      tsconfig: join(root, 'tsconfig.json'),
      legalComments: 'none',
      // Whitespace and syntax only: identifiers stay readable in production stack traces.
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'error',
    })
    writeFileSync(
      join(out, 'package.json'),
      JSON.stringify(
        {
          name,
          version: pkg.version,
          private: true,
          main: 'index.js',
          dependencies: { 'wx-server-sdk': sdkVersion },
        },
        null,
        2,
      ) + '\n',
    )
    const config = join(srcRoot, name, 'config.json')
    if (existsSync(config)) copyFileSync(config, join(out, 'config.json'))
    else
      writeFileSync(
        join(out, 'config.json'),
        JSON.stringify({ permissions: { openapi: [] } }, null, 2) + '\n',
      )
    if (!quiet) console.log(`[functions] ${i + 1}/${names.length} ${name}`)
  }
  // localcloud's cloud profile runs each function in a worker thread of its own: the worker's own code.
  await build({
    entryPoints: [join(root, 'localcloud', 'worker', 'function-worker.ts')],
    outfile: join(root, 'build', 'localcloud', 'function-worker.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['wx-server-sdk', 'better-sqlite3'],
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  })
  if (!quiet)
    console.log(`[functions] built ${names.length} in ${Date.now() - started} ms → build/cloudfunctions/`)
  return names
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildFunctions().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
