import * as assert from 'node:assert/strict';
import { HarnessApiError, type HarnessErrorKind } from '../../../../src/api/errors';
import type { HarnessApi } from '../../../../src/api/types';
import { verifyAccount } from '../../../../src/account/verify';

function apiWith(verify: () => Promise<unknown>, account: () => Promise<unknown>): HarnessApi {
  return {
    baseUrl: 'https://h.example.com',
    accountId: 'acc1',
    verifyToken: verify,
    getAccount: account,
  } as unknown as HarnessApi;
}

const fail = (kind: HarnessErrorKind, status: number) => () =>
  Promise.reject(new HarnessApiError({ kind, status, message: `boom ${status}`, correlationId: 'c-1' }));

describe('verifyAccount', () => {
  it('returns the account name and user on success', async () => {
    const r = await verifyAccount(
      apiWith(
        async () => ({ kind: 'pat', user: { uuid: 'u', email: 'me@example.com' } }),
        async () => ({ identifier: 'acc1', name: 'Acme' }),
      ),
    );
    assert.deepEqual(r, { ok: true, accountName: 'Acme', userLabel: 'me@example.com' });
  });

  it('tolerates a 403 on the account read (service accounts without account view)', async () => {
    const r = await verifyAccount(apiWith(async () => ({ kind: 'sat' }), fail('forbidden', 403)));
    assert.deepEqual(r, { ok: true, accountName: 'acc1', userLabel: 'service account' });
  });

  const cases: [HarnessErrorKind, number, string, RegExp][] = [
    ['unauthorized', 401, 'unauthorized', /rejected the API token \(401\)/],
    ['forbidden', 403, 'forbidden', /no access to account acc1 \(403\)/],
    ['network', 0, 'unreachable', /Cannot reach Harness at https:\/\/h\.example\.com/],
    ['timeout', 0, 'unreachable', /Cannot reach/],
    ['badResponse', 200, 'notHarness', /did not answer like the Harness API/],
    ['server', 500, 'other', /Could not verify/],
  ];
  for (const [kind, status, reason, text] of cases) {
    it(`explains a ${kind} failure of the token check`, async () => {
      const r = await verifyAccount(apiWith(fail(kind, status), async () => ({ identifier: 'acc1' })));
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.reason, reason);
      assert.match(r.message, text);
    });
  }

  it('reports an account read failure other than 403/404', async () => {
    const r = await verifyAccount(apiWith(async () => ({ kind: 'pat' }), fail('network', 0)));
    assert.equal(r.ok, false);
  });
});
