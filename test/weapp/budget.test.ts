/** Package budgets of the built mini-program (dist/): main ≤ 1 MB, each subpackage ≤ 2 MB, all ≤ 8 MB. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BUDGETS, describeSizes, measurePackages, overBudget } from '../../deploy/package-sizes'

const dist = path.resolve(__dirname, '..', '..', 'dist')

describe('weapp package budgets', () => {
  it('counts each file in the package whose root holds it, and fails a package over its budget', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-dist-'))
    try {
      fs.writeFileSync(
        path.join(dir, 'app.json'),
        JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/big', pages: [] }] }),
      )
      fs.mkdirSync(path.join(dir, 'packages', 'big'), { recursive: true })
      fs.mkdirSync(path.join(dir, 'packages', 'bigger'), { recursive: true })
      fs.writeFileSync(path.join(dir, 'packages', 'big', 'a.js'), Buffer.alloc(BUDGETS.subpackage + 1))
      // Not under the root "packages/big": a prefix is not a folder.
      fs.writeFileSync(path.join(dir, 'packages', 'bigger', 'b.js'), Buffer.alloc(1000))
      fs.writeFileSync(path.join(dir, 'app.js.map'), Buffer.alloc(BUDGETS.main * 2))
      const sizes = measurePackages(dir)
      const big = sizes.packages.find((p) => p.name === 'packages/big')
      const main = sizes.packages.find((p) => p.name === 'main')
      expect(big?.bytes).toBe(BUDGETS.subpackage + 1)
      expect(main?.bytes).toBe(1000 + fs.statSync(path.join(dir, 'app.json')).size)
      expect(overBudget(sizes)).toEqual([expect.stringMatching(/^packages\/big /)])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps the built main package, every subpackage and the total within budget', () => {
    if (!fs.existsSync(path.join(dist, 'app.json')))
      throw new Error('No weapp build: run `npm run build:weapp`.')
    const sizes = measurePackages(dist)
    console.log(`weapp packages: ${describeSizes(sizes)}`)
    const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
      subPackages: { root: string }[]
    }
    expect(sizes.packages.map((p) => p.name).sort()).toEqual(
      ['main', ...app.subPackages.map((p) => p.root)].sort(),
    )
    expect(overBudget(sizes)).toEqual([])
  })
})
