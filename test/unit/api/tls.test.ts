// Certificate verification: on by default, off only with strictSSL: false (VS Code's
// http.proxyStrictSSL), checked against a loopback HTTPS server with a self-signed certificate.
import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHarnessClient } from '../../../src/api/client';
import { expectApiError } from './errorSurfaces';
import { TEST_CERT, TEST_KEY } from './selfSignedCert';
import { undiciTransport } from '../../../src/api/undiciTransport';
import { undici } from './transports';

describe('TLS verification', () => {
  let server: https.Server;
  let url: string;
  let hits = 0;

  before(async () => {
    server = https.createServer({ cert: TEST_CERT, key: TEST_KEY }, (_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'SUCCESS',
          data: { organization: { identifier: 'default', name: 'default' } },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it('rejects an untrusted certificate by default, with advice and without retrying', async () => {
    const client = createHarnessClient({
      transport: undici,
      baseUrl: url,
      token: 'pat.acct1.tok.S3cr3tValueXYZ',
      retry: { baseDelayMs: 1 },
    });
    try {
      const err = await expectApiError(() => client.getOrganization('default'));
      assert.equal(err.kind, 'network');
      assert.equal(err.retryable, false);
      assert.match(err.message, /TLS certificate of 127\.0\.0\.1:\d+ was not trusted/);
      assert.match(err.message, /http\.proxyStrictSSL/);
      assert.equal(hits, 0, 'no HTTP request (and no token) went over the untrusted connection');
    } finally {
      await client.close();
    }
  });

  it('accepts it with strictSSL: false', async () => {
    const client = createHarnessClient({
      transport: undiciTransport({ proxy: { strictSSL: false } }),
      baseUrl: url,
      token: 'pat.acct1.tok.S3cr3tValueXYZ',
    });
    try {
      assert.equal((await client.getOrganization('default')).identifier, 'default');
      assert.equal(hits, 1);
    } finally {
      await client.close();
    }
  });
});
