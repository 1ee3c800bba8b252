import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { redactSecrets } from '../../../shared/redact';
import { startSimulator, type Simulator } from '../../simulator/server';
import { seedState } from '../../simulator/seed';
import { call, data, PLATFORM } from './helpers';

describe('simulator: seed, listening and the command line', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  it('builds the same account from the same seed and a different one from another', async () => {
    assert.deepEqual(seedState(7), seedState(7));
    const a = await startSimulator({ seed: 42 });
    const b = await startSimulator({ seed: 42 });
    const c = await startSimulator({ seed: 43 });
    try {
      assert.equal(a.accountId, b.accountId);
      assert.deepEqual(a.tokens, b.tokens);
      const listOf = async (sim: Simulator) =>
        data<{ content: unknown[] }>(
          await call(sim, 'POST', '/pipeline/api/pipelines/list', {
            query: { ...PLATFORM, size: 200 },
            json: { filterType: 'PipelineSetup' },
          }),
        ).content;
      assert.deepEqual(await listOf(a), await listOf(b));
      const connectorsOf = async (sim: Simulator) =>
        data<{ content: unknown[] }>(
          await call(sim, 'POST', '/ng/api/connectors/listV2', {
            query: PLATFORM,
            json: { filterType: 'Connector' },
          }),
        ).content;
      assert.deepEqual(await connectorsOf(a), await connectorsOf(b));
      assert.notEqual(c.accountId, a.accountId);
      assert.notDeepEqual(c.tokens, a.tokens);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('hands out PAT/SAT-shaped fake tokens that the redactor recognises', async () => {
    const sim = await startSimulator();
    try {
      const { admin, sat, limited } = sim.tokens;
      for (const [token, kind] of [
        [admin, 'pat'],
        [sat, 'sat'],
        [limited, 'pat'],
      ] as const) {
        const parts = token.split('.');
        assert.equal(parts.length, 4);
        assert.equal(parts[0], kind);
        assert.equal(parts[1], sim.accountId);
        assert.match(parts[3], /^SIMFAKE/);
        assert.equal(redactSecrets(`key ${token} end`), `key ${kind}.<redacted> end`);
      }
    } finally {
      await sim.close();
    }
  });

  it('listens on 127.0.0.1 only, on the port asked for, and frees it on close', async () => {
    await assert.rejects(startSimulator({ host: '0.0.0.0' as never }), /127\.0\.0\.1 only/);
    const sim = await startSimulator({ port: 0 });
    const port = sim.port;
    assert.equal(sim.url, `http://127.0.0.1:${port}`);
    data(await call(sim, 'GET', '/ng/api/organizations'));
    // Another loopback address reaches a server bound to all interfaces, not one bound to 127.0.0.1.
    const other = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    assert.equal(other, 'ECONNREFUSED');
    await sim.close();
    await sim.close(); // idempotent
    const again = await startSimulator({ port });
    try {
      assert.equal(again.port, port);
    } finally {
      await again.close();
    }
  });

  it('closes promptly with a request still waiting on a slow fault', async () => {
    const sim = await startSimulator();
    sim.faults.inject({ kind: 'slow', delayMs: 60_000 });
    const pending = call(sim, 'GET', '/ng/api/organizations').then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise<void>((resolve) => {
      const poll = () => (sim.requests.length > 0 ? resolve() : setImmediate(poll));
      poll();
    });
    await sim.close();
    assert.equal(await pending, 'dropped');
  });

  describe('main (npm run sim)', () => {
    const main = path.join(__dirname, '..', '..', 'simulator', 'main.js');

    function runMain(
      args: string[],
      signal: NodeJS.Signals = 'SIGTERM',
    ): Promise<{ firstLine: string; output: string; code: number | null; signal: NodeJS.Signals | null }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        let firstLine = '';
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`simulator did not start/stop in time; output: ${output}`));
        }, 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (!firstLine && output.includes('\n')) {
            firstLine = output.split('\n')[0];
            // Ready: ask it to stop the way a terminal or a process manager would.
            child.kill(signal);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          resolve({ firstLine, output, code, signal });
        });
      });
    }

    it('prints exactly one JSON line with --json and exits 0 on SIGTERM', async () => {
      const r = await runMain(['--port', '0', '--seed', '5', '--json']);
      assert.equal(r.code, 0, `${r.signal} ${r.output}`);
      assert.equal(r.output.trim().split('\n').length, 1);
      const info = JSON.parse(r.firstLine) as Record<string, string>;
      assert.deepEqual(Object.keys(info).sort(), ['accountId', 'limitedToken', 'satToken', 'token', 'url']);
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.accountId, seedState(5).account.identifier);
      assert.ok(info.token.startsWith(`pat.${info.accountId}.`));
    });

    it('prints the URL, account and demo token for people and exits 0 on SIGINT', async () => {
      const r = await runMain(['--port', '0'], 'SIGINT');
      assert.equal(r.code, 0, `${r.signal} ${r.output}`);
      assert.match(
        r.output,
        /^Harness API simulator listening on http:\/\/127\.0\.0\.1:\d+\nAccount: \S+\nToken: pat\./,
      );
    });

    it('rejects unknown options', async () => {
      const r = await runMain(['--nope']);
      assert.equal(r.code, 2);
      assert.match(r.output, /unknown option --nope/);
    });
  });
});
