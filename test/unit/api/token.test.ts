import * as assert from 'node:assert/strict';
import { parseToken, resolveAccountId } from '../../../src/api/token';

describe('parseToken', () => {
  const table: [string, ReturnType<typeof parseToken>][] = [
    [
      'pat.px7xd_BFRCi-pfWPYXVjvw.64f0aa0b1c2d3e4f5a6b7c8d.AbCdEfGhIjKlMnOpQrSt',
      { kind: 'pat', accountId: 'px7xd_BFRCi-pfWPYXVjvw' },
    ],
    ['sat.acc1.tokenid.secret', { kind: 'sat', accountId: 'acc1' }],
    ['  pat.acc1.id.secret  ', { kind: 'pat', accountId: 'acc1' }],
    ['PAT.acc1.id.secret', { kind: 'pat', accountId: 'acc1' }],
    ['pat.acc1.id', { kind: 'other' }],
    ['pat.acc1.id.secret.extra', { kind: 'other' }],
    ['pat..id.secret', { kind: 'other' }],
    ['pat.acc 1.id.secret', { kind: 'other' }],
    ['legacyApiKey123', { kind: 'other' }],
    ['', { kind: 'other' }],
  ];
  for (const [token, expected] of table) {
    it(`parses ${JSON.stringify(token.slice(0, 12))}… as ${expected.kind}`, () => {
      assert.deepEqual(parseToken(token), expected);
    });
  }
});

describe('resolveAccountId', () => {
  it('takes the account from pat/sat tokens', () => {
    assert.equal(resolveAccountId('sat.acc9.id.secret'), 'acc9');
  });
  it('accepts an explicit id that matches the token', () => {
    assert.equal(resolveAccountId('pat.acc9.id.secret', 'acc9'), 'acc9');
  });
  it('refuses an explicit id of another account, without echoing the token', () => {
    assert.throws(
      () => resolveAccountId('pat.acc9.id.secret', 'other'),
      (e: Error) => /belongs to account acc9, not other/.test(e.message) && !e.message.includes('secret'),
    );
  });
  it('requires an explicit id for other token shapes', () => {
    assert.throws(() => resolveAccountId('legacyApiKey123'), /Enter the account id/);
    assert.equal(resolveAccountId('legacyApiKey123', 'acc1'), 'acc1');
  });
});
