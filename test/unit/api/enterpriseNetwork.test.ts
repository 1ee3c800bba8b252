// Enterprise networks: a user behind a proxy that requires Proxy-Authorization, talking to a
// Harness whose certificate is signed by a private CA, can sign in; http.noProxy is honoured; the
// CA comes from the system store (SSL_CERT_FILE stands in for it here) or NODE_EXTRA_CA_CERTS.
// The CA is generated for the test (openssl) and deleted after; the proxy and the TLS server are
// on 127.0.0.1, and the proxy maps the test's host name `harness.test` to the TLS server.
import * as assert from 'node:assert/strict';
import { request } from 'undici';
import { verifyAccount } from '../../../src/account/verify';
import { createHarnessClient } from '../../../src/api/client';
import {
  CertificateTrust,
  createDispatcher,
  noProxyList,
  trustedCertificates,
} from '../../../src/api/dispatcher';
import { HarnessApiError } from '../../../src/api/errors';
import { describeApiError } from '../../../src/ui/errorText';
import { assertNoSecret, expectApiError } from './errorSurfaces';
import { startAuthProxy, startTlsServer } from './helpers/faultServers';
import { recordFault, timed } from './helpers/faultTable';
import { type PrivateCa, makePrivateCa, opensslAvailable } from './helpers/privateCa';
import { TEST_CERT } from './selfSignedCert';
import { undiciTransport } from '../../../src/api/undiciTransport';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const PROXY_PASSWORD = 'pr0xyPassw0rd';
const AUTHORIZATION = `Basic ${Buffer.from(`alice:${PROXY_PASSWORD}`).toString('base64')}`;

function harnessLike(
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
): void {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const send = (body: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'SUCCESS', data: body }));
  };
  if (path === '/ng/api/user/currentUser')
    return send({ uuid: 'u1', email: 'alice@example.com', name: 'Alice' });
  if (path === '/ng/api/accounts/acct1') return send({ identifier: 'acct1', name: 'Acme' });
  return send({ content: [], pageIndex: 0, pageSize: 50, totalItems: 0, totalPages: 0 });
}

