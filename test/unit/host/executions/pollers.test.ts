// One poller per execution: followers share it (one request per poll whoever follows), the graph
// is fetched only while wanted, it ends at a final status, at an unknown one, at a follower's
// deadline or after transient errors, backs off politely, pauses without focus (unless a follower
// ignores it) and stops when the last follower lets go. A fake clock: nothing really waits.
import * as assert from 'node:assert/strict';
import type { ExecutionDetail, ExecutionSummary, HarnessApi } from '../../../../src/api/types';
import { HarnessApiError } from '../../../../src/api/errors';
import {
  ExecutionPollers,
  FIRST_DELAY_MS,
  MAX_DELAY_MS,
  MAX_TRANSIENT_FAILURES,
  type FocusSource,
  type PollTarget,
} from '../../../../src/executions/pollers';
import type { ExecutionUpdate } from '../../../../src/executions/updates';
import { FakeClock } from '../../api/fakeClock';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };

/** An API whose execution reports the statuses in `script` in turn (the last one repeats). */
function fakeApi(script: (string | Error)[]) {
  const calls: string[] = [];
  let i = 0;
  const next = (): ExecutionSummary => {
    const step = script[Math.min(i++, script.length - 1)];
    if (step instanceof Error) throw step;
    return { pipelineIdentifier: 'build', planExecutionId: 'run1', status: step };
  };
  const api = {
    getExecution: async (_s: unknown, id: string) => {
      calls.push(`summary:${id}`);
      return next();
    },
    getExecutionDetail: async (_s: unknown, id: string, options?: { fullGraph?: boolean }) => {
      calls.push(`detail:${id}:${options?.fullGraph === true}`);
      const detail: ExecutionDetail = { summary: next(), stages: [], stagesWithSteps: [] };
      return detail;
    },
  } as unknown as HarnessApi;
  return { api, calls };
}

const target = (api: HarnessApi, id = 'run1'): PollTarget => ({
  api,
  accountId: 'acct',
  scope,
  pipelineIdentifier: 'build',
  planExecutionId: id,
});

