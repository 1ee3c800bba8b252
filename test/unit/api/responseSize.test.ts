// Response size cap: a 100 MB answer is abandoned as soon as it passes 32 MB (streamed, counted,
// the connection closed), and one that declares a larger Content-Length is not read at all. The
// same for both transports: fetch reads the body as a stream too, and cancels it at the cap.
import * as assert from 'node:assert/strict';
import { createHarnessClient } from '../../../src/api/client';
import { HarnessApiError } from '../../../src/api/errors';
import { DEFAULT_MAX_RESPONSE_BYTES, HarnessHttp } from '../../../src/api/http';
import { describeApiError } from '../../../src/ui/errorText';
import { startHugeBodyServer } from './helpers/faultServers';
import { recordFault, timed, via } from './helpers/faultTable';
import { TRANSPORTS } from './transports';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const MB = 1024 * 1024;

for (const { name, factory } of TRANSPORTS)
  describe(`response size cap (${name})`, function () {
    this.timeout(20_000);

    it('stops reading a 100 MB answer at 32 MB, closes the connection and says why', async () => {
      const server = await startHugeBodyServer({ totalBytes: 100 * MB });
      const client = createHarnessClient({
        baseUrl: server.url,
        token: TOKEN,
        transport: factory,
        timeoutMs: 15_000,
      });
      try {
        const rssBefore = process.memoryUsage().rss;
        const { ms, error } = await timed(() => client.listOrganizations());
        const rssGrowth = Math.round((process.memoryUsage().rss - rssBefore) / MB);
        assert.ok(error instanceof HarnessApiError, String(error));
        assert.equal(error.kind, 'badResponse');
        assert.match(
          error.message,
          /larger than 32 MB, the most the extension reads, so it stopped reading it/,
        );
        assert.equal(error.attempts, 1, 'not retried');
        const until = Date.now() + 2000;
        while (!server.clientClosed() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
        assert.ok(server.clientClosed(), 'the client hung up');
        const written = server.written();
        // The kernel's socket buffers hold a few MB beyond what the client read.
        assert.ok(
          written < DEFAULT_MAX_RESPONSE_BYTES + 16 * MB,
          `server wrote ${Math.round(written / MB)} MB`,
        );
        recordFault({
          fault: `Huge body (100 MB, chunked)${via(name)}`,
          limitMs: 15_000,
          ms,
          kind: error.kind,
          message: `Harness: ${describeApiError(error, 'list organizations')}`,
          note: `server wrote ${Math.round(written / MB)} MB before the client hung up; RSS +${rssGrowth} MB`,
        });
      } finally {
        await client.close();
        await server.close();
      }
    });

    it('refuses a declared Content-Length over the cap without reading the body', async () => {
      const server = await startHugeBodyServer({ totalBytes: 100 * MB, declareLength: true });
      const transport = new HarnessHttp({
        baseUrl: server.url,
        token: TOKEN,
        accountId: 'acct1',
        transport: factory,
        rateLimit: false,
        maxResponseBytes: MB,
      });
      try {
        const err = await transport
          .call({
            method: 'GET',
            path: '/ng/api/organizations',
            safe: true,
            op: { op: 'list organizations' },
          })
          .then(
            () => assert.fail('expected an error'),
            (e: unknown) => e as HarnessApiError,
          );
        assert.equal(err.kind, 'badResponse');
        assert.match(err.message, /larger than 1 MB/);
        const until = Date.now() + 2000;
        while (!server.clientClosed() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
        assert.ok(server.clientClosed());
        assert.ok(server.written() < 20 * MB, `server wrote ${Math.round(server.written() / MB)} MB`);
      } finally {
        await transport.close();
        await server.close();
      }
    });

    it('reads an answer just under the cap', async () => {
      const server = await startHugeBodyServer({ totalBytes: 2 * MB });
      const transport = new HarnessHttp({
        baseUrl: server.url,
        token: TOKEN,
        accountId: 'acct1',
        transport: factory,
        rateLimit: false,
        maxResponseBytes: 2 * MB,
      });
      try {
        // Two megabytes of spaces is not JSON, but it is read whole: the error is about the content.
        const err = await transport
          .call({
            method: 'GET',
            path: '/ng/api/organizations',
            safe: true,
            op: { op: 'list organizations' },
          })
          .then(
            (v) => v,
            (e: unknown) => e as HarnessApiError,
          );
        assert.ok(!(err instanceof HarnessApiError) || !/larger than/.test(err.message));
      } finally {
        await transport.close();
        await server.close();
      }
    });
  });
