import * as assert from 'node:assert/strict';
import {
  ServerStateMachine,
  serverStatusView,
  type ClientState,
  type ServerStatus,
} from '../../../../src/language/serverState';

/** The client reports these states in turn; returns the phases seen after each. */
function feed(machine: ServerStateMachine, states: ClientState[]): string[] {
  return states.map((s) => label(machine.clientState(s)));
}

function label(s: ServerStatus): string {
  return s.phase === 'stopped' && s.failed ? 'failed' : s.phase;
}

describe('language server state', () => {
  it('is stopped before the first start, then starting and running', () => {
    const m = new ServerStateMachine();
    assert.deepEqual(m.status, { phase: 'stopped', failed: false });
    assert.deepEqual(feed(m, ['starting', 'running']), ['starting', 'running']);
  });

  it('shows an automatic restart as restarting until the server runs again', () => {
    const m = new ServerStateMachine();
    feed(m, ['starting', 'running']);
    assert.equal(m.restarting('crashed, restart 1 of 4').phase, 'restarting');
    // vscode-languageclient: Running → Stopped → Starting → Running.
    assert.deepEqual(feed(m, ['stopped', 'starting']), ['restarting', 'restarting']);
    assert.equal(m.status.reason, 'crashed, restart 1 of 4');
    assert.deepEqual(feed(m, ['running']), ['running']);
    assert.equal(m.status.reason, undefined);
  });

  it('restarts a server that crashed while starting', () => {
    const m = new ServerStateMachine();
    feed(m, ['starting']);
    m.restarting('crashed');
    assert.deepEqual(feed(m, ['stopped', 'starting', 'running']), ['restarting', 'restarting', 'running']);
  });

  it('fails when the restarted server does not start', () => {
    const m = new ServerStateMachine();
    feed(m, ['starting', 'running']);
    m.restarting('crashed');
    assert.deepEqual(feed(m, ['stopped', 'starting', 'stopped']), ['restarting', 'restarting', 'failed']);
    assert.match(m.status.reason ?? '', /could not start/);
  });

  it('stays stopped with the reason once it gave up', () => {
    const m = new ServerStateMachine();
    feed(m, ['starting', 'running']);
    m.failed('crashed 5 times in 3 minutes');
    assert.deepEqual(feed(m, ['stopped']), ['failed']);
    assert.equal(m.status.reason, 'crashed 5 times in 3 minutes');
  });

  it('keeps the reason of a failed initialization', () => {
    const m = new ServerStateMachine();
    feed(m, ['starting']);
    m.failed('failed to initialize: boom');
    assert.deepEqual(feed(m, ['stopped']), ['failed']);
    assert.equal(m.status.reason, 'failed to initialize: boom');
  });

  it('a start that fails without a reason is a failure too', () => {
    const m = new ServerStateMachine();
    assert.deepEqual(feed(m, ['starting', 'stopped']), ['starting', 'failed']);
  });

  it('a deliberate stop is not a failure', () => {
    const m = new ServerStateMachine();
    assert.deepEqual(feed(m, ['starting', 'running', 'stopped']), ['starting', 'running', 'stopped']);
  });

  it('a restart by hand shows restarting until the new client runs, then clears the failure', () => {
    const m = new ServerStateMachine();
    feed(m, ['starting', 'running']);
    m.failed('crashed 5 times');
    assert.equal(m.restartedByHand().phase, 'restarting');
    // The old client is no longer watched; the new one starts.
    assert.deepEqual(feed(m, ['starting', 'running']), ['restarting', 'running']);
    assert.equal(m.status.failed, false);
  });

  it('a restart by hand whose new client cannot start ends failed', () => {
    const m = new ServerStateMachine();
    m.restartedByHand();
    assert.deepEqual(feed(m, ['starting', 'stopped']), ['restarting', 'failed']);
  });
});

describe('language server status item', () => {
  it('shows each state with a severity, and a spinner while it is on its way', () => {
    const view = (s: ServerStatus) => {
      const v = serverStatusView(s);
      return [v.text, v.severity, v.busy];
    };
    assert.deepEqual(view({ phase: 'starting', failed: false }), [
      'Harness server: starting',
      'information',
      true,
    ]);
    assert.deepEqual(view({ phase: 'running', failed: false }), [
      'Harness server: running',
      'information',
      false,
    ]);
    assert.deepEqual(view({ phase: 'restarting', failed: false, reason: 'r' }), [
      'Harness server: restarting',
      'warning',
      true,
    ]);
    assert.deepEqual(view({ phase: 'stopped', failed: true, reason: 'r' }), [
      'Harness server: stopped',
      'error',
      false,
    ]);
    assert.deepEqual(view({ phase: 'stopped', failed: false }), [
      'Harness server: stopped',
      'information',
      false,
    ]);
  });

  it('explains a restart or a failure in the detail', () => {
    assert.equal(
      serverStatusView({ phase: 'restarting', failed: false, reason: 'crash 1 of 4' }).detail,
      'crash 1 of 4',
    );
    assert.equal(serverStatusView({ phase: 'stopped', failed: true, reason: 'gave up' }).detail, 'gave up');
  });
});
