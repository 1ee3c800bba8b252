import * as assert from 'node:assert/strict';
import { RateBudgets, TokenBucket } from '../../../src/api/limiter';
import { backoffDelay, parseRetryAfter } from '../../../src/api/retry';
import { FakeClock } from './fakeClock';

describe('backoffDelay', () => {
  it('grows exponentially with jitter inside [exp/2, exp]', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 10_000 };
    assert.equal(
      backoffDelay(1, opts, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(1, opts, () => 1),
      100,
    );
    assert.equal(
      backoffDelay(3, opts, () => 0),
      200,
    );
    assert.equal(
      backoffDelay(3, opts, () => 1),
      400,
    );
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2, opts);
      assert.ok(d >= 100 && d <= 200, String(d));
    }
  });
  it('is capped', () => {
    assert.equal(
      backoffDelay(30, { baseDelayMs: 1000, maxDelayMs: 5000 }, () => 1),
      5000,
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delta seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
  });
  it('ignores absent or garbage values', () => {
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-1', now), undefined);
  });
});

describe('TokenBucket', () => {
  it('allows the burst at once, then paces at the configured rate', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ perMinute: 60, burst: 3, clock });
    for (let i = 0; i < 3; i++) await bucket.acquire();
    assert.deepEqual(clock.sleeps, []);
    const start = clock.now();
    for (let i = 0; i < 5; i++) await bucket.acquire();
    // 60/min = one per second: five more requests need five more seconds.
    assert.equal(clock.now() - start, 5000);
  });

  it('refills while idle, but never beyond the burst', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ perMinute: 300, burst: 20, clock });
    for (let i = 0; i < 20; i++) await bucket.acquire();
    assert.ok(bucket.available() < 1);
    clock.t += 60_000;
    assert.equal(bucket.available(), 20);
  });

  it('keeps a default budget well below 400 per minute', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ clock });
    const start = clock.now();
    for (let i = 0; i < 400; i++) await bucket.acquire();
    // 20 burst + 380 at 5/s ≥ 76 s for 400 requests.
    assert.ok(clock.now() - start >= 75_000, `${clock.now() - start}`);
  });

  it('rejects a waiter whose signal aborts, without blocking later ones', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ perMinute: 60, burst: 1, clock });
    await bucket.acquire();
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await assert.rejects(bucket.acquire(ac.signal), /stop/);
    await bucket.acquire();
    assert.equal(clock.sleeps.length > 0, true);
  });
});

describe('RateBudgets', () => {
  it('shares one bucket per API key, so clients of the same key share the budget', () => {
    const budgets = new RateBudgets();
    const a = budgets.forKey('pat.acc.id.sharedSecretOne');
    assert.equal(budgets.forKey('pat.acc.id.sharedSecretOne'), a);
    assert.notEqual(budgets.forKey('pat.acc.id.otherSecretTwo'), a);
    assert.notEqual(budgets.forKey('pat.acc.id.sharedSecretOne', { perMinute: 100 }), a);
  });
  it('keeps the budgets of two instances (two extension hosts, two test runs) apart', () => {
    assert.notEqual(
      new RateBudgets().forKey('pat.acc.id.sharedSecretOne'),
      new RateBudgets().forKey('pat.acc.id.sharedSecretOne'),
    );
  });
  it('gives a private bucket to an injected clock (tests)', () => {
    const budgets = new RateBudgets();
    const clock = new FakeClock();
    assert.notEqual(
      budgets.forKey('pat.acc.id.sharedSecretOne', { clock }),
      budgets.forKey('pat.acc.id.sharedSecretOne', { clock }),
    );
  });
});
