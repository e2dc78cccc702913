import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SRC = join(__dirname, '..', '..')

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : cssFiles(path)
    return name.endsWith('.css') ? [path] : []
  })
}

/** The classes app.css lets long words wrap in (the selector list of the rule with `overflow-wrap: anywhere`). */
function wrapping(): Set<string> {
  const app = readFileSync(join(SRC, 'app.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  const rule = /([^{}]+)\{[^}]*overflow-wrap:\s*anywhere[^}]*\}/.exec(app)
  if (!rule) return new Set()
  return new Set(rule[1].split(',').map((s) => s.trim()))
}

/** A card's root class: the first rule of a component stylesheet named after a card (or a notice, or a header). */
function cardRoots(): string[] {
  return cssFiles(SRC)
    .filter((f) => /(^|[-/])(card|notice|header)\.css$/.test(f) || f.endsWith('showcase.css'))
    .flatMap((f) => {
      const roots = [...readFileSync(f, 'utf8').matchAll(/^(\.[a-z][a-z-]*) \{/gm)].map((m) => m[1])
      return roots.filter(
        (r) => !r.includes('__') && !r.includes('--') && /card|notice|header|borrowed/.test(r),
      )
    })
}

describe('long Latin text in a card', () => {
  it('wraps inside every card that shows user text (long words, numbers, links)', () => {
    const roots = cardRoots()
    expect(roots).toEqual(expect.arrayContaining(['.card', '.list-card', '.notice']))
    const wraps = wrapping()
    expect(roots.filter((r) => !wraps.has(r))).toEqual([])
  })
})
