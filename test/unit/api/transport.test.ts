// Transport behaviour against a scripted loopback server: headers and query, every error body
// shape, redirects, timeouts, cancellation, Retry-After, logging and token redaction. Runs once per
// transport (undici, fetch): see ./transports.ts.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { type HarnessClient, type HarnessClientOptions, createHarnessClient } from '../../../src/api/client';
import { FakeClock } from './fakeClock';
import { assertNoSecret, expectApiError } from './errorSurfaces';
import { type RawServer, json, startRawServer } from './rawServer';
import { holdDeadline } from '../../helpers/heldDeadline';
import { TRANSPORTS } from './transports';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const OK_ORGS = {
  status: 'SUCCESS',
  data: { content: [], pageIndex: 0, pageSize: 50, totalItems: 0, totalPages: 0 },
  correlationId: 'c-1',
};

for (const { name, factory } of TRANSPORTS)
  describe(`HTTP transport (${name})`, () => {
    let server: RawServer;
    let client: HarnessClient;
    let clock: FakeClock;
    const clients: HarnessClient[] = [];

    function make(extra: Partial<HarnessClientOptions> = {}): HarnessClient {
      const c = createHarnessClient({
        baseUrl: server.url,
        token: TOKEN,
        clock,
        retry: { baseDelayMs: 10, maxAttempts: 3 },
        ...extra,
        transport: factory,
      });
      clients.push(c);
      return c;
    }

    beforeEach(async () => {
      server = await startRawServer((_req, res) => json(res, 200, OK_ORGS));
      clock = new FakeClock();
      client = make();
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await server.close();
    });

    it('sends the key as a header, the account as accountIdentifier and routingId, and never the token in the URL', async () => {
      await client.listOrganizations({ pageIndex: 2, pageSize: 7, searchTerm: 'ab' });
      const [req] = server.requests;
      assert.equal(req.headers['x-api-key'], TOKEN);
      assert.equal(req.headers.accept, 'application/json');
      assert.match(String(req.headers['user-agent']), /^harness-vscode\//);
      const url = new URL(req.url, server.url);
      assert.equal(url.pathname, '/ng/api/organizations');
      assert.equal(url.searchParams.get('accountIdentifier'), 'acct1');
      assert.equal(url.searchParams.get('routingId'), 'acct1');
      assert.equal(url.searchParams.get('pageIndex'), '2');
      assert.equal(url.searchParams.get('pageSize'), '7');
      assert.equal(url.searchParams.get('searchTerm'), 'ab');
      assert.ok(!req.url.includes('S3cr3t'));
    });

    it('uses an explicit account id and user agent', async () => {
      const c = make({ token: 'legacyKey_abcdef', accountId: 'acctX', userAgent: 'test-agent/1' });
      await c.listOrganizations();
      const req = server.requests[0];
      assert.equal(new URL(req.url, server.url).searchParams.get('accountIdentifier'), 'acctX');
      assert.equal(req.headers['user-agent'], 'test-agent/1');
    });

    it('refuses to build a client without an account id for unknown token shapes', () => {
      assert.throws(
        () => createHarnessClient({ baseUrl: server.url, token: 'legacyKey_abcdef', transport: factory }),
        /account id/,
      );
      assert.throws(
        () =>
          createHarnessClient({ baseUrl: 'http://harness.example.com', token: TOKEN, transport: factory }),
        /plain http/,
      );
    });

    it('refuses empty and dot identifiers that would turn into another endpoint', async () => {
      for (const id of ['', '.', '..']) {
        const err = await expectApiError(() =>
          client.getProject({ orgIdentifier: 'default', projectIdentifier: id }),
        );
        assert.equal(err.kind, 'invalid');
        assert.match(err.message, /not a valid identifier/);
      }
      await expectApiError(() => client.getPipeline({ orgIdentifier: 'o', projectIdentifier: 'p' }, '..'));
      assert.equal(server.requests.length, 0);
      // Other characters are percent-encoded and stay inside their segment.
      await expectApiError(() => client.getOrganization('a/b?c#d'));
      assert.equal(
        new URL(server.requests[0].url, server.url).pathname,
        '/ng/api/organizations/a%2Fb%3Fc%23d',
      );
    });

    it('keeps the token out of util.inspect and JSON of the client', () => {
      const text = inspect(client, { showHidden: true, depth: 6 }) + JSON.stringify(client);
      assert.ok(!text.includes('S3cr3t'), text);
    });

    it('turns an ERROR envelope on HTTP 200 into an error with code, details and correlation id', async () => {
      server.handle = (_q, res) =>
        json(res, 200, {
          status: 'ERROR',
          code: 'INVALID_REQUEST',
          message: 'Invalid request: something is off',
          correlationId: 'corr-42',
          detailedMessage: 'more detail',
          responseMessages: [
            { code: 'INVALID_REQUEST', level: 'ERROR', message: 'Invalid request: something is off' },
            { code: 'X', level: 'ERROR', message: 'second reason' },
          ],
        });
      const err = await expectApiError(() => client.listOrganizations());
      assert.equal(err.status, 200);
      assert.equal(err.kind, 'invalid');
      assert.equal(err.code, 'INVALID_REQUEST');
      assert.equal(err.correlationId, 'corr-42');
      assert.deepEqual(err.details, ['second reason', 'more detail']);
      assert.match(err.message, /Invalid request: something is off/);
      assert.match(err.message, /corr-42/);
      assert.equal(server.requests.length, 1, 'an error envelope is not retried');
    });

    it('reads FailureDTO field errors', async () => {
      server.handle = (_q, res) =>
        json(res, 400, {
          status: 'FAILURE',
          code: 'INVALID_REQUEST',
          message: 'Invalid request',
          correlationId: 'corr-7',
          errors: [
            {
              fieldId: 'identifier',
              error:
                'can be 128 characters long and can only contain alphanumeric, underscore and $ characters',
            },
            { fieldId: 'name', error: 'cannot be empty' },
          ],
        });
      const err = await expectApiError(() =>
        client.createProject({ orgIdentifier: 'default', identifier: '9bad', name: '' }),
      );
      assert.equal(err.kind, 'invalid');
      assert.equal(err.status, 400);
      assert.deepEqual(err.fieldErrors, [
        {
          field: 'identifier',
          message:
            'can be 128 characters long and can only contain alphanumeric, underscore and $ characters',
        },
        { field: 'name', message: 'cannot be empty' },
      ]);
      assert.ok(err.details.includes('name: cannot be empty'));
    });

    it('reads the bare numeric-code JSON error', async () => {
      server.handle = (_q, res) =>
        json(res, 400, { code: 400, message: 'Unable to process JSON', details: 'Unrecognized field "x"' });
      const err = await expectApiError(() => client.createOrganization({ identifier: 'o1', name: 'O1' }));
      assert.equal(err.code, '400');
      assert.equal(err.kind, 'invalid');
      assert.match(err.message, /Unable to process JSON/);
      assert.deepEqual(err.details, ['Unrecognized field "x"']);
    });

    it('maps DUPLICATE_FIELD to kind duplicate', async () => {
      server.handle = (_q, res) =>
        json(res, 400, { status: 'ERROR', code: 'DUPLICATE_FIELD', message: 'Project [p1] already exists' });
      const err = await expectApiError(() =>
        client.createProject({ orgIdentifier: 'default', identifier: 'p1', name: 'P1' }),
      );
      assert.equal(err.kind, 'duplicate');
      assert.match(err.message, /Project "default\/p1" already exists/);
      assert.equal(err.retryable, false);
    });

    it('says what to do on 401, 403 and 404', async () => {
      server.handle = (_q, res) =>
        json(res, 401, { status: 'ERROR', code: 'INVALID_TOKEN', message: 'Token is not valid' });
      const e401 = await expectApiError(() => client.verifyToken());
      assert.equal(e401.kind, 'unauthorized');
      assert.match(e401.message, /sign in again/);

      server.handle = (_q, res) =>
        json(res, 403, { status: 'ERROR', code: 'NG_ACCESS_DENIED', message: 'Missing permission' });
      const e403 = await expectApiError(() => client.listProjects('default'));
      assert.equal(e403.kind, 'forbidden');
      assert.match(e403.message, /lacks permission to list projects of org default/);

      server.handle = (_q, res) =>
        json(res, 404, { status: 'ERROR', code: 'RESOURCE_NOT_FOUND', message: 'Pipeline [nope] not found' });
      const e404 = await expectApiError(() =>
        client.getPipeline({ orgIdentifier: 'o', projectIdentifier: 'p' }, 'nope'),
      );
      assert.equal(e404.kind, 'notFound');
      assert.match(e404.message, /Pipeline "nope" not found/);
    });

    it('describes an HTML page without dumping it', async () => {
      server.handle = (_q, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(
          '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><script>var x=1</script></body></html>',
        );
      };
      const err = await expectApiError(() => client.listOrganizations());
      assert.equal(err.kind, 'server');
      assert.equal(err.status, 502);
      assert.match(err.message, /HTML page instead of JSON/);
      assert.ok(!err.message.includes('<'));
      assert.deepEqual(err.details, ['page title: 502 Bad Gateway']);
      assert.equal(server.requests.length, 3, 'a 502 on a read is retried up to maxAttempts');

      server.handle = (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><title>Sign in</title></html>');
      };
      const login = await expectApiError(() => client.getOrganization('default'));
      assert.equal(login.kind, 'badResponse');
      assert.match(login.message, /sign-in page/);
    });

    it('handles empty and truncated bodies', async () => {
      server.handle = (_q, res) => {
        res.writeHead(401);
        res.end();
      };
      const e401 = await expectApiError(() => client.getOrganization('default'));
      assert.equal(e401.kind, 'unauthorized');

      server.handle = (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end();
      };
      const empty = await expectApiError(() => client.getOrganization('default'));
      assert.equal(empty.kind, 'badResponse');
      assert.match(empty.message, /empty response/);

      server.handle = (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"SUCCESS","data":{"organization":{"identifier":"def');
      };
      const truncated = await expectApiError(() => client.getOrganization('default'));
      assert.equal(truncated.kind, 'badResponse');
      assert.match(truncated.message, /incomplete or malformed JSON/);
    });

    it('rejects a success envelope whose data has the wrong shape', async () => {
      server.handle = (_q, res) =>
        json(res, 200, { status: 'SUCCESS', data: { organization: { identifier: 5 } } });
      const err = await expectApiError(() => client.getOrganization('default'));
      assert.equal(err.kind, 'badResponse');
      assert.match(err.message, /organization\.identifier is not a string/);
    });

    it('redacts a token the server echoes back, on every error surface', async () => {
      server.handle = (req, res) =>
        json(res, 400, {
          status: 'FAILURE',
          code: 'INVALID_REQUEST',
          message: `bad key ${String(req.headers['x-api-key'])}`,
          correlationId: 'c',
          errors: [
            { fieldId: String(req.headers['x-api-key']), error: `value ${String(req.headers['x-api-key'])}` },
          ],
          responseMessages: [{ message: `echo ${String(req.headers['x-api-key'])}` }],
          detailedMessage: `raw S3cr3tValueXYZ`,
        });
      const err = await expectApiError(() => client.createOrganization({ identifier: 'o1', name: 'O1' }));
      assertNoSecret(err, TOKEN);
      assert.ok(err.details.length >= 2);

      // A legacy key of any shape is redacted too.
      const legacy = make({ token: 'legacyKeyQWERTY12345', accountId: 'a1' });
      const err2 = await expectApiError(() => legacy.createOrganization({ identifier: 'o1', name: 'O1' }));
      assertNoSecret(err2, 'legacyKeyQWERTY12345');
    });

    it('strips nulls from JSON bodies and puts the scope in query and body', async () => {
      server.handle = (_q, res) =>
        json(res, 200, {
          status: 'SUCCESS',
          data: {
            connector: {
              name: 'c',
              identifier: 'c',
              type: 'K8sCluster',
              spec: {},
              orgIdentifier: 'o',
              projectIdentifier: 'p',
            },
          },
        });
      await client.createConnector({
        name: 'c',
        identifier: 'c',
        orgIdentifier: 'o',
        projectIdentifier: 'p',
        type: 'K8sCluster',
        spec: { credential: { type: 'InheritFromDelegate', spec: null }, delegateSelectors: ['d1', null] },
      });
      const req = server.requests[0];
      assert.equal(req.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(req.body), {
        connector: {
          name: 'c',
          identifier: 'c',
          orgIdentifier: 'o',
          projectIdentifier: 'p',
          type: 'K8sCluster',
          spec: { credential: { type: 'InheritFromDelegate' }, delegateSelectors: ['d1'] },
        },
      });
      const q = new URL(req.url, server.url).searchParams;
      assert.equal(q.get('orgIdentifier'), 'o');
      assert.equal(q.get('projectIdentifier'), 'p');
    });

    describe('redirects', () => {
      let other: RawServer;
      beforeEach(async () => {
        other = await startRawServer((_q, res) => json(res, 200, OK_ORGS));
      });
      afterEach(() => other.close());

      it('does not follow a redirect to another origin, so the token stays home', async () => {
        server.handle = (_q, res) => {
          res.writeHead(302, { location: `${other.url}/ng/api/organizations?token=leak` });
          res.end();
        };
        const err = await expectApiError(() => client.listOrganizations());
        assert.equal(other.requests.length, 0);
        assert.equal(err.kind, 'badResponse');
        assert.equal(err.status, 302);
        assert.match(err.message, /the token was not sent there/);
        assert.ok(!err.message.includes('token=leak'), 'query of the location is not echoed');
      });

      it('does not follow same-origin redirects either', async () => {
        server.handle = (req, res) => {
          if (req.url.startsWith('/elsewhere')) return json(res, 200, OK_ORGS);
          res.writeHead(307, { location: '/elsewhere' });
          res.end();
        };
        const err = await expectApiError(() => client.listOrganizations());
        assert.equal(server.requests.length, 1);
        assert.match(err.message, /redirects are not followed/);
      });
    });

    describe('retries', () => {
      it('retries a read on 503 and succeeds', async () => {
        let n = 0;
        server.handle = (_q, res) =>
          ++n < 3 ? json(res, 503, { status: 'ERROR', code: 'X', message: 'busy' }) : json(res, 200, OK_ORGS);
        const page = await client.listOrganizations();
        assert.equal(page.totalItems, 0);
        assert.equal(server.requests.length, 3);
        assert.equal(clock.sleeps.length, 2);
        assert.ok(clock.sleeps[0] >= 5 && clock.sleeps[0] <= 10, `first backoff ${clock.sleeps[0]}`);
        assert.ok(clock.sleeps[1] >= 10 && clock.sleeps[1] <= 20, `second backoff ${clock.sleeps[1]}`);
      });

      it('never retries a write, and says so for 429', async () => {
        server.handle = (_q, res) =>
          json(res, 429, { status: 'ERROR', code: 'TOO_MANY_REQUESTS', message: 'slow down' });
        const err = await expectApiError(() => client.createOrganization({ identifier: 'o', name: 'o' }));
        assert.equal(server.requests.length, 1);
        assert.equal(err.kind, 'rateLimited');
        assert.equal(err.retryable, true);
        assert.match(err.message, /not retried automatically/);
      });

      it('does not retry a 500 (not transient by contract)', async () => {
        server.handle = (_q, res) => json(res, 500, { status: 'ERROR', code: 'UNEXPECTED', message: 'boom' });
        const err = await expectApiError(() => client.listOrganizations());
        assert.equal(err.kind, 'server');
        assert.equal(server.requests.length, 1);
      });

      it('honours Retry-After in seconds and as an HTTP date', async () => {
        let n = 0;
        server.handle = (_q, res) =>
          ++n === 1
            ? json(res, 429, { status: 'ERROR', message: 'rl' }, { 'retry-after': '2' })
            : json(res, 200, OK_ORGS);
        await client.listOrganizations();
        assert.deepEqual(clock.sleeps, [2000]);

        n = 0;
        clock.sleeps = [];
        const at = new Date(clock.now() + 7000).toUTCString();
        server.handle = (_q, res) =>
          ++n === 1
            ? json(res, 429, { status: 'ERROR', message: 'rl' }, { 'retry-after': at })
            : json(res, 200, OK_ORGS);
        await client.listOrganizations();
        assert.equal(clock.sleeps.length, 1);
        assert.ok(clock.sleeps[0] > 6000 && clock.sleeps[0] <= 7000, String(clock.sleeps[0]));
      });

      it('does not wait for a Retry-After longer than a minute', async () => {
        server.handle = (_q, res) =>
          json(res, 503, { status: 'ERROR', message: 'maintenance' }, { 'retry-after': '3600' });
        const err = await expectApiError(() => client.listOrganizations());
        assert.equal(err.kind, 'server');
        assert.equal(server.requests.length, 1);
        assert.deepEqual(clock.sleeps, []);
      });

      it('gives up after maxAttempts with a rate-limit message', async () => {
        server.handle = (_q, res) => json(res, 429, { status: 'ERROR', message: 'rl' });
        const err = await expectApiError(() => client.listOrganizations());
        assert.equal(server.requests.length, 3);
        assert.equal(err.kind, 'rateLimited');
        assert.match(err.message, /after 3 attempts/);
      });
    });

    describe('timeouts and cancellation', () => {
      const held: (() => void)[] = [];
      beforeEach(() => {
        server.handle = (_q, res) => held.push(() => json(res, 200, OK_ORGS));
      });
      afterEach(() => held.splice(0).forEach((f) => f()));

      // The deadline passes when the test says so (holdDeadline), once the server holds the
      // request: no real 300 ms timer racing the connection on a loaded machine.
      const HELD_DEADLINE_MS = 3_600_000;

      it('gives a read one deadline for all its attempts, and says how long it took and what was tried', async () => {
        const deadline = holdDeadline(HELD_DEADLINE_MS);
        try {
          const pending = client.listOrganizations(undefined, { timeoutMs: HELD_DEADLINE_MS });
          pending.catch(() => undefined);
          await waitFor(() => server.requests.length === 1);
          assert.equal(deadline.pending, 1, 'the call armed its deadline');
          deadline.fire();
          const err = await expectApiError(() => pending);
          assert.equal(err.kind, 'timeout');
          assert.equal(err.status, 0);
          assert.match(err.message, /timed out after [\d.]+ m?s \(1 attempt, no answer\)/);
          assert.equal(server.requests.length, 1, 'no retry past the deadline');
          assert.equal(err.attempts, 1);
        } finally {
          deadline.restore();
        }
      });

      it('reports a write that timed out after it was sent as outcomeUnknown, without retrying', async () => {
        const deadline = holdDeadline(HELD_DEADLINE_MS);
        try {
          const c = make({ timeoutMs: HELD_DEADLINE_MS });
          const pending = c.deleteProject({ orgIdentifier: 'o', projectIdentifier: 'p' });
          pending.catch(() => undefined);
          await waitFor(() => server.requests.length === 1);
          deadline.fire();
          const err = await expectApiError(() => pending);
          assert.equal(err.kind, 'outcomeUnknown');
          assert.equal(err.outcomeReason, 'timeout');
          assert.equal(err.retryable, false);
          assert.match(err.message, /may have applied it/);
          assert.equal(server.requests.length, 1);
        } finally {
          deadline.restore();
        }
      });

      it('cancels an in-flight request via AbortSignal', async () => {
        const ac = new AbortController();
        const pending = client.listOrganizations(undefined, { signal: ac.signal });
        await waitFor(() => server.requests.length === 1);
        ac.abort();
        const err = await expectApiError(() => pending);
        assert.equal(err.kind, 'cancelled');
        assert.equal(server.requests.length, 1, 'a cancelled call is not retried');
      });

      it('cancels a call waiting between retries', async () => {
        server.handle = (_q, res) => json(res, 503, { status: 'ERROR', message: 'busy' });
        clock.hold = true;
        const ac = new AbortController();
        const pending = client.listOrganizations(undefined, { signal: ac.signal });
        await waitFor(() => clock.sleeps.length === 1);
        ac.abort();
        const err = await expectApiError(() => pending);
        assert.equal(err.kind, 'cancelled');
        assert.equal(server.requests.length, 1);
      });

      it('does not send anything when the signal is already aborted', async () => {
        const ac = new AbortController();
        ac.abort();
        const err = await expectApiError(() => client.listOrganizations(undefined, { signal: ac.signal }));
        assert.equal(err.kind, 'cancelled');
        assert.equal(server.requests.length, 0);
      });

      it('cancels a call waiting for the rate limiter', async () => {
        server.handle = (_q, res) => json(res, 200, OK_ORGS);
        const c = make({ rateLimit: { perMinute: 1, burst: 1 } });
        await c.listOrganizations();
        clock.hold = true;
        const ac = new AbortController();
        const pending = c.listOrganizations(undefined, { signal: ac.signal });
        await waitFor(() => clock.sleeps.length === 1);
        assert.ok(
          clock.sleeps[0] > 59_000,
          `waits about a minute for the next token, got ${clock.sleeps[0]}`,
        );
        ac.abort();
        const err = await expectApiError(() => pending);
        assert.equal(err.kind, 'cancelled');
        assert.equal(server.requests.length, 1);
      });
    });

    it('logs one line per request with method, path, status and attempt, but no token or query', async () => {
      const lines: string[] = [];
      const c = make({ logger: { debug: (m) => lines.push(m), warn: (m) => lines.push(m) } });
      let n = 0;
      server.handle = (_q, res) =>
        ++n === 1 ? json(res, 503, { status: 'ERROR', message: 'busy' }) : json(res, 200, OK_ORGS);
      await c.listOrganizations({ searchTerm: 'secretsearch' });
      const requestLines = lines.filter((l) => /attempt \d\/\d$/.test(l));
      assert.equal(requestLines.length, 2);
      assert.match(requestLines[0], /^GET \/ng\/api\/organizations 503 \d+ms attempt 1\/3$/);
      assert.match(requestLines[1], /^GET \/ng\/api\/organizations 200 \d+ms attempt 2\/3$/);
      assert.ok(lines.some((l) => /retrying in \d+ ms/.test(l)));
      for (const l of lines) {
        assert.ok(!l.includes('S3cr3t') && !l.includes('secretsearch') && !l.includes('acct1'), l);
      }
    });
  });

/** Polls a condition on the event loop with a bounded wait. */
export async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
