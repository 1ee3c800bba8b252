import * as assert from 'node:assert/strict';
import { lazyApi } from '../../../../src/account/lazyApi';
import type { HarnessApi } from '../../../../src/api/types';

describe('lazyApi', () => {
  it('builds the client on the first call only, and again after a failed build', async () => {
    let loads = 0;
    let fail = true;
    const api = lazyApi('https://h', 'acc', async () => {
      loads++;
      if (fail) throw new Error('no token');
      return { getAccount: async () => ({ identifier: 'acc', name: `n${loads}` }) } as unknown as HarnessApi;
    });
    assert.equal(api.baseUrl, 'https://h');
    assert.equal(api.accountId, 'acc');
    assert.equal(loads, 0, 'reading properties must not load the token');
    await assert.rejects(api.getAccount(), /no token/);
    fail = false;
    assert.deepEqual(await api.getAccount(), { identifier: 'acc', name: 'n2' });
    await api.getAccount();
    assert.equal(loads, 2);
  });

  it('is not a thenable (awaiting it does not load the client)', async () => {
    let loads = 0;
    const api = lazyApi('https://h', 'acc', async () => {
      loads++;
      return {} as HarnessApi;
    });
    const same = await api;
    assert.equal(same, api);
    assert.equal(loads, 0);
  });
});