describe('enterprise networks: authenticating proxy and private CA', function () {
  this.timeout(20_000);
  let ca: PrivateCa;
  let server: Awaited<ReturnType<typeof startTlsServer>>;
  let proxy: Awaited<ReturnType<typeof startAuthProxy>>;

  before(async function () {
    if (!opensslAvailable()) this.skip();
    ca = makePrivateCa({ dns: ['harness.test'], ip: ['127.0.0.1'] });
    server = await startTlsServer(ca.serverKey, ca.serverCert, harnessLike);
    proxy = await startAuthProxy({ authorization: AUTHORIZATION, routes: { 'harness.test': server.port } });
  });
  after(async () => {
    await proxy?.close();
    await server?.close();
    ca?.remove();
  });
  beforeEach(() => {
    proxy.connects.length = 0;
    server.requests.length = 0;
  });

  it('signs in through the proxy with http.proxyAuthorization, trusting the CA from the system store', async () => {
    const client = createHarnessClient({
      transport: undiciTransport({
        proxy: { url: proxy.url, authorization: AUTHORIZATION, systemCertificates: true },
        env: { SSL_CERT_FILE: ca.caFile },
      }),
      baseUrl: 'https://harness.test',
      token: TOKEN,
    });
    try {
      const { ms, value } = await timed(() => verifyAccount(client));
      assert.deepEqual(value, { ok: true, accountName: 'Acme', userLabel: 'alice@example.com' });
      assert.ok(proxy.connects.length >= 1);
      for (const c of proxy.connects) {
        assert.equal(c.target, 'harness.test:443');
        assert.equal(c.authorization, AUTHORIZATION);
        assert.equal(c.apiKeySeen, false, 'the proxy never sees the API key');
      }
      assert.deepEqual(
        server.requests.map((r) => [r.apiKey, r.proxyAuthorization]),
        [
          [true, false],
          [true, false],
        ],
        'Harness gets the API key and never the proxy credentials',
      );
      recordFault({
        fault: 'Authenticating proxy + private CA (sign-in, credentials and CA configured)',
        ms,
        kind: 'success',
        message: '(sign-in succeeds: the token check and the account read return "Acme", alice@example.com)',
        note: 'CONNECT harness.test:443 with Proxy-Authorization; CA from the system store',
      });
    } finally {
      await client.close();
    }
  });

  it('trusts a CA from NODE_EXTRA_CA_CERTS, and takes proxy credentials from the proxy URL', async () => {
    const port = new URL(proxy.url).port;
    const client = createHarnessClient({
      transport: undiciTransport({
        proxy: { url: `http://alice:${PROXY_PASSWORD}@127.0.0.1:${port}` },
        env: { NODE_EXTRA_CA_CERTS: ca.caFile },
      }),
      baseUrl: 'https://harness.test',
      token: TOKEN,
    });
    try {
      assert.equal((await client.listOrganizations()).totalItems, 0);
      assert.equal(proxy.connects[0]?.authorization, AUTHORIZATION);
    } finally {
      await client.close();
    }
  });

  it('without proxy credentials: 407, says how to set them, one CONNECT, nothing leaked', async () => {
    const client = createHarnessClient({
      transport: undiciTransport({
        proxy: { url: proxy.url, systemCertificates: true },
        env: { SSL_CERT_FILE: ca.caFile },
      }),
      baseUrl: 'https://harness.test',
      token: TOKEN,
    });
    try {
      const { ms, error } = await timed(() => client.listOrganizations());
      assert.ok(error instanceof HarnessApiError, String(error));
      assert.equal(error.kind, 'network');
      assert.match(error.message, /requires authentication \(proxy answered HTTP 407\)/);
      assert.match(error.message, /http\.proxyAuthorization/);
      assert.equal(proxy.connects.length, 1, 'not retried');
      assert.equal(server.requests.length, 0);
      assertNoSecret(error, TOKEN);
      recordFault({
        fault: 'Authenticating proxy, no credentials configured',
        ms,
        kind: error.kind,
        message: `Harness: ${describeApiError(error, 'list organizations')}`,
        note: '1 CONNECT; not retried',
      });

      const wrong = createHarnessClient({
        transport: undiciTransport({
          proxy: { url: `http://alice:wrong${PROXY_PASSWORD}@${new URL(proxy.url).host}` },
          env: { NODE_EXTRA_CA_CERTS: ca.caFile },
        }),
        baseUrl: 'https://harness.test',
        token: TOKEN,
      });
      try {
        const err = await expectApiError(() => wrong.listOrganizations());
        assert.match(err.message, /HTTP 407/);
        for (const surface of [err.message, JSON.stringify(err), ...err.details]) {
          assert.ok(!surface.includes(PROXY_PASSWORD), 'the proxy password is not in the error');
        }
      } finally {
        await wrong.close();
      }
    } finally {
      await client.close();
    }
  });

  it('without the private CA: not trusted, with advice, and no request over that connection', async () => {
    const client = createHarnessClient({
      transport: undiciTransport({
        proxy: { url: proxy.url, authorization: AUTHORIZATION, systemCertificates: false },
        env: {},
      }),
      baseUrl: 'https://harness.test',
      token: TOKEN,
    });
    try {
      const { ms, error } = await timed(() => client.listOrganizations());
      assert.ok(error instanceof HarnessApiError, String(error));
      assert.equal(error.kind, 'network');
      assert.match(error.message, /TLS certificate of harness\.test was not trusted/);
      assert.match(error.message, /http\.systemCertificates/);
      assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
      assert.equal(server.requests.length, 0);
      recordFault({
        fault: 'Private CA not trusted (system store off, no NODE_EXTRA_CA_CERTS)',
        ms,
        kind: error.kind,
        message: `Harness: ${describeApiError(error, 'list organizations')}`,
        note: 'no HTTP request (and no token) over the untrusted connection',
      });
    } finally {
      await client.close();
    }
  });

  it('direct (loopback) connections use the same trust', async () => {
    const trusting = createHarnessClient({
      transport: undiciTransport({ proxy: { systemCertificates: true }, env: { SSL_CERT_FILE: ca.caFile } }),
      baseUrl: server.url,
      token: TOKEN,
    });
    const plain = createHarnessClient({
      transport: undiciTransport({ env: {} }),
      baseUrl: server.url,
      token: TOKEN,
      retry: { maxAttempts: 1 },
    });
    try {
      assert.equal((await trusting.listOrganizations()).totalItems, 0);
      const err = await expectApiError(() => plain.listOrganizations());
      assert.match(err.message, /not trusted/);
    } finally {
      await trusting.close();
      await plain.close();
    }
  });

  it('refuses a multi-line proxy authorization (header injection)', () => {
    assert.throws(
      () =>
        createHarnessClient({
          transport: undiciTransport({ proxy: { url: proxy.url, authorization: 'Basic abc\r\nX-Evil: 1' } }),
          baseUrl: 'https://harness.test',
          token: TOKEN,
        }),
      /single line/,
    );
  });
});

