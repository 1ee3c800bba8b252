// Every call settles within its deadline, whatever the network or undici does: a proxy that drops
// CONNECT (nodejs/undici#3897), a dispatcher that never ends an aborted request, a TLS handshake
// that never answers, a slow server; retries share the one deadline and the message says how long
// the call took and what was tried. All servers are on 127.0.0.1. The proxy cases are undici's
// (desktop); the handshake, slow-server and Retry-After cases run for both transports.
import * as assert from 'node:assert/strict';
import { EnvHttpProxyAgent } from 'undici';
import { createHarnessClient } from '../../../src/api/client';
import { HarnessApiError } from '../../../src/api/errors';
import { HarnessHttp } from '../../../src/api/http';
import { ABORT_GRACE_MS, undiciTransport } from '../../../src/api/undiciTransport';
import { describeApiError } from '../../../src/ui/errorText';
import { expectApiError } from './errorSurfaces';
import { startBlackhole, startDroppingProxy } from './helpers/faultServers';
import { recordFault, timed, via } from './helpers/faultTable';
import { json, startRawServer } from './rawServer';
import { TRANSPORTS } from './transports';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const OK_ORGS = {
  status: 'SUCCESS',
  data: { content: [], pageIndex: 0, pageSize: 50, totalItems: 0, totalPages: 0 },
};
/** Slack for timers on a loaded two-core machine. */
const SLACK_MS = 250;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function shown(err: unknown, operation: string): string {
  return `Harness: ${describeApiError(err, operation)}`;
}

