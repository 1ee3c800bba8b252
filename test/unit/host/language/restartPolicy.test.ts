import * as assert from 'node:assert/strict';
import {
  ConnectionErrors,
  crashMessage,
  DEFAULT_RESTART_BUDGET,
  RestartPolicy,
  settleWithin,
  type CrashDecision,
} from '../../../../src/language/restartPolicy';

const MINUTE = 60_000;

/** A policy on a clock the test moves. */
function policyAt(budget = { maxRestarts: 3, windowMs: 2 * MINUTE }) {
  const clock = { now: 1_000_000 };
  return { clock, policy: new RestartPolicy(budget, () => clock.now) };
}

describe('language server restart policy', () => {
  it("defaults to vscode-languageclient's budget: 4 restarts in 3 minutes", () => {
    assert.deepEqual(DEFAULT_RESTART_BUDGET, { maxRestarts: 4, windowMs: 3 * MINUTE });
    const policy = new RestartPolicy();
    const decisions = Array.from({ length: 5 }, () => policy.crashed());
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [true, true, true, true, false],
    );
  });

  it('restarts up to the budget, numbering the attempts, then stops', () => {
    const { clock, policy } = policyAt();
    const decisions: CrashDecision[] = [];
    for (let i = 0; i < 4; i++) {
      decisions.push(policy.crashed());
      clock.now += 10_000;
    }
    assert.deepEqual(decisions, [
      { restart: true, attempt: 1, maxRestarts: 3 },
      { restart: true, attempt: 2, maxRestarts: 3 },
      { restart: true, attempt: 3, maxRestarts: 3 },
      { restart: false, crashes: 4 },
    ]);
    // Still inside the window: stays stopped.
    assert.deepEqual(policy.crashed(), { restart: false, crashes: 4 });
  });

  it('forgets crashes older than the window', () => {
    const { clock, policy } = policyAt();
    policy.crashed(); // t0
    clock.now += MINUTE;
    policy.crashed(); // t0 + 1 min
    policy.crashed(); // t0 + 1 min
    clock.now += MINUTE; // t0 + 2 min: the first is exactly at the window's edge, still counted
    assert.equal(policy.crashed().restart, false);
    clock.now += 1; // now it has left the window: one restart is free again
    assert.deepEqual(policy.crashed(), { restart: true, attempt: 3, maxRestarts: 3 });
  });

  it('starts a fresh budget after a restart by hand', () => {
    const { policy } = policyAt({ maxRestarts: 1, windowMs: MINUTE });
    assert.equal(policy.crashed().restart, true);
    assert.equal(policy.crashed().restart, false);
    policy.reset();
    assert.deepEqual(policy.crashed(), { restart: true, attempt: 1, maxRestarts: 1 });
  });

  it('never restarts with a budget of zero', () => {
    const { policy } = policyAt({ maxRestarts: 0, windowMs: MINUTE });
    assert.deepEqual(policy.crashed(), { restart: false, crashes: 1 });
  });

  it('says what happened and what to do', () => {
    const budget = { maxRestarts: 4, windowMs: 3 * MINUTE };
    assert.match(
      crashMessage({ restart: true, attempt: 2, maxRestarts: 4 }, budget),
      /stopped unexpectedly and is being restarted \(restart 2 of 4 allowed in 3 minutes\)/,
    );
    const gaveUp = crashMessage({ restart: false, crashes: 5 }, budget);
    assert.match(gaveUp, /crashed 5 times in 3 minutes and will not be restarted automatically/);
    assert.match(gaveUp, /Harness: Restart Language Server/);
    assert.match(
      crashMessage({ restart: false, crashes: 2 }, { maxRestarts: 1, windowMs: MINUTE }),
      /in 1 minute /,
    );
  });
});

describe('language server connection errors', () => {
  function errors(): { clock: { t: number }; tracker: ConnectionErrors } {
    const clock = { t: 0 };
    return { clock, tracker: new ConnectionErrors(() => clock.t, 3, 2_000) };
  }

  it('keeps the connection through a burst of failed writes (a killed process, whose close follows)', () => {
    const { clock, tracker } = errors();
    const seen = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => {
      clock.t += 5;
      return tracker.failed(n);
    });
    assert.deepEqual(new Set(seen), new Set(['continue']));
  });

  it('shuts down when more than the allowed writes in a row keep failing past the grace period', () => {
    const { clock, tracker } = errors();
    assert.equal(tracker.failed(1), 'continue');
    clock.t = 1_000;
    assert.equal(tracker.failed(2), 'continue');
    clock.t = 2_000;
    assert.equal(tracker.failed(3), 'continue', 'not more than three yet');
    clock.t = 2_100;
    assert.equal(tracker.failed(4), 'shutdown');
  });

  it('starts a new run when a write went through in between, and after the connection closed', () => {
    const { clock, tracker } = errors();
    tracker.failed(1);
    clock.t = 3_000;
    assert.equal(tracker.failed(1), 'continue', 'the count fell: a write succeeded');
    clock.t = 3_500;
    assert.equal(tracker.failed(4), 'continue', 'within the grace period of the new run');
    tracker.reset();
    clock.t = 10_000;
    assert.equal(tracker.failed(5), 'continue', 'a closed connection starts afresh');
    clock.t = 12_000;
    assert.equal(tracker.failed(6), 'shutdown');
  });

  it('leaves a failed read to the close handler (and its restart budget)', () => {
    const { clock, tracker } = errors();
    clock.t = 60_000;
    assert.equal(tracker.failed(undefined), 'continue');
  });
});

describe('bounded shutdown', () => {
  it('resolves true when the promise settles in time, either way', async () => {
    assert.equal(await settleWithin(Promise.resolve('ok'), 1_000), true);
    assert.equal(await settleWithin(Promise.reject(new Error('stop failed')), 1_000), true);
  });

  it('resolves false when the time runs out, and never rejects', async () => {
    const started = Date.now();
    assert.equal(await settleWithin(new Promise(() => undefined), 30), false);
    assert.ok(Date.now() - started < 1_000);
    // A rejection after the timeout is not unhandled.
    let reject: (e: Error) => void = () => undefined;
    const late = new Promise((_, r) => (reject = r));
    assert.equal(await settleWithin(late, 10), false);
    reject(new Error('late'));
  });
});