describe('http.noProxy', () => {
  it('is merged with NO_PROXY, and a matching host goes direct', async () => {
    assert.equal(
      noProxyList({ NO_PROXY: 'a.example, b.example' }, ['.harness.test', 'a.example']),
      'a.example,b.example,.harness.test',
    );
    assert.equal(noProxyList({}, ['x', '*']), '*');
    assert.equal(noProxyList({}, []), '');

    const direct: string[] = [];
    const fakeConnect = (opts: { hostname: string }, cb: (err: Error | null, socket: null) => void): void => {
      direct.push(opts.hostname);
      cb(new Error('direct connection blocked by test'), null);
    };
    const { dispatcher, route } = createDispatcher(
      'https://api.harness.test',
      { url: 'http://127.0.0.1:9', noProxy: ['.harness.test'] },
      {},
      fakeConnect as never,
    );
    try {
      assert.equal(route, 'proxy');
      await assert.rejects(request('https://api.harness.test/ng/api/organizations', { dispatcher }));
      assert.deepEqual(direct, ['api.harness.test']);
    } finally {
      await dispatcher.close();
    }
  });
});

describe('trusted certificates', () => {
  it("keeps Node's defaults when there is nothing to add", async () => {
    const t = await trustedCertificates(
      { systemCertificates: false },
      { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS },
    );
    assert.equal(t.ca, undefined);
  });

  it("adds extra CAs to Node's roots, drops what is not a certificate, and is off with strictSSL false", async () => {
    const t = await trustedCertificates({ ca: [TEST_CERT, 'not a certificate'] }, {});
    assert.ok(t.ca);
    assert.ok(t.ca.includes(TEST_CERT));
    assert.ok(!t.ca.includes('not a certificate'));
    assert.ok(t.ca.length > 100, "Node's bundled roots are kept");
    assert.deepEqual(t.sources, ['extra CA: 2']);
    const off = await trustedCertificates({ ca: [TEST_CERT], strictSSL: false }, {});
    assert.equal(off.ca, undefined);
  });

  it('works a list out once per CertificateTrust (the extension shares one), with one secure context', async () => {
    const trust = new CertificateTrust();
    const first = trust.trusted({ ca: [TEST_CERT] }, {});
    assert.equal(trust.trusted({ ca: [TEST_CERT] }, {}), first, 'same inputs: the same answer');
    assert.notEqual(new CertificateTrust().trusted({ ca: [TEST_CERT] }, {}), first, 'instances are apart');
    const { ca } = await first;
    assert.ok(ca);
    assert.equal(trust.secureContext(ca), trust.secureContext(ca));
  });
});
