// The follow state machine with a fake log service and a fake clock: a finished step's blob, a
// running step's stream (debounced growth, reconnects that start again from the first line,
// stop and follow again, the blob once the stream ends), the cap, failures that keep what was
// shown, and disposal that aborts the connection.
import * as assert from 'node:assert/strict';
import { HarnessApiError } from '../../../../src/api/errors';
import type { LogLine, StepLog, StepLogOptions, StepLogStreamEnd } from '../../../../src/api/types';
import { StepLogSession, type StepLogSource } from '../../../../src/executions/logs/session';
import type { Timers } from '../../../../src/executions/logs/timers';

/** Timers that run only when the test moves the clock. */
class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  get pending(): number {
    return this.due.size;
  }
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const first = [...this.due.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = end;
    await settle();
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

interface Connection {
  onLines: (lines: LogLine[]) => void;
  signal: AbortSignal | undefined;
  end: (value: StepLogStreamEnd) => void;
  fail: (err: unknown) => void;
}

/** A log service whose stream connections and blob answers the test drives by hand. */
class FakeLogService implements StepLogSource {
  connections: Connection[] = [];
  blobs: (StepLog | Error)[] = [];
  blobCalls = 0;
  getStepLog(_key: string, _opts?: StepLogOptions): Promise<StepLog> {
    this.blobCalls++;
    const next = this.blobs.shift();
    if (!next) return Promise.reject(notFound());
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }
  streamStepLog(
    _key: string,
    onLines: (lines: LogLine[]) => void,
    opts?: StepLogOptions,
  ): Promise<StepLogStreamEnd> {
    return new Promise((resolve, reject) => {
      const signal = opts?.signal;
      signal?.addEventListener('abort', () =>
        reject(new HarnessApiError({ kind: 'cancelled', status: 0, message: 'cancelled' })),
      );
      this.connections.push({ onLines, signal, end: resolve, fail: reject });
    });
  }
  get last(): Connection {
    const c = this.connections.at(-1);
    assert.ok(c, 'a stream connection is open');
    return c;
  }
}

const notFound = (): HarnessApiError =>
  new HarnessApiError({ kind: 'notFound', status: 404, message: 'the specified key does not exist' });
const line = (n: number, level = 'info'): LogLine => ({
  out: `\u001b[36mline ${n}\u001b[0m`,
  level,
  time: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`,
});
const lines = (from: number, to: number): LogLine[] =>
  Array.from({ length: to - from + 1 }, (_v, i) => line(from + i));
const shown = (n: number): string => `00:00:${String(n).padStart(2, '0')} INFO  line ${n}`;
const body = (s: StepLogSession): string[] => s.text().split('\n').slice(1, -1);

function session(
  service: FakeLogService,
  timers: FakeTimers,
  follow: boolean,
  errors: unknown[] = [],
): { s: StepLogSession; changes: () => number } {
  const s = new StepLogSession('key', service, timers, {
    title: 'Run tests (deploy #4)',
    follow,
    format: { utc: true },
    harnessUrl: 'https://harness.example/run',
    debounceMs: 250,
    retryMs: 1000,
    onError: (err) => errors.push(err),
  });
  let count = 0;
  s.onDidChange(() => count++);
  return { s, changes: () => count };
}

describe('step log session', () => {
  let timers: FakeTimers;
  let service: FakeLogService;
  beforeEach(() => {
    timers = new FakeTimers();
    service = new FakeLogService();
  });

  it('reads a finished step from the blob, without opening a stream', async () => {
    service.blobs.push({ lines: lines(1, 3), truncated: false, unparsedLines: 0 });
    const { s } = session(service, timers, false);
    assert.match(s.text(), /^Loading the log of Run tests \(deploy #4\)/);
    s.start();
    await settle();
    assert.equal(s.state, 'complete');
    assert.deepEqual(body(s), [shown(1), shown(2), shown(3)]);
    assert.equal(s.text().split('\n')[0], 'Run tests (deploy #4): complete, 3 lines.');
    assert.equal(service.connections.length, 0);
    assert.ok(!s.text().includes('\u001b'), 'no raw ESC');
  });

  it('ends a capped log with the banner that links the run in Harness', async () => {
    service.blobs.push({ lines: lines(1, 2), truncated: true, unparsedLines: 0 });
    const { s } = session(service, timers, false);
    s.start();
    await settle();
    const rows = s.text().split('\n');
    assert.equal(rows.at(-2), 'Log truncated at 8 MB: open the rest in Harness: https://harness.example/run');
    assert.match(rows[0], /first 2 lines/);
  });

  it('follows a running step: grows in debounced steps, then reads the whole log from the blob', async () => {
    const { s, changes } = session(service, timers, true);
    s.start();
    await settle();
    assert.equal(s.state, 'following');
    assert.match(
      s.text().split('\n')[0],
      /^Following Run tests \(deploy #4\) while the step runs: 0 lines so far/,
    );
    const before = changes();
    // A chatty step: many batches inside one debounce window make one change.
    for (let i = 1; i <= 40; i++) service.last.onLines([line(i)]);
    assert.equal(changes(), before, 'nothing announced before the debounce');
    await timers.advance(249);
    assert.equal(changes(), before);
    await timers.advance(1);
    assert.equal(changes(), before + 1, 'one change for 40 batches');
    assert.equal(s.lineCount, 40);

    service.blobs.push({ lines: lines(1, 41), truncated: false, unparsedLines: 0 });
    service.last.onLines([line(41)]);
    service.last.end({ ended: true, truncated: false, lines: 41 });
    await settle();
    assert.equal(s.state, 'complete');
    assert.equal(s.lineCount, 41);
    assert.equal(body(s).at(-1), shown(41));
    assert.equal(timers.pending, 0, 'the final state is announced at once, no debounce left');
  });

  it('skips the lines a reopened stream sends again (every connection starts at the first line)', async () => {
    const { s } = session(service, timers, true);
    s.start();
    await settle();
    service.last.onLines(lines(1, 3));
    service.last.end({ ended: false, truncated: false, lines: 3 });
    await settle();
    assert.equal(service.connections.length, 1, 'the reconnect waits');
    await timers.advance(1000);
    assert.equal(service.connections.length, 2);
    service.last.onLines(lines(1, 2));
    service.last.onLines(lines(3, 5));
    assert.deepEqual(body(s), [1, 2, 3, 4, 5].map(shown));
  });

  it('stops following on request (the connection is aborted, the lines stay) and follows again', async () => {
    const { s } = session(service, timers, true);
    s.start();
    await settle();
    service.last.onLines(lines(1, 2));
    const first = service.last;
    s.stopFollowing();
    await settle();
    assert.equal(first.signal?.aborted, true);
    assert.equal(s.state, 'stopped');
    assert.match(s.text().split('\n')[0], /^Not following Run tests \(deploy #4\): 2 lines shown\./);
    await timers.advance(5000);
    assert.equal(service.connections.length, 1, 'no reconnect after a stop');

    s.follow();
    await settle();
    assert.equal(s.state, 'following');
    service.last.onLines(lines(1, 4));
    assert.deepEqual(body(s), [1, 2, 3, 4].map(shown));
  });

  it('dispose aborts the stream and announces nothing more', async () => {
    const { s, changes } = session(service, timers, true);
    s.start();
    await settle();
    service.last.onLines([line(1)]);
    const before = changes();
    s.dispose();
    await settle();
    assert.equal(service.last.signal?.aborted, true);
    await timers.advance(10_000);
    assert.equal(changes(), before);
    assert.equal(timers.pending, 0);
    assert.equal(service.connections.length, 1);
  });

  it('retries a dropped connection, and reconnects after a quiet deadline without counting it', async () => {
    const errors: unknown[] = [];
    const { s } = session(service, timers, true, errors);
    s.start();
    await settle();
    service.last.onLines([line(1)]);
    service.last.fail(new HarnessApiError({ kind: 'network', status: 0, message: 'socket hang up' }));
    await settle();
    assert.equal(s.state, 'following');
    await timers.advance(1000);
    service.last.fail(new HarnessApiError({ kind: 'timeout', status: 0, message: 'deadline' }));
    await timers.advance(1000);
    assert.equal(service.connections.length, 3);
    service.last.onLines(lines(1, 2));
    assert.equal(s.lineCount, 2);
    assert.deepEqual(errors, []);
  });

  it('a 403 while following keeps the lines shown, says why and reports it', async () => {
    const errors: unknown[] = [];
    const { s } = session(service, timers, true, errors);
    s.start();
    await settle();
    service.last.onLines(lines(1, 3));
    service.last.fail(
      new HarnessApiError({ kind: 'forbidden', status: 403, message: 'not allowed to view logs' }),
    );
    await settle();
    assert.equal(s.state, 'failed');
    assert.equal(s.lineCount, 3);
    assert.match(
      s.text().split('\n')[0],
      /^Run tests \(deploy #4\), 3 lines shown: Could not follow the step log: .*not allowed to view logs/,
    );
    assert.equal(errors.length, 1);
  });

  it('waits for the blob the log service stores just after the stream ended', async () => {
    const { s } = session(service, timers, true);
    s.start();
    await settle();
    service.last.onLines(lines(1, 2));
    service.blobs.push(notFound(), { lines: lines(1, 3), truncated: false, unparsedLines: 0 });
    service.last.end({ ended: true, truncated: false, lines: 2 });
    await settle();
    assert.equal(s.state, 'following');
    await timers.advance(1000);
    assert.equal(s.state, 'complete');
    assert.equal(s.lineCount, 3);
  });

  it('keeps the streamed lines when the blob never comes, and says so', async () => {
    const { s } = session(service, timers, true);
    s.start();
    await settle();
    service.last.onLines(lines(1, 2));
    service.last.end({ ended: true, truncated: false, lines: 2 });
    await timers.advance(5000);
    assert.equal(s.state, 'complete');
    assert.equal(s.lineCount, 2);
    assert.match(s.text().split('\n')[0], /As streamed: the log service has no stored copy/);
    assert.equal(service.blobCalls, 4, 'the first read and 3 retries');
  });

  it('a step thought finished whose blob is missing is followed; no log at all is said plainly', async () => {
    const errors: unknown[] = [];
    const { s } = session(service, timers, false, errors);
    s.start();
    await settle();
    assert.equal(service.connections.length, 1, '404 on the blob: the stream is tried');
    service.last.end({ ended: true, truncated: false, lines: 0 });
    await timers.advance(5000);
    assert.equal(s.state, 'failed');
    assert.match(s.text(), /The log service has no log for this step/);
  });

  it('stops at the cap of the stream with the banner', async () => {
    const { s } = session(service, timers, true);
    s.start();
    await settle();
    service.last.onLines(lines(1, 2));
    service.last.end({ ended: false, truncated: true, lines: 2 });
    await settle();
    assert.equal(s.state, 'complete');
    assert.match(
      s.text(),
      /Log truncated at 8 MB: open the rest in Harness: https:\/\/harness\.example\/run\n$/,
    );
    await timers.advance(5000);
    assert.equal(service.connections.length, 1);
  });

  it('builds a large log in linear time', async () => {
    const many: LogLine[] = Array.from({ length: 100_000 }, (_v, i) => ({
      out: `\u001b[32mline ${i} ${'x'.repeat(60)}\u001b[0m`,
      level: 'info',
      time: '2026-01-01T00:00:00Z',
    }));
    service.blobs.push({ lines: many, truncated: true, unparsedLines: 0 });
    const { s } = session(service, timers, false);
    s.start();
    await settle();
    const t0 = performance.now();
    const text = s.text();
    const ms = performance.now() - t0;
    assert.equal(text.split('\n').length, 100_003);
    assert.ok(ms < 2000, `text() of 100,000 lines took ${ms.toFixed(0)} ms`);
  });
});
