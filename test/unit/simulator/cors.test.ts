// The simulator's opt-in CORS (`cors: true`, `npm run sim -- --cors`): what a browser page (the
// extension's web build, fetch in a web worker) needs to call it. Off by default: then it answers
// nothing a browser would accept, as before. What real Harness sends is not known here (README).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call } from './helpers';

const ORIGIN = 'http://v--abc.localhost:3123';
const ORGS = '/ng/api/organizations';

function preflight(url: string, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-api-key',
      ...extra,
    },
  });
}

describe('simulator: CORS (opt-in)', function () {
  this.timeout(15_000);

  describe('off (the default)', () => {
    let sim: Simulator;
    before(async () => {
      sim = await startSimulator();
    });
    after(() => sim.close());

    it('sends no Access-Control headers and treats OPTIONS as any other method', async () => {
      const r = await call(sim, 'GET', ORGS, { headers: { origin: ORIGIN } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('access-control-allow-origin'), null);
      assert.equal(r.headers.get('access-control-expose-headers'), null);
      const pre = await preflight(`${sim.url}${ORGS}`);
      assert.notEqual(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), null);
      assert.equal(pre.headers.get('access-control-allow-methods'), null);
    });
  });

  describe('on', () => {
    let sim: Simulator;
    before(async () => {
      sim = await startSimulator({ cors: true });
    });
    afterEach(() => {
      sim.faults.clear();
      sim.requests.length = 0;
    });
    after(() => sim.close());

    it('answers a preflight with the methods and headers the client sends, without recording it', async () => {
      const r = await preflight(`${sim.url}${ORGS}`);
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(r.headers.get('vary'), 'Origin');
      assert.equal(r.headers.get('access-control-allow-methods'), 'GET, POST, PUT, DELETE');
      const allowed = (r.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      assert.ok(allowed.includes('x-api-key') && allowed.includes('content-type'), allowed.join());
      assert.equal(r.headers.get('access-control-expose-headers'), 'Retry-After');
      assert.equal(sim.requests.length, 0, 'a preflight is the browser asking, not a request');
    });

    it('allows a public page to reach it on loopback when Chrome asks (Private Network Access)', async () => {
      const r = await preflight(`${sim.url}${ORGS}`, { 'access-control-request-private-network': 'true' });
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-private-network'), 'true');
      const plain = await preflight(`${sim.url}${ORGS}`);
      assert.equal(plain.headers.get('access-control-allow-private-network'), null);
    });

    it('puts the origin and the exposed Retry-After on every answer: success, error and fault', async () => {
      const ok = await call(sim, 'GET', ORGS, { headers: { origin: ORIGIN } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(ok.headers.get('access-control-expose-headers'), 'Retry-After');

      const denied = await call(sim, 'GET', ORGS, {
        token: 'pat.nope.nope.nope',
        headers: { origin: ORIGIN },
      });
      assert.equal(denied.status, 401);
      assert.equal(denied.headers.get('access-control-allow-origin'), ORIGIN);

      sim.faults.inject({ kind: '429', path: ORGS, retryAfter: '3' });
      const limited = await call(sim, 'GET', ORGS, { headers: { origin: ORIGIN } });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '3');
      assert.equal(limited.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(limited.headers.get('access-control-expose-headers'), 'Retry-After');
    });

    it('still routes OPTIONS without a preflight request method like any other request', async () => {
      const r = await fetch(`${sim.url}${ORGS}`, { method: 'OPTIONS', headers: { origin: ORIGIN } });
      assert.notEqual(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
    });
  });

  it('main: --cors turns it on (npm run sim -- --cors)', async () => {
    const main = path.join(__dirname, '..', '..', 'simulator', 'main.js');
    const child = spawn(process.execPath, [main, '--port', '0', '--json', '--cors'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) {
            clearTimeout(timer);
            resolve((JSON.parse(out.split('\n')[0]) as { url: string }).url);
          }
        });
        child.on('error', reject);
      });
      const r = await preflight(`${url}${ORGS}`);
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