class FakeFocus implements FocusSource {
  isFocused = true;
  private listeners = new Set<() => void>();
  focused(): boolean {
    return this.isFocused;
  }
  onDidFocus(listener: () => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  focus(): void {
    this.isFocused = true;
    for (const l of [...this.listeners]) l();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function transient(): HarnessApiError {
  return new HarnessApiError({ kind: 'server', status: 503, message: 'unavailable' });
}

describe('executions: one poller per execution', () => {
  it('two followers share one poller: one request per poll, both told the final status', async () => {
    const clock = new FakeClock();
    const { api, calls } = fakeApi(['Running', 'Running', 'Success']);
    const hub = new ExecutionPollers(undefined, clock);
    const updates: ExecutionUpdate[] = [];
    hub.onDidUpdate((u) => updates.push(u));
    const a = hub.follow(target(api));
    const b = hub.follow(target(api));
    const [ea, eb] = await Promise.all([a.ended, b.ended]);
    assert.equal(ea.reason, 'final');
    assert.equal(eb.reason, 'final');
    assert.deepEqual(calls, ['summary:run1', 'summary:run1', 'summary:run1']);
    assert.deepEqual(
      updates.map((u) => [u.summary.status, u.ended, u.accountId, u.pipelineIdentifier]),
      [
        ['Running', false, 'acct', 'build'],
        ['Running', false, 'acct', 'build'],
        ['Success', true, 'acct', 'build'],
      ],
    );
    assert.equal(hub.isPolling('run1'), false);
    assert.equal(hub.latest('run1')?.summary.status, 'Success');
  });

  it('waits 2 s first, then ×1.3 per poll up to 15 s', async () => {
    const clock = new FakeClock();
    const { api } = fakeApi([...Array(12).fill('Running'), 'Success']);
    const hub = new ExecutionPollers(undefined, clock);
    await hub.follow(target(api)).ended;
    assert.equal(clock.sleeps[0], FIRST_DELAY_MS);
    assert.equal(clock.sleeps[1], Math.round(FIRST_DELAY_MS * 1.3));
    assert.ok(clock.sleeps.every((ms) => ms <= MAX_DELAY_MS));
    assert.equal(clock.sleeps.at(-1), MAX_DELAY_MS);
  });

  it('fetches the full graph only while someone wants it', async () => {
    const clock = new FakeClock();
    clock.hold = true;
    const { api, calls } = fakeApi(['Running']);
    const hub = new ExecutionPollers(undefined, clock);
    const updates: ExecutionUpdate[] = [];
    hub.onDidUpdate((u) => updates.push(u));
    const f = hub.follow(target(api));
    await tick();
    assert.deepEqual(calls, [], 'nothing before the first delay');
    // Wanting the graph cuts the wait short: it arrives now, with the summary.
    const want = hub.want('run1');
    await tick();
    assert.deepEqual(calls, ['detail:run1:true']);
    assert.ok(updates[0].detail);
    want.dispose();
    assert.equal(hub.isWanted('run1'), false);
    f.dispose();
    assert.equal((await f.ended).reason, 'released');
    await tick();
    assert.equal(hub.isPolling('run1'), false, 'the last follower letting go stops the poller');
  });

  it('fetches the graph of every run a rule matches from its first poll, even one that is already over', async () => {
    const clock = new FakeClock();
    const { api, calls } = fakeApi(['Success']);
    const hub = new ExecutionPollers(undefined, clock);
    const updates: ExecutionUpdate[] = [];
    hub.onDidUpdate((u) => updates.push(u));
    // A graph panel shows pipeline "build": its runs come with their stage and step graph.
    const rule = hub.wantWhere((t) => t.pipelineIdentifier === 'build');
    await hub.follow(target(api)).ended;
    assert.deepEqual(calls, ['detail:run1:true']);
    assert.ok(updates[0].detail, 'the one (final) update carries the graph');
    assert.equal(updates[0].ended, true);
    // Another pipeline's runs, and any run once the rule is gone, poll the summary only.
    const other = fakeApi(['Success']);
    await hub.follow({ ...target(other.api, 'run2'), pipelineIdentifier: 'deploy' }).ended;
    rule.dispose();
    await hub.follow(target(other.api, 'run3')).ended;
    assert.deepEqual(other.calls, ['summary:run2', 'summary:run3']);
  });

  it('ends at a status this extension does not know, with it', async () => {
    const { api, calls } = fakeApi(['Running', 'Hibernating']);
    const hub = new ExecutionPollers(undefined, new FakeClock());
    const end = await hub.follow(target(api)).ended;
    assert.equal(end.reason, 'unknownStatus');
    assert.equal(end.reason === 'unknownStatus' ? end.summary.status : '', 'Hibernating');
    assert.equal(calls.length, 2);
  });

  it('tells a follower its deadline passed; the last summary comes with it', async () => {
    const clock = new FakeClock();
    const { api } = fakeApi(['Running']);
    const hub = new ExecutionPollers(undefined, clock);
    const start = clock.now();
    const end = await hub.follow(target(api), { deadlineMs: 60_000 }).ended;
    assert.equal(end.reason, 'deadline');
    assert.equal(end.reason === 'deadline' ? end.summary?.status : '', 'Running');
    assert.ok(clock.now() - start >= 60_000 && clock.now() - start < 60_000 + MAX_DELAY_MS);
  });

  it('backs off after transient errors and gives up after too many in a row', async () => {
    const clock = new FakeClock();
    const { api, calls } = fakeApi([transient()]);
    const hub = new ExecutionPollers(undefined, clock);
    const end = await hub.follow(target(api)).ended;
    assert.equal(end.reason, 'error');
    assert.equal(calls.length, MAX_TRANSIENT_FAILURES);
    assert.deepEqual(clock.sleeps.slice(0, 4), [FIRST_DELAY_MS, 4000, 8000, MAX_DELAY_MS]);
  });

  it('recovers from a transient error', async () => {
    const { api } = fakeApi([transient(), 'Running', 'Failed']);
    const hub = new ExecutionPollers(undefined, new FakeClock());
    const end = await hub.follow(target(api)).ended;
    assert.equal(end.reason, 'final');
  });

  it('stops at once on an error that is not transient', async () => {
    const notFound = new HarnessApiError({ kind: 'notFound', status: 404, message: 'gone' });
    const { api, calls } = fakeApi([notFound]);
    const end = await new ExecutionPollers(undefined, new FakeClock()).follow(target(api)).ended;
    assert.equal(end.reason, 'error');
    assert.equal(calls.length, 1);
  });

  it('pauses while the window has no focus, unless a follower awaits the result', async () => {
    const focus = new FakeFocus();
    focus.isFocused = false;
    const { api, calls } = fakeApi(['Running', 'Success']);
    const hub = new ExecutionPollers(focus, new FakeClock());
    const f = hub.follow(target(api));
    await tick();
    assert.deepEqual(calls, [], 'no request while unfocused');
    focus.focus();
    assert.equal((await f.ended).reason, 'final');
    assert.equal(calls.length, 2);

    const other = fakeApi(['Running', 'Success']);
    focus.isFocused = false;
    const awaited = await hub.follow(target(other.api, 'run2'), { ignoreFocus: true }).ended;
    assert.equal(awaited.reason, 'final');
  });

  it('keeps one poller per execution id, separate ones for separate runs', async () => {
    const clock = new FakeClock();
    clock.hold = true;
    const one = fakeApi(['Running']);
    const two = fakeApi(['Running']);
    const hub = new ExecutionPollers(undefined, clock);
    const f1 = hub.follow(target(one.api, 'run1'));
    const f2 = hub.follow(target(one.api, 'run1'));
    const f3 = hub.follow(target(two.api, 'run2'));
    assert.equal(hub.isPolling('run1') && hub.isPolling('run2'), true);
    f1.dispose();
    await tick();
    assert.equal(hub.isPolling('run1'), true, 'still followed by the second');
    hub.dispose();
    assert.deepEqual(
      (await Promise.all([f2.ended, f3.ended])).map((e) => e.reason),
      ['released', 'released'],
    );
    assert.equal(hub.isPolling('run1') || hub.isPolling('run2'), false);
  });
});
