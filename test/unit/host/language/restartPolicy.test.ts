import * as assert from 'node:assert/strict';
import {
  connectionErrorDecision,
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
  it('keeps the connection through a few failed writes in a row, then shuts down', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 10].map((n) => connectionErrorDecision(n)),
      ['continue', 'continue', 'continue', 'shutdown', 'shutdown'],
    );
    assert.equal(connectionErrorDecision(2, 1), 'shutdown');
  });

  it('leaves a failed read to the close handler (and its restart budget)', () => {
    assert.equal(connectionErrorDecision(undefined), 'continue');
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
