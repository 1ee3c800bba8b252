// Test time: moves only when something sleeps, so waits are checked without waiting.
import type { Clock } from '../../../src/api/clock';

/** A clock whose time moves only when something sleeps. */
export class FakeClock implements Clock {
  t = 1_000_000;
  sleeps: number[] = [];
  now(): number {
    return this.t;
  }
  /** When true, sleeps never end on their own: only their AbortSignal ends them. */
  hold = false;
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    if (this.hold) {
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
      );
    }
    this.t += ms;
    return Promise.resolve();
  }
}
