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

/** At most `max` events per key in any `windowMs`. */
export interface WindowLimit {
  max: number
  windowMs: number
}

/**
 * New guest (职工群众) identities per client address. A guest sign-in makes a fresh openid with its own token
 * bucket and its own five wrong invite codes, so without this one address could mint identities to multiply both.
 */
export const GUEST_SIGN_IN_LIMIT: WindowLimit = { max: 20, windowMs: 60_000 }

/**
 * Wrong invite codes per client address, on top of the five an hour per WeChat user that `org.bindInvite`
 * allows: several users' worth, so people sharing an address are not locked out by one of them.
 */
export const WRONG_INVITE_LIMIT: WindowLimit = { max: 20, windowMs: 60 * 60_000 }

/**
 * Counts events per key over a sliding window: unlike a token bucket, never more than `max` in any window.
 * Keys whose events have all left the window are dropped on a sweep.
 */
export class WindowLimiter {
  private readonly events = new Map<string, number[]>()

  constructor(
    readonly limit: WindowLimit,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** 0 when `key` may have another event now, else the seconds until it may (for Retry-After). */
  wait(key: string): number {
    const recent = this.recent(key, this.clock())
    if (recent.length < this.limit.max) return 0
    return Math.max(1, Math.ceil((recent[0] + this.limit.windowMs - this.clock()) / 1000))
  }

  record(key: string): void {
    const now = this.clock()
    if (!this.events.has(key) && this.events.size >= SWEEP_AT) this.sweep(now)
    this.events.set(key, [...this.recent(key, now), now])
  }

  /** Records an event when allowed: 0, else the seconds to wait and nothing recorded. */
  take(key: string): number {
    const wait = this.wait(key)
    if (wait === 0) this.record(key)
    return wait
  }

  private recent(key: string, now: number): number[] {
    return (this.events.get(key) ?? []).filter((t) => now - t < this.limit.windowMs)
  }

  private sweep(now: number): void {
    for (const key of [...this.events.keys()]) if (this.recent(key, now).length === 0) this.events.delete(key)
  }
}
