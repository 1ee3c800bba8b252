// When and how long to wait before repeating a safe read.

export interface RetryOptions {
  /** Total attempts including the first (default 4). */
  maxAttempts?: number;
  /** Backoff base: attempt n waits up to base·2^(n-1) (default 500 ms). */
  baseDelayMs?: number;
  /** Upper bound of one wait (default 20 s). */
  maxDelayMs?: number;
}

/** Statuses that mean "try again later" for an idempotent call. */
export const RETRYABLE_STATUSES: readonly number[] = [429, 502, 503, 504];

/**
 * Exponential backoff with "equal jitter": half fixed, half random, so retries from many
 * clients spread out but never collapse to zero wait.
 */
export function backoffDelay(
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 20_000;
  const exp = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`;
 * undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // HTTP dates always contain letters (day and month names); Date.parse alone accepts "-1".
  const at = /[a-z]/i.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
