import {
  DRAW_ALGORITHM,
  below,
  canonicalCandidates,
  drawSample,
  isDrawSeed,
  sfc32,
  verifyDraw,
} from '../spot-check-draw'

const SEED = '0123456789abcdef0123456789abcdef'
const IDS = Array.from({ length: 30 }, (_, i) => `prj-${String(i + 1).padStart(3, '0')}`)

/** A seed made from a counter, for runs over many seeds. */
const seedOf = (k: number) => `${k.toString(16).padStart(8, '0')}9e3779b97f4a7c15d1b54a32`

/** The published sfc32 (bryc's PractRNG notes), written separately so a slip in ours shows as a mismatch. */
function referenceSfc32(a: number, b: number, c: number, d: number) {
  return () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
}

describe('sfc32', () => {
  it('is the published generator, seeded with the four words of the hex seed, after 15 discarded outputs', () => {
    const ref = referenceSfc32(0x01234567, 0x89abcdef, 0x01234567, 0x89abcdef)
    for (let i = 0; i < 15; i++) ref()
    const ours = sfc32(SEED)
    for (let i = 0; i < 100; i++) expect(ours()).toBe(ref())
  })

  it('refuses seeds that are not 32 lowercase hex digits', () => {
    for (const bad of ['', 'abc', SEED.toUpperCase(), `${SEED}0`, 'g'.repeat(32)]) {
      expect(isDrawSeed(bad)).toBe(false)
      expect(() => sfc32(bad)).toThrow()
    }
    expect(isDrawSeed(SEED)).toBe(true)
  })
})

describe('below', () => {
  it('stays in range and rejects the outputs that would bias the result', () => {
    const outputs = [2 ** 32 - 1, 2 ** 32 - 2, 7]
    const next = () => outputs.shift() as number
    // 2^32 mod 3 = 1, so 2^32 - 1 is rejected; 2^32 - 2 is kept: (2^32 - 2) mod 3 = 2.
    expect(below(next, 3)).toBe(2)
    expect(below(() => 5, 1)).toBe(0)
    expect(() => below(() => 0, 0)).toThrow()
  })

  it('is close to uniform', () => {
    const next = sfc32(SEED)
    const counts = [0, 0, 0, 0, 0, 0, 0]
    for (let i = 0; i < 70_000; i++) counts[below(next, 7)] += 1
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500)
  })
})

describe('drawSample', () => {
  it('gives the recorded answer for a known seed (a change here breaks every recorded draw)', () => {
    expect(DRAW_ALGORITHM).toBe('sfc32-fisher-yates-v1')
    expect(drawSample(SEED, IDS, 5)).toEqual(['prj-016', 'prj-020', 'prj-024', 'prj-022', 'prj-015'])
    expect(drawSample('f'.repeat(32), IDS, 5)).toEqual([
      'prj-007',
      'prj-029',
      'prj-019',
      'prj-027',
      'prj-026',
    ])
  })

  it('draws the same projects from the same seed and candidates, every time', () => {
    const first = drawSample(SEED, IDS, 8)
    for (let i = 0; i < 5; i++) expect(drawSample(SEED, [...IDS], 8)).toEqual(first)
    expect(new Set(first).size).toBe(8)
    for (const id of first) expect(IDS).toContain(id)
  })

  it('draws differently from different seeds (almost surely)', () => {
    const picks = new Set(Array.from({ length: 50 }, (_, k) => drawSample(seedOf(k + 1), IDS, 5).join()))
    // 30·29·28·27·26 ≈ 17 million ordered picks: 50 seeds colliding at all would be a broken generator.
    expect(picks.size).toBe(50)
    expect(drawSample(seedOf(1), IDS, 5)).not.toEqual(drawSample(seedOf(2), IDS, 5))
  })

  it('gives every candidate the same chance', () => {
    const hits = new Map(IDS.map((id) => [id, 0]))
    const runs = 6000
    for (let k = 0; k < runs; k++) {
      for (const id of drawSample(seedOf(Math.imul(k, 2654435761) >>> 0), IDS, 3))
        hits.set(id, (hits.get(id) ?? 0) + 1)
    }
    const expected = (runs * 3) / IDS.length
    for (const n of hits.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2)
  })

  it('picks every candidate when asked for more than there are, and none from none', () => {
    expect(drawSample(SEED, IDS.slice(0, 3), 10).sort()).toEqual(IDS.slice(0, 3))
    expect(drawSample(SEED, [], 3)).toEqual([])
    expect(drawSample(SEED, IDS, 0)).toEqual([])
  })

  it('only draws from a canonical list (unique, sorted)', () => {
    expect(() => drawSample(SEED, [...IDS].reverse(), 3)).toThrow()
    expect(() => drawSample(SEED, [IDS[0], IDS[0]], 1)).toThrow()
    expect(canonicalCandidates(['b', 'a', 'b', 'A'])).toEqual(['A', 'a', 'b'])
  })
})

describe('verifyDraw', () => {
  const record = { algorithm: DRAW_ALGORITHM, seed: SEED, candidates: IDS, size: 5 }
  const picked = drawSample(SEED, IDS, 5)

  it('confirms a pick drawn from the record', () => {
    expect(verifyDraw({ ...record, picked })).toEqual({ matches: true, redrawn: picked })
  })

  it('catches a pick that was changed, reordered, or drawn with another seed or list', () => {
    expect(verifyDraw({ ...record, picked: [...picked.slice(0, 4), 'prj-999'] }).matches).toBe(false)
    expect(verifyDraw({ ...record, picked: [...picked].reverse() }).matches).toBe(false)
    expect(verifyDraw({ ...record, seed: seedOf(9), picked }).matches).toBe(false)
    expect(verifyDraw({ ...record, candidates: IDS.slice(1), picked }).matches).toBe(false)
    expect(verifyDraw({ ...record, candidates: [...IDS].reverse(), picked }).matches).toBe(false)
    expect(verifyDraw({ ...record, algorithm: 'other', picked }).matches).toBe(false)
  })
})
