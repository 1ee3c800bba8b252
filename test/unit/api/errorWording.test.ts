// What the user is told for pages and statuses a real network produces: a 5xx HTML page is
// Harness being unavailable (not a proxy or sign-in page), a 429 HTML page says one consistent
// thing, a 404 on a create is about where it goes, and a long Retry-After is named. The same for
// both transports (undici and fetch).
import * as assert from 'node:assert/strict';
import { createHarnessClient } from '../../../src/api/client';
import { describeApiError } from '../../../src/ui/errorText';
import { expectApiError } from './errorSurfaces';
import { recordFault, timed, via } from './helpers/faultTable';
import { type RawServer, json, startRawServer } from './rawServer';
import { TRANSPORTS } from './transports';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';

function html(status: number, title: string, headers: Record<string, string> = {}) {
  return (_q: unknown, res: import('node:http').ServerResponse): void => {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end(`<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
  };
}

for (const { name, factory } of TRANSPORTS)
  describe(`error wording for pages a real network produces (${name})`, function () {
    this.timeout(10_000);
    let server: RawServer;
    beforeEach(async () => {
      server = await startRawServer();
    });
    afterEach(() => server.close());

    it('a 503 HTML page says Harness is unavailable, not that a proxy or sign-in page answered', async () => {
      server.handle = html(503, '503 Service Temporarily Unavailable');
      const client = createHarnessClient({
        baseUrl: server.url,
        token: TOKEN,
        transport: factory,
        retry: { baseDelayMs: 5 },
      });
      try {
        const { ms, error } = await timed(() => client.listOrganizations());
        const err = error as import('../../../src/api/errors').HarnessApiError;
        assert.equal(err.kind, 'server');
        assert.match(err.message, /HTML page instead of JSON \(HTTP 503, service unavailable\)/);
        assert.match(err.message, /unavailable or overloaded right now/);
        assert.doesNotMatch(err.message, /proxy|firewall|sign-in/);
        assert.deepEqual(err.details, ['page title: 503 Service Temporarily Unavailable']);
        assert.equal(server.requests.length, 4, 'a 503 on a read is retried');
        recordFault({
          fault: `503 HTML page (read, 4 attempts)${via(name)}`,
          ms,
          kind: err.kind,
          message: `Harness: ${describeApiError(err, 'list organizations')}`,
          note: '4 requests (safe read, backoff 5 ms in this test)',
        });
      } finally {
        await client.close();
      }
    });

    it('a 429 HTML page gives one consistent rate-limit message', async () => {
      server.handle = html(429, '429 Too Many Requests');
      const client = createHarnessClient({
        transport: factory,
        baseUrl: server.url,
        token: TOKEN,
        retry: { baseDelayMs: 5, maxAttempts: 2 },
      });
      try {
        const { ms, error } = await timed(() => client.listOrganizations());
        const err = error as import('../../../src/api/errors').HarnessApiError;
        assert.equal(err.kind, 'rateLimited');
        assert.match(
          err.message,
          /rate limited the request to list organizations \(HTTP 429\) and still refused after 2 attempts/,
        );
        assert.doesNotMatch(err.message, /proxy settings|sign-in|base URL/);
        recordFault({
          fault: `429 HTML page (read, 2 attempts)${via(name)}`,
          ms,
          kind: err.kind,
          message: `Harness: ${describeApiError(err, 'list organizations')}`,
        });

        const write = await expectApiError(() => client.createOrganization({ identifier: 'o', name: 'o' }));
        assert.equal(write.kind, 'rateLimited');
        assert.match(write.message, /not retried automatically\. Wait a moment and try again\./);
        assert.doesNotMatch(write.message, /proxy settings|sign-in/);
      } finally {
        await client.close();
      }
    });

    it('a 502 or 504 HTML page on a read names the gateway status', async () => {
      server.handle = html(504, '504 Gateway Time-out');
      const client = createHarnessClient({
        baseUrl: server.url,
        token: TOKEN,
        transport: factory,
        retry: { maxAttempts: 1 },
      });
      try {
        const err = await expectApiError(() => client.getOrganization('default'));
        assert.equal(err.kind, 'server');
        assert.match(err.message, /\(HTTP 504, gateway timeout\)/);
      } finally {
        await client.close();
      }
    });

    it('a sign-in page (HTML with 200) and an HTML 404 still point at the base URL and proxy', async () => {
      const client = createHarnessClient({ baseUrl: server.url, token: TOKEN, transport: factory });
      try {
        server.handle = html(200, 'Sign in');
        const login = await expectApiError(() => client.getOrganization('default'));
        assert.equal(login.kind, 'badResponse');
        assert.match(login.message, /sign-in page/);

        server.handle = html(404, 'Not Found');
        const missing = await expectApiError(() => client.getOrganization('default'));
        assert.equal(missing.kind, 'badResponse', 'an HTML 404 is not Harness saying the org does not exist');
        assert.match(missing.message, /base URL/);
      } finally {
        await client.close();
      }
    });

    it('a 404 on a create says where it goes was not found, not the thing being created', async () => {
      server.handle = (_q, res) =>
        json(res, 404, {
          status: 'ERROR',
          code: 'RESOURCE_NOT_FOUND',
          message: 'Organization [nope] not found',
        });
      const client = createHarnessClient({ baseUrl: server.url, token: TOKEN, transport: factory });
      try {
        const err = await expectApiError(() =>
          client.createProject({ orgIdentifier: 'nope', identifier: 'p1', name: 'P1' }),
        );
        assert.equal(err.kind, 'notFound');
        assert.doesNotMatch(err.message, /Project "nope\/p1" not found/);
        assert.match(
          err.message,
          /answered "not found" \(HTTP 404\) to the request to create project nope\/p1: the organization or project it goes into/,
        );
        assert.match(err.message, /Organization \[nope\] not found/);

        const read = await expectApiError(() =>
          client.getProject({ orgIdentifier: 'nope', projectIdentifier: 'p1' }),
        );
        assert.match(read.message, /Project "nope\/p1" not found/, 'reads keep naming the thing');
      } finally {
        await client.close();
      }
    });
  });