describe('deadlines: every call settles in time', function () {
  this.timeout(10_000);

  describe('a proxy that drops the connection during CONNECT (undici: proxies are desktop-only)', () => {
    let proxy: Awaited<ReturnType<typeof startDroppingProxy>>;
    beforeEach(async () => {
      proxy = await startDroppingProxy();
    });
    afterEach(() => proxy.close());

    it('fails the call at once with a proxy message, one connection per attempt, no reconnect storm', async () => {
      const client = createHarnessClient({
        token: TOKEN,
        transport: undiciTransport({ proxy: { url: proxy.url }, env: {} }),
        timeoutMs: 2000,
        retry: { maxAttempts: 3, baseDelayMs: 10 },
      });
      try {
        const { ms, error } = await timed(() => client.listOrganizations());
        assert.ok(error instanceof HarnessApiError, String(error));
        assert.equal(error.kind, 'network');
        assert.equal(error.code, 'UND_ERR_PRX_CONN');
        assert.match(
          error.message,
          /closed the connection while opening a tunnel \(CONNECT\) to app\.harness\.io/,
        );
        assert.match(error.message, /3 attempts/);
        assert.ok(ms < 2000, `settled after ${ms} ms`);
        const seen = proxy.connections();
        assert.ok(seen <= 3, `${seen} connections for 3 attempts`);
        await sleep(300);
        assert.equal(proxy.connections(), seen, 'no connections after the call settled');
        recordFault({
          fault: 'Proxy drops the connection during CONNECT (read, 3 attempts)',
          limitMs: 2000,
          ms,
          kind: error.kind,
          message: shown(error, 'list organizations'),
          note: `${seen} proxy connections in all; none after the call settled`,
        });
      } finally {
        await client.close();
      }
    });

    it('ends the call at the deadline even with a dispatcher that loops (undici 7.30.2 as shipped), and stops the loop', async () => {
      let built = 0;
      const transport = new HarnessHttp({
        baseUrl: 'https://app.harness.io',
        token: TOKEN,
        accountId: 'acct1',
        timeoutMs: 400,
        rateLimit: false,
        // undici's own proxy agent, without the CONNECT fix: it reconnects in a loop for ever.
        transport: undiciTransport({
          dispatcherFactory: () => {
            built++;
            return {
              route: 'proxy',
              dispatcher: new EnvHttpProxyAgent({ httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: '' }),
            };
          },
        }),
      });
      const spec = {
        method: 'GET' as const,
        path: '/ng/api/organizations',
        safe: true,
        op: { op: 'list organizations' },
      };
      try {
        const { ms, error } = await timed(() => transport.call(spec));
        assert.ok(error instanceof HarnessApiError, String(error));
        assert.equal(error.kind, 'timeout');
        assert.match(error.message, /timed out after 0\.4 s \(1 attempt, could not connect\)/);
        assert.ok(ms < 400 + SLACK_MS, `settled after ${ms} ms`);
        const atSettle = proxy.connections();
        assert.ok(atSettle > 10, `the shipped dispatcher does loop (${atSettle} connections)`);
        await sleep(ABORT_GRACE_MS + 300);
        const afterReap = proxy.connections();
        await sleep(300);
        assert.equal(proxy.connections(), afterReap, 'the loop stopped: its dispatcher was destroyed');
        recordFault({
          fault: 'Proxy drops CONNECT and the dispatcher loops (undici 7.30.2 without the fix)',
          limitMs: 400,
          ms,
          kind: error.kind,
          message: shown(error, 'list organizations'),
          note: `loop stopped ${ABORT_GRACE_MS} ms after the deadline (${afterReap} connections in all, none after)`,
        });

        // A cancelled call settles at once too, and the next call gets a fresh dispatcher.
        const ac = new AbortController();
        setTimeout(() => ac.abort(), 100);
        const cancelled = await timed(() => transport.call(spec, { signal: ac.signal }));
        assert.equal((cancelled.error as HarnessApiError).kind, 'cancelled');
        assert.ok(cancelled.ms < 100 + SLACK_MS, `cancel settled after ${cancelled.ms} ms`);
        assert.equal(built, 2, 'a new dispatcher replaced the wedged one');
      } finally {
        await transport.close();
      }
    });
  });

  for (const { name, factory } of TRANSPORTS)
    describe(`over ${name}`, () => {
      it('ends a TLS handshake that never answers at the deadline and closes its socket', async () => {
        const hole = await startBlackhole();
        const client = createHarnessClient({
          baseUrl: `https://127.0.0.1:${hole.port}`,
          token: TOKEN,
          transport: factory,
          timeoutMs: 400,
        });
        try {
          const { ms, error } = await timed(() => client.getOrganization('default'));
          assert.ok(error instanceof HarnessApiError, String(error));
          assert.equal(error.kind, 'timeout');
          // undici knows the request never got a connection; fetch cannot tell, so it says "no answer".
          const label = name === 'undici' ? 'could not connect' : 'no answer';
          assert.match(error.message, new RegExp(`timed out after 0\\.4 s \\(1 attempt, ${label}\\)`));
          assert.ok(ms < 400 + SLACK_MS, `settled after ${ms} ms (undici's own connect timeout is 10 s)`);
          if (name === 'undici') {
            // Closing the half-open socket is undici's (its pool is replaced: ABORT_GRACE_MS). fetch
            // gives no handle on its sockets: a browser manages its own connections, and Node's
            // fetch drops this one at its own connect timeout (10 s), after the call has settled.
            const until = Date.now() + ABORT_GRACE_MS + 1000;
            while (hole.open() > 0 && Date.now() < until) await sleep(20);
            assert.equal(hole.open(), 0, 'the half-open connection was closed');
          }
          recordFault({
            fault: `TLS handshake never answers (read)${via(name)}`,
            limitMs: 400,
            ms,
            kind: error.kind,
            message: shown(error, 'read org default'),
          });
        } finally {
          await client.close();
          await hole.close();
        }
      });

      describe('a slow server', () => {
        const held: (() => void)[] = [];
        afterEach(() => held.splice(0).forEach((f) => f()));

        it('tries a slow read once per deadline (not once per attempt) and says how long it waited', async () => {
          const server = await startRawServer((_q, res) => held.push(() => json(res, 200, OK_ORGS)));
          const client = createHarnessClient({
            baseUrl: server.url,
            token: TOKEN,
            transport: factory,
            timeoutMs: 600,
          });
          try {
            const { ms, error } = await timed(() => client.listOrganizations());
            assert.ok(error instanceof HarnessApiError, String(error));
            assert.equal(error.kind, 'timeout');
            assert.match(error.message, /timed out after 0\.6 s \(1 attempt, no answer\)/);
            assert.ok(ms < 600 + SLACK_MS, `settled after ${ms} ms`);
            assert.equal(server.requests.length, 1);
            recordFault({
              fault: `Slow read (server never answers)${via(name)}`,
              limitMs: 600,
              ms,
              kind: error.kind,
              message: shown(error, 'list organizations'),
              note: '1 request; before: 4 attempts of one timeout each',
            });
          } finally {
            await client.close();
            held.splice(0).forEach((f) => f());
            await server.close();
          }
        });

        it('shares the deadline between retries and lists what was tried', async () => {
          let n = 0;
          const server = await startRawServer((_q, res) =>
            ++n <= 2
              ? json(res, 503, { status: 'ERROR', message: 'busy' })
              : held.push(() => json(res, 200, OK_ORGS)),
          );
          const client = createHarnessClient({
            baseUrl: server.url,
            token: TOKEN,
            transport: factory,
            timeoutMs: 800,
            retry: { baseDelayMs: 20 },
          });
          try {
            const { ms, error } = await timed(() => client.listOrganizations());
            assert.ok(error instanceof HarnessApiError, String(error));
            assert.equal(error.kind, 'timeout');
            assert.match(error.message, /\(3 attempts: HTTP 503, HTTP 503, then no answer\)/);
            assert.ok(ms < 800 + SLACK_MS, `settled after ${ms} ms`);
            assert.equal(server.requests.length, 3);
          } finally {
            await client.close();
            held.splice(0).forEach((f) => f());
            await server.close();
          }
        });

        it('does not start a retry that cannot fit in what is left of the deadline', async () => {
          const server = await startRawServer((_q, res) =>
            json(res, 503, { status: 'ERROR', message: 'busy' }),
          );
          const client = createHarnessClient({
            baseUrl: server.url,
            token: TOKEN,
            transport: factory,
            timeoutMs: 500,
            retry: { baseDelayMs: 400, maxAttempts: 4 },
          });
          try {
            const { ms, error } = await timed(() => client.listOrganizations());
            assert.ok(error instanceof HarnessApiError, String(error));
            assert.equal(error.kind, 'server');
            assert.match(error.message, /would not fit in the 0\.5 s limit/);
            assert.ok(ms < 500 + SLACK_MS, `settled after ${ms} ms`);
          } finally {
            await client.close();
            await server.close();
          }
        });
      });

      it('says how long Harness asked to wait when Retry-After is longer than the extension waits', async () => {
        const server = await startRawServer((_q, res) =>
          json(res, 429, { status: 'ERROR', message: 'slow down' }, { 'retry-after': '3600' }),
        );
        const client = createHarnessClient({ baseUrl: server.url, token: TOKEN, transport: factory });
        try {
          const { ms, error } = await timed(() => client.listOrganizations());
          assert.ok(error instanceof HarnessApiError, String(error));
          assert.equal(error.kind, 'rateLimited');
          assert.match(error.message, /asked to wait 1 h before trying again \(Retry-After\)/);
          assert.equal(server.requests.length, 1, 'not waited for');
          recordFault({
            fault: `429 with Retry-After: 3600 (read)${via(name)}`,
            ms,
            kind: error.kind,
            message: shown(error, 'list organizations'),
          });

          server.handle = (_q, res) =>
            json(res, 503, { status: 'ERROR', message: 'maintenance' }, { 'retry-after': '120' });
          const e503 = await expectApiError(() => client.listOrganizations());
          assert.match(e503.message, /asked to wait 2 min before trying again/);

          server.handle = (_q, res) =>
            json(res, 429, { status: 'ERROR', message: 'slow down' }, { 'retry-after': '45' });
          const write = await expectApiError(() => client.createOrganization({ identifier: 'o', name: 'o' }));
          assert.match(write.message, /not retried automatically\. Harness asked to wait 45 s/);
        } finally {
          await client.close();
          await server.close();
        }
      });
    });
});
