import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data } from './helpers';

const ORGS = '/ng/api/organizations';

describe('simulator: fault injection', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator();
  });
  afterEach(() => sim.faults.clear());
  after(() => sim.close());

  it('429 without Retry-After by default, then the normal answer', async () => {
    sim.faults.inject({ kind: '429', path: ORGS, times: 3 });
    for (let i = 0; i < 3; i++) {
      const r = await call(sim, 'GET', ORGS);
      assert.equal(r.status, 429);
      assert.equal(r.headers.get('retry-after'), null);
    }
    data(await call(sim, 'GET', ORGS));
  });

  it('429 (and 503) with the Retry-After it was given', async () => {
    sim.faults.inject({ kind: '429', retryAfter: '2' });
    const r = await call(sim, 'GET', ORGS);
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '2');
    sim.faults.inject({ kind: '503', retryAfter: '1' });
    assert.equal((await call(sim, 'GET', ORGS)).headers.get('retry-after'), '1');
    sim.faults.inject({ kind: '503' });
    assert.equal((await call(sim, 'GET', ORGS)).headers.get('retry-after'), null);
  });

  it('500 as an ErrorDTO, 502/503/504 as gateway text', async () => {
    sim.faults.inject({ kind: '500' });
    const r500 = await call(sim, 'GET', ORGS);
    assert.equal(r500.status, 500);
    assert.equal(r500.body.status, 'ERROR');
    assert.equal(r500.body.code, 'UNEXPECTED');
    for (const kind of ['502', '503', '504'] as const) {
      sim.faults.inject({ kind });
      const r = await call(sim, 'GET', ORGS);
      assert.equal(r.status, Number(kind));
      assert.match(r.headers.get('content-type') ?? '', /^text\/plain/);
      assert.ok(r.text.length > 0);
      assert.throws(() => r.body, SyntaxError);
    }
  });

  it('html: a 502 proxy page', async () => {
    sim.faults.inject({ kind: 'html' });
    const r = await call(sim, 'GET', ORGS);
    assert.equal(r.status, 502);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(r.text, /^<!DOCTYPE html>/i);
  });

  it('truncated: 200 with JSON cut short', async () => {
    sim.faults.inject({ kind: 'truncated' });
    const r = await call(sim, 'GET', ORGS);
    assert.equal(r.status, 200);
    assert.match(r.text, /^\{"status":"SUCCESS"/);
    assert.throws(() => r.body, SyntaxError);
  });

  it('empty: 200 with no body', async () => {
    sim.faults.inject({ kind: 'empty' });
    const r = await call(sim, 'GET', ORGS);
    assert.equal(r.status, 200);
    assert.equal(r.text, '');
  });

  it('reset: the connection is dropped', async () => {
    sim.faults.inject({ kind: 'reset' });
    await assert.rejects(call(sim, 'GET', ORGS), (e: Error) => e instanceof TypeError);
    data(await call(sim, 'GET', ORGS));
  });

  it('slow: the answer comes after the delay, so a short client timeout fires first', async () => {
    sim.faults.inject({ kind: 'slow', delayMs: 300 });
    await assert.rejects(
      call(sim, 'GET', ORGS, { signal: AbortSignal.timeout(50) }),
      (e: Error) => e.name === 'TimeoutError',
    );
    // Not answered before the delay, told by order rather than by the clock: a timer of the same
    // length started before the request (so due no later than the simulator's) fires first.
    sim.faults.inject({ kind: 'slow', delayMs: 100 });
    const order: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('100 ms timer');
        resolve();
      }, 100),
    );
    const answer = call(sim, 'GET', ORGS).then((r) => {
      order.push('answer');
      return r;
    });
    data(await answer);
    await timer;
    assert.deepEqual(order, ['100 ms timer', 'answer']);
  });

  it('matches by method and path (prefix string or RegExp), and clear() drops pending faults', async () => {
    sim.faults.inject({ kind: '503', method: 'POST', path: /\/pipelines\/list$/ });
    data(await call(sim, 'GET', ORGS));
    const hit = await call(sim, 'POST', '/pipeline/api/pipelines/list', {
      query: { orgIdentifier: 'default', projectIdentifier: 'platform' },
      json: { filterType: 'PipelineSetup' },
    });
    assert.equal(hit.status, 503);
    sim.faults.inject({ kind: '500', path: '/ng/api/projects' });
    assert.equal(
      (await call(sim, 'GET', '/ng/api/projects/platform', { query: { orgIdentifier: 'default' } })).status,
      500,
    );
    sim.faults.inject({ kind: '500', times: 5 });
    sim.faults.clear();
    data(await call(sim, 'GET', ORGS));
  });

  it('records faulted requests too, so tests can count retries', async () => {
    sim.requests.length = 0;
    sim.faults.inject({ kind: '502', times: 2 });
    assert.equal((await call(sim, 'GET', ORGS)).status, 502);
    assert.equal((await call(sim, 'GET', ORGS)).status, 502);
    data(await call(sim, 'GET', ORGS));
    assert.equal(sim.requests.length, 3);
  });

  it('rejects unknown fault kinds and bad counts', () => {
    assert.throws(() => sim.faults.inject({ kind: 'nope' as never }), /unknown fault kind/);
    assert.throws(() => sim.faults.inject({ kind: '500', times: 0 }), /positive integer/);
  });

  it('latencyMs delays every response', async () => {
    const slow = await startSimulator({ latencyMs: 200 });
    try {
      await assert.rejects(
        call(slow, 'GET', ORGS, { signal: AbortSignal.timeout(50) }),
        (e: Error) => e.name === 'TimeoutError',
      );
      data(await call(slow, 'GET', ORGS));
    } finally {
      await slow.close();
    }
  });
});
