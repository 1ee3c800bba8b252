// What only a browser's fetch does, with a scripted fetch standing in for the browser: a redirect
// it will not show (an opaque redirect: no status, no Location), "Failed to fetch" with no reason
// (offline, DNS, a certificate or CORS look the same), no user-agent header of ours, and the
// request options that keep cookies, the HTTP cache and the Referer out. The behaviours shared
// with undici run against Node's real fetch in the suites parameterised over ./transports.ts.
import * as assert from 'node:assert/strict';
import { createHarnessClient } from '../../../src/api/client';
import { fetchTransport } from '../../../src/api/fetchTransport';
import { FETCH_FAILED } from '../../../src/api/transport';
import { describeApiError } from '../../../src/ui/errorText';
import { assertNoSecret, expectApiError } from './errorSurfaces';
import { FakeClock } from './fakeClock';

const TOKEN = 'pat.acct1.tok123.S3cr3tValueXYZ';
const OK_ORGS = {
  status: 'SUCCESS',
  data: { content: [], pageIndex: 0, pageSize: 50, totalItems: 0, totalPages: 0 },
};

interface Seen {
  url: string;
  init: RequestInit & { cache?: string };
}

/** A fetch that records what it was asked and answers with `answer` (a Response, or throws). */
function scriptedFetch(answer: (n: number) => Response): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push({ url: String(input), init: init ?? {} });
    return answer(seen.length);
  };
  return { fetch: fn as typeof fetch, seen };
}

/** What a browser gives for `redirect: 'manual'`: type "opaqueredirect", status 0, no headers. */
function opaqueRedirect(): Response {
  const res = new Response(null, { status: 200 });
  Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(res, 'status', { value: 0 });
  return res;
}

function browserClient(fetchFn: typeof fetch, clock = new FakeClock()) {
  return createHarnessClient({
    baseUrl: 'https://app.harness.io',
    token: TOKEN,
    transport: fetchTransport({ fetch: fetchFn, sendUserAgent: false }),
    clock,
    retry: { baseDelayMs: 5, maxAttempts: 3 },
  });
}

describe('fetch transport: what only a browser does', () => {
  it('sends the key, no user-agent, no cookies, no cache, no Referer, and never follows redirects', async () => {
    const { fetch, seen } = scriptedFetch(() => Response.json(OK_ORGS));
    const client = browserClient(fetch);
    await client.listOrganizations({ pageIndex: 1 });
    assert.equal(seen.length, 1);
    const { url, init } = seen[0];
    assert.equal(new URL(url).pathname, '/ng/api/organizations');
    assert.equal(new URL(url).searchParams.get('accountIdentifier'), 'acct1');
    assert.ok(!url.includes('S3cr3t'), 'the token is never in the URL');
    const headers = init.headers as Record<string, string>;
    assert.equal(headers['x-api-key'], TOKEN);
    assert.equal(headers.accept, 'application/json');
    assert.equal(
      headers['user-agent'],
      undefined,
      'a page cannot set it; naming it only adds to the preflight',
    );
    assert.equal(init.redirect, 'manual');
    assert.equal(init.credentials, 'omit');
    assert.equal(init.cache, 'no-store');
    assert.equal(init.referrerPolicy, 'no-referrer');
    assert.ok(init.signal instanceof AbortSignal);
    assert.equal(client.transportKind, 'fetch');
    assert.equal(client.proxyRoute, 'direct');
  });

  it('reports an opaque redirect (no status, no Location) without following it or retrying', async () => {
    const { fetch, seen } = scriptedFetch(() => opaqueRedirect());
    const err = await expectApiError(() => browserClient(fetch).listOrganizations());
    assert.equal(err.kind, 'badResponse');
    assert.equal(err.status, 0);
    assert.match(
      err.message,
      /redirected the request to list organizations to an unknown location; the token was not sent there/,
    );
    assert.doesNotMatch(err.message, /HTTP 0/);
    assert.equal(seen.length, 1);
  });

  it('"Failed to fetch" on a read: a network error that says the browser gave no reason and names CORS, retried', async () => {
    const { fetch, seen } = scriptedFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const clock = new FakeClock();
    const err = await expectApiError(() => browserClient(fetch, clock).listOrganizations());
    assert.equal(err.kind, 'network');
    assert.equal(err.code, FETCH_FAILED);
    assert.match(
      err.message,
      /^Could not reach app\.harness\.io to list organizations: the browser reported a network failure without a reason/,
    );
    assert.match(err.message, /accept requests from this page \(CORS\)/);
    assert.match(err.message, /3 attempts: failed to fetch, failed to fetch, then failed to fetch/);
    assert.equal(seen.length, 3, 'a read is retried');
    assert.equal(clock.sleeps.length, 2);
    assertNoSecret(err, TOKEN);
  });

  it('"Failed to fetch" on a write: outcomeUnknown (the browser cannot say whether it left), sent once', async () => {
    const { fetch, seen } = scriptedFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = await expectApiError(() =>
      browserClient(fetch).createProject({ orgIdentifier: 'default', identifier: 'p1', name: 'P1' }),
    );
    assert.equal(err.kind, 'outcomeUnknown');
    assert.equal(err.outcomeReason, 'connectionLost');
    assert.match(
      err.message,
      /the browser reported a network failure and cannot tell whether the request reached Harness\. The request was sent, so Harness may have applied it/,
    );
    assert.equal(seen.length, 1, 'writes are never retried');
    assert.match(describeApiError(err, 'create project p1'), /^Not confirmed: create project p1/);
  });

  it('a failure whose cause says nothing was connected (Node: ECONNREFUSED) is a write that never left', async () => {
    const { fetch } = scriptedFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    });
    const err = await expectApiError(() =>
      browserClient(fetch).createProject({ orgIdentifier: 'default', identifier: 'p1', name: 'P1' }),
    );
    assert.equal(err.kind, 'network');
    assert.equal(err.code, 'ECONNREFUSED');
    assert.match(err.message, /Nothing reached Harness, so it is safe to try again/);
  });

  it('without Access-Control-Expose-Headers a 429 has no readable Retry-After: the read backs off as usual', async () => {
    // What a browser shows when Harness does not expose Retry-After: the header is simply absent.
    const { fetch, seen } = scriptedFetch((n) =>
      n === 1
        ? Response.json({ status: 'ERROR', message: 'slow down' }, { status: 429 })
        : Response.json(OK_ORGS),
    );
    const clock = new FakeClock();
    await browserClient(fetch, clock).listOrganizations();
    assert.equal(seen.length, 2);
    assert.equal(clock.sleeps.length, 1);
    assert.ok(clock.sleeps[0] <= 10, `backoff ${clock.sleeps[0]} ms, not a Retry-After wait`);
  });
});
