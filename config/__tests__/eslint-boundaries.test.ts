import { execFileSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

/** Each planted file: where it would stand, and what it imports. Nothing is written; ESLint reads them as text. */
const planted: Record<string, [file: string, code: string]> = {
  crossFeature: [
    'src/features/groups/planted.ts',
    "import { fetchMembers } from '@/features/org/api/fetch-members'",
  ],
  crossFeatureRelative: [
    'src/features/groups/hooks/planted.ts',
    "import { fetchMembers } from '../../org/api/fetch-members'",
  ],
  throughIndex: [
    'src/features/groups/components/planted.ts',
    "import { currentPerson } from '@/features/org'\nimport { useGroupFeed } from '../hooks/use-group-feed'",
  ],
  domainToSrc: ['domain/planted.ts', "import { callCloud } from '../src/services/call-cloud'"],
  typesToDomain: ['types/planted.ts', "import { chinaDay } from '@domain/checkins'"],
  srcToFunctions: ['src/pages/planted.ts', "import { now } from '../../cloudfunctions/_shared/clock'"],
  srcToLocalcloud: ['src/pages/planted.ts', "import { now } from '../../localcloud/testing'"],
  functionsToSrc: ['cloudfunctions/planted.ts', "import { now } from '@/services/call-cloud'"],
}

/** The project's own ESLint (its flat config is ESM, so it runs in a child node), once for all planted files. */
function lintPlanted(): Record<string, string[]> {
  const script = `
    const { ESLint } = require('eslint')
    const cases = JSON.parse(process.argv[1])
    ;(async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} })
      const out = {}
      for (const [name, [file, code]] of Object.entries(cases)) {
        const [result] = await eslint.lintText(code + '\\n', { filePath: file })
        out[name] = result.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message)
      }
      process.stdout.write(JSON.stringify(out))
    })()`
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(planted)], {
    cwd: root,
    encoding: 'utf8',
  })
  return JSON.parse(out) as Record<string, string[]>
}

describe('the lint config keeps the layers', () => {
  let found: Record<string, string[]>
  beforeAll(() => {
    found = lintPlanted()
  })

  it('fails on a feature reaching into another feature, by alias or by relative path', () => {
    expect(found.crossFeature).toEqual([expect.stringContaining('feature groups reaches into feature org')])
    expect(found.crossFeatureRelative).toHaveLength(1)
  })

  it("lets a feature use another feature's index.ts, and its own files", () => {
    expect(found.throughIndex).toEqual([])
  })

  it('fails on domain importing the app, and on types importing domain', () => {
    expect(found.domainToSrc).toEqual([expect.stringContaining('domain/ imports only types/')])
    expect(found.typesToDomain).toHaveLength(1)
  })

  it('fails on the app importing a function or localcloud, and on a function importing the app', () => {
    expect(found.srcToFunctions).toHaveLength(1)
    expect(found.srcToLocalcloud).toHaveLength(1)
    expect(found.functionsToSrc).toHaveLength(1)
  })
})
