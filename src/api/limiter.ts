// Client-side token bucket. Harness allows 400 API requests per minute per key; staying at 300
// with a burst of 20 leaves room for the UI and other tools using the same key.
import { type Clock, systemClock } from './clock';

export interface RateLimitOptions {
  /** Sustained rate (default 300 per minute). */
  perMinute?: number;
  /** Requests allowed back to back before the rate applies (default 20). */
  burst?: number;
  clock?: Clock;
}

export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private updatedAt: number;
  /** Waiters are served in order so a burst of calls cannot starve an early one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimitOptions = {}) {
    const perMinute = options.perMinute ?? 300;
    this.burst = Math.max(1, options.burst ?? 20);
    if (!(perMinute > 0)) throw new Error('rate limit must be positive');
    this.ratePerMs = perMinute / 60_000;
    this.clock = options.clock ?? systemClock;
    this.tokens = this.burst;
    this.updatedAt = this.clock.now();
  }

  /** Tokens available now (fractional), after refilling for the time elapsed. */
  available(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.ratePerMs);
    this.updatedAt = now;
    return this.tokens;
  }

  /** Takes one token, waiting for it if necessary; rejects if `signal` aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const have = this.available();
      if (have >= 1) {
        this.tokens = have - 1;
        return;
      }
      await this.clock.sleep(Math.ceil((1 - have) / this.ratePerMs), signal);
    }
  }
}

/**
 * A 64-bit fingerprint of a key (cyrb53-style mixing, twice over): enough to tell a few API keys
 * apart, and it cannot give the key back. Not node:crypto: the limiter runs in the browser too
 * (and WebCrypto's digest is asynchronous).
 */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Rate budgets shared by the clients that are given the same RateBudgets: one bucket per API key,
 * so several clients for the same key (the extension's sign-in check and the account's client)
 * share one budget. The extension makes one at activation; a client without one has its own
 * bucket. Keyed by a fingerprint: the token itself is never kept as a map key.
 */
export class RateBudgets {
  private readonly buckets = new Map<string, TokenBucket>();

  forKey(token: string, options: RateLimitOptions = {}): TokenBucket {
    // An injected clock (tests) gets a bucket of its own.
    if (options.clock) return new TokenBucket(options);
    const id = `${fingerprint(token)}:${options.perMinute ?? 300}:${options.burst ?? 20}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket(options);
      this.buckets.set(id, bucket);
    }
    return bucket;
  }
}
