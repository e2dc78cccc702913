import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')
const functionDirs = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter(
    (d) =>
      d.isDirectory() &&
      !d.name.startsWith('_') &&
      existsSync(join(root, 'cloudfunctions', d.name, 'index.ts')),
  )
  .map((d) => d.name)
  .sort()

describe('deployable functions', () => {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
    functionRoot: string
    functions: { name: string; timeout: number }[]
  }

  it('cloudbaserc.json describes exactly the function folders', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionDirs)
    expect(rc.functionRoot).toBe('./build/cloudfunctions')
  })

  it.each(functionDirs)(
    '%s builds to index.js + package.json (wx-server-sdk pinned) + config.json',
    (name) => {
      const out = join(root, 'build', 'cloudfunctions', name)
      const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>
      }
      expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' })
      const bundle = readFileSync(join(out, 'index.js'), 'utf8')
      expect(bundle).toContain('require("wx-server-sdk")')
      expect(existsSync(join(out, 'config.json'))).toBe(true)
      // A TypeScript entry beside the deployed index.js breaks deployment.
      expect(existsSync(join(out, 'index.ts'))).toBe(false)
    },
  )

  it('the WeChat project points DevTools at the built functions', () => {
    const project = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as {
      miniprogramRoot: string
      cloudfunctionRoot: string
    }
    expect(project.miniprogramRoot).toBe('dist/')
    expect(project.cloudfunctionRoot).toBe('build/cloudfunctions/')
  })
})
