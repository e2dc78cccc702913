/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimit {
  capacity: number
  refillPerSecond: number
}

/**
 * Per identity (a signed-in person's or guest's openid; otherwise the client address): a person taps a few
 * screens a second at most and a study page beats every 15 s, so a burst of 200 and 50 a second sustained
 * never touch the app, while a script hammering from one identity is held to that.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 200, refillPerSecond: 50 }

interface Bucket {
  tokens: number
  at: number
}

/** Buckets are dropped once full again, so idle identities cost nothing; this many before a sweep. */
const SWEEP_AT = 10_000

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly limit: RateLimit,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!(limit.capacity >= 1) || !(limit.refillPerSecond > 0)) {
      throw new Error('rate limit: capacity must be >= 1 and refillPerSecond > 0')
    }
  }

  /** Takes one token for `key`: 0 when allowed, else the seconds until the next token (for Retry-After). */
  take(key: string): number {
    const now = this.clock()
    const { capacity, refillPerSecond } = this.limit
    const b = this.buckets.get(key)
    const tokens = b ? Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond) : capacity
    if (tokens < 1) {
      if (b) {
        b.tokens = tokens
        b.at = now
      }
      return Math.max(1, Math.ceil((1 - tokens) / refillPerSecond))
    }
    if (!b && this.buckets.size >= SWEEP_AT) this.sweep(now)
    this.buckets.set(key, { tokens: tokens - 1, at: now })
    return 0
  }

  private sweep(now: number): void {
    const { capacity, refillPerSecond } = this.limit
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key)
    }
  }
}
