/**
 * 随机抽查, reproducibly. A draw is a pure function of a recorded seed and a recorded candidate list, so
 * anyone holding both can draw again and get the same projects in the same order:
 *
 * 1. Candidates: the ids of every running project in scope, unique, sorted by UTF-16 code units (canonical).
 * 2. Seed: 32 hex digits (128 bits, made by the server at draw time), read as four big-endian 32-bit words
 *    a, b, c, d that seed the sfc32 generator; its first 15 outputs are thrown away.
 * 3. Pick: a partial Fisher–Yates shuffle of the candidates. For i = 0 … n-1: j = i + below(len − i), swap
 *    positions i and j. `below(k)` takes 32-bit outputs and rejects those ≥ 2^32 − (2^32 mod k), so every
 *    index is exactly equally likely. The first n positions, in order, are the pick.
 *
 * Changing any of this would make every recorded draw fail verification, hence the versioned name.
 */
export const DRAW_ALGORITHM = 'sfc32-fisher-yates-v1'

const SEED = /^[0-9a-f]{32}$/

export const isDrawSeed = (seed: string): boolean => SEED.test(seed)

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The canonical candidate list: each id once, sorted. */
export const canonicalCandidates = (ids: readonly string[]): string[] => [...new Set(ids)].sort(byCodeUnits)

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 32-bit outputs from 128 bits of state. */
export function sfc32(seed: string): () => number {
  if (!isDrawSeed(seed)) throw new Error('a draw seed is 32 lowercase hex digits')
  let [a, b, c, d] = [0, 8, 16, 24].map((k) => parseInt(seed.slice(k, k + 8), 16) | 0)
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 15; i++) next()
  return next
}

const RANGE = 2 ** 32

/** A whole number in [0, k), uniformly, from 32-bit outputs (rejection sampling: no modulo bias). */
export function below(next: () => number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > RANGE) throw new Error('below(k) needs 1 ≤ k ≤ 2^32')
  const limit = RANGE - (RANGE % k)
  for (;;) {
    const x = next()
    if (x < limit) return x % k
  }
}

/**
 * The draw: `n` of the canonical `candidates` (all of them when there are fewer), in draw order. Throws if the
 * candidates are not canonical, so a list in another order can never be passed off as the recorded one.
 */
export function drawSample(seed: string, candidates: readonly string[], n: number): string[] {
  const canonical = canonicalCandidates(candidates)
  if (canonical.length !== candidates.length || canonical.some((id, i) => id !== candidates[i]))
    throw new Error('candidates must be unique and sorted')
  const next = sfc32(seed)
  const pool = [...canonical]
  const take = Math.max(0, Math.min(Math.floor(n), pool.length))
  for (let i = 0; i < take; i++) {
    const j = i + below(next, pool.length - i)
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return pool.slice(0, take)
}

export interface DrawRecord {
  algorithm: string
  seed: string
  candidates: readonly string[]
  size: number
  picked: readonly string[]
}

/** Draws again from a record; it matches only with this algorithm, a canonical list and the same pick. */
export function verifyDraw(record: DrawRecord): { matches: boolean; redrawn: string[] } {
  const canonical = canonicalCandidates(record.candidates)
  const isCanonical =
    canonical.length === record.candidates.length && canonical.every((id, i) => id === record.candidates[i])
  if (record.algorithm !== DRAW_ALGORITHM || !isDrawSeed(record.seed) || !isCanonical)
    return { matches: false, redrawn: [] }
  const redrawn = drawSample(record.seed, record.candidates, record.size)
  const matches = redrawn.length === record.picked.length && redrawn.every((id, i) => id === record.picked[i])
  return { matches, redrawn }
}
