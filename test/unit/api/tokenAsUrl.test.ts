// A token pasted into the base-URL field is refused before it reaches DNS, a proxy's CONNECT line
// or a message, and is never echoed. Host names that merely look busy are still accepted.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREDENTIAL_AS_URL_MESSAGE, normalizeBaseUrl } from '../../../src/api/baseUrl';
import { createHarnessClient } from '../../../src/api/client';
import { looksLikeCredential } from '../../../src/api/token';
import { recordFault } from './helpers/faultTable';
import { undiciTransport } from '../../../src/api/undiciTransport';

const PAT = 'pat.px7xd_BFRCi-pfWPYXVjvw.65f1e8a0c3b4d2e1f0a9b8c7.Zx9qW3rT5yU7iO1pA3sD';
const SAT = 'sat.acct1.tok123.S3cr3tValueXYZ';

const refused = [
  PAT,
  `  ${PAT}  `,
  `https://${PAT}`,
  `https://${SAT}/`,
  `https://harness.example.com/${SAT}`,
  'PAT.acct.tok.Secret',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl',
  'legacyKeyQWERTY12345abc',
  'px7xd_BFRCi-pfWPYXVjvw',
  '3f9c2b7a1e6d4c8b9a0f1e2d3c4b5a69',
  `https://${'a1'.repeat(40)}.example.com`,
];

const accepted: [string, string][] = [
  ['app.harness.io', 'https://app.harness.io'],
  ['https://harness.corp.example:8443/smp', 'https://harness.corp.example:8443/smp'],
  [
    'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
    'https://my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
  ],
  [
    'https://harness-prod-eu-west-1.internal.example.com',
    'https://harness-prod-eu-west-1.internal.example.com',
  ],
  ['http://localhost:4567', 'http://localhost:4567'],
];

describe('a token pasted as the base URL', () => {
  for (const input of refused) {
    it(`refuses ${input.slice(0, 12)}… without echoing it`, () => {
      assert.throws(
        () => normalizeBaseUrl(input),
        (err: Error) => {
          // One fixed text whatever was typed: nothing of the input can be in it.
          assert.equal(err.message, CREDENTIAL_AS_URL_MESSAGE);
          assert.ok(!err.message.includes('S3cr3t') && !err.message.includes('Zx9qW3'));
          return true;
        },
      );
    });
  }

  for (const [input, expected] of accepted) {
    it(`still accepts ${input}`, () => {
      assert.equal(normalizeBaseUrl(input), expected);
    });
  }

  it('does not echo other invalid input either', () => {
    assert.throws(
      () => normalizeBaseUrl('https://exa mple.com/p@ss'),
      (err: Error) => !err.message.includes('p@ss') && /not a valid Harness URL/.test(err.message),
    );
  });

  it('never reaches DNS or the proxy: no CONNECT line carries it', async () => {
    const connects: string[] = [];
    const proxy = http.createServer((_q, res) => res.end());
    proxy.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
      connects.push(req.url ?? '');
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const started = performance.now();
    try {
      let message = '';
      assert.throws(
        () =>
          createHarnessClient({
            baseUrl: PAT,
            token: SAT,
            transport: undiciTransport({ proxy: { url }, env: {} }),
          }),
        (err: Error) => {
          message = err.message;
          return err.message === CREDENTIAL_AS_URL_MESSAGE;
        },
      );
      assert.deepEqual(connects, []);
      recordFault({
        fault: 'Token pasted as the base URL',
        ms: Math.round(performance.now() - started),
        kind: 'refused before any request',
        message: `Harness: ${message}`,
        note: 'no DNS lookup, no CONNECT, not echoed',
      });
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('looksLikeCredential: random mixed-case strings yes, lower-case hyphenated names no', () => {
    assert.equal(looksLikeCredential('abcDEF123ghiJKL456mno'), true);
    assert.equal(looksLikeCredential('a'.repeat(64)), true);
    assert.equal(looksLikeCredential('my-load-balancer-1234567890'), false);
    assert.equal(looksLikeCredential('harness'), false);
    assert.equal(looksLikeCredential('App3.Harness.io'), false);
  });
});
