// Proxy routing: an explicit proxy and HTTPS_PROXY go through undici's proxy agent (seen as a
// CONNECT at a loopback proxy that refuses it, so nothing leaves the machine); NO_PROXY and
// loopback targets go direct.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { createHarnessClient } from '../../../src/api/client';
import { createDispatcher } from '../../../src/api/dispatcher';
import { assertNoSecret, expectApiError } from './errorSurfaces';
import { json, startRawServer } from './rawServer';
import { undiciTransport } from '../../../src/api/undiciTransport';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';

interface SeenConnect {
  target: string;
  headers: http.IncomingHttpHeaders;
}

async function startRefusingProxy(): Promise<{
  url: string;
  connects: SeenConnect[];
  plain: string[];
  close(): Promise<void>;
}> {
  const connects: SeenConnect[] = [];
  const plain: string[] = [];
  const server = http.createServer((req, res) => {
    plain.push(req.url ?? '');
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
    connects.push({ target: req.url ?? '', headers: req.headers });
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    connects,
    plain,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('proxy support', () => {
  let proxy: Awaited<ReturnType<typeof startRefusingProxy>>;
  beforeEach(async () => {
    proxy = await startRefusingProxy();
  });
  afterEach(() => proxy.close());

  it('tunnels through an explicitly configured proxy without showing it the token', async () => {
    const client = createHarnessClient({
      transport: undiciTransport({ proxy: { url: proxy.url }, env: {} }),
      token: TOKEN,
      retry: { maxAttempts: 1 },
    });
    try {
      assert.equal(client.proxyRoute, 'proxy');
      const err = await expectApiError(() => client.listOrganizations());
      assert.equal(err.kind, 'network');
      assert.match(err.message, /proxy refused to connect to app\.harness\.io \(proxy answered HTTP 403\)/);
      assert.equal(proxy.connects.length, 1);
      assert.equal(proxy.connects[0].target, 'app.harness.io:443');
      assert.equal(proxy.connects[0].headers['x-api-key'], undefined);
      assertNoSecret(err, TOKEN);
    } finally {
      await client.close();
    }
  });

  it('uses HTTPS_PROXY from the environment', async () => {
    const client = createHarnessClient({
      transport: undiciTransport({ env: { HTTPS_PROXY: proxy.url } }),
      token: TOKEN,
      baseUrl: 'https://app3.harness.io',
      retry: { maxAttempts: 1 },
    });
    try {
      assert.equal(client.proxyRoute, 'env');
      await expectApiError(() => client.getOrganization('default'));
      assert.deepEqual(
        proxy.connects.map((c) => c.target),
        ['app3.harness.io:443'],
      );
    } finally {
      await client.close();
    }
  });

  it('honours NO_PROXY (decided by undici) and goes direct', async () => {
    const directHosts: string[] = [];
    const fakeConnect = (opts: { hostname: string }, cb: (err: Error | null, socket: null) => void): void => {
      directHosts.push(opts.hostname);
      cb(new Error('direct connection blocked by test'), null);
    };
    const { dispatcher, route } = createDispatcher(
      'https://app.harness.io',
      undefined,
      { https_proxy: proxy.url, no_proxy: 'localhost,.harness.io' },
      fakeConnect as never,
    );
    try {
      assert.equal(route, 'env');
      await assert.rejects(request('https://app.harness.io/ng/api/organizations', { dispatcher }));
      assert.deepEqual(directHosts, ['app.harness.io']);
      assert.equal(proxy.connects.length, 0);
    } finally {
      await dispatcher.close();
    }

    const other = createDispatcher(
      'https://app.harness.io',
      undefined,
      { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com' },
      fakeConnect as never,
    );
    try {
      await assert.rejects(
        request('https://app.harness.io/ng/api/organizations', { dispatcher: other.dispatcher }),
      );
      assert.equal(proxy.connects.length, 1, 'not excluded: goes through the proxy');
      assert.deepEqual(directHosts, ['app.harness.io']);
    } finally {
      await other.dispatcher.close();
    }
  });

  it('never proxies loopback, even with a proxy configured', async () => {
    const target = await startRawServer((_q, res) =>
      json(res, 200, {
        status: 'SUCCESS',
        data: { content: [], pageIndex: 0, pageSize: 50, totalItems: 0, totalPages: 0 },
      }),
    );
    const client = createHarnessClient({
      transport: undiciTransport({ proxy: { url: proxy.url }, env: { HTTP_PROXY: proxy.url } }),
      token: TOKEN,
      baseUrl: target.url,
    });
    try {
      assert.equal(client.proxyRoute, 'direct');
      await client.listOrganizations();
      assert.equal(target.requests.length, 1);
      assert.equal(proxy.connects.length + proxy.plain.length, 0);
    } finally {
      await client.close();
      await target.close();
    }
  });

  it('goes direct without any proxy setting, and rejects a malformed proxy URL', async () => {
    const direct = createDispatcher('https://app.harness.io', undefined, {});
    assert.equal(direct.route, 'direct');
    await direct.dispatcher.close();
    assert.throws(
      () => createDispatcher('https://app.harness.io', { url: 'not a url' }, {}),
      /not a valid URL/,
    );
    assert.throws(
      () => createDispatcher('https://app.harness.io', { url: 'socks5://127.0.0.1:1080' }, {}),
      /http:\/\/ or https:\/\//,
    );
  });
});
