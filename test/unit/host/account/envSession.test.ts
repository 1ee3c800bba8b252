import * as assert from 'node:assert/strict';
import { readEnvSession } from '../../../../src/account/envSession';

describe('readEnvSession', () => {
  it('is absent without HARNESS_API_KEY', () => {
    assert.equal(readEnvSession({}), undefined);
    assert.equal(readEnvSession({ HARNESS_API_KEY: '  ' }), undefined);
  });

  it('derives the account from a pat token and defaults the base URL', () => {
    assert.deepEqual(readEnvSession({ HARNESS_API_KEY: 'pat.acc_1.tok.secret' }), {
      session: { baseUrl: 'https://app.harness.io', accountId: 'acc_1', token: 'pat.acc_1.tok.secret' },
    });
  });

  it('uses HARNESS_BASE_URL (normalised) and HARNESS_ACCOUNT_ID for other token shapes', () => {
    const r = readEnvSession({
      HARNESS_API_KEY: 'legacy-key',
      HARNESS_ACCOUNT_ID: 'acc9',
      HARNESS_BASE_URL: 'https://harness.example.com/gateway/',
    });
    assert.deepEqual(r, {
      session: { baseUrl: 'https://harness.example.com', accountId: 'acc9', token: 'legacy-key' },
    });
  });

  it('explains unusable settings without echoing the token', () => {
    const r = readEnvSession({
      HARNESS_API_KEY: 'pat.acc1.tok.supersecret',
      HARNESS_BASE_URL: 'http://example.com',
    });
    assert.ok(r && 'problem' in r);
    assert.match(r.problem, /http/);
    assert.ok(!r.problem.includes('supersecret'));
    const r2 = readEnvSession({ HARNESS_API_KEY: 'pat.acc1.tok.supersecret', HARNESS_ACCOUNT_ID: 'other' });
    assert.ok(r2 && 'problem' in r2);
    assert.match(r2.problem, /belongs to account acc1/);
  });
});
