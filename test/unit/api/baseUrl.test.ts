import * as assert from 'node:assert/strict';
import { DEFAULT_BASE_URL, isLoopbackHost, normalizeBaseUrl } from '../../../src/api/baseUrl';

describe('normalizeBaseUrl', () => {
  const accepted: [string | undefined, string][] = [
    [undefined, DEFAULT_BASE_URL],
    ['', DEFAULT_BASE_URL],
    ['   ', DEFAULT_BASE_URL],
    ['https://app.harness.io', 'https://app.harness.io'],
    ['https://app.harness.io/', 'https://app.harness.io'],
    ['https://app.harness.io/gateway', 'https://app.harness.io'],
    ['https://app.harness.io/gateway/', 'https://app.harness.io'],
    ['https://APP3.Harness.io//', 'https://app3.harness.io'],
    ['app3.harness.io', 'https://app3.harness.io'],
    ['https://accounts.eu.harness.io', 'https://accounts.eu.harness.io'],
    ['https://accounts.harness.io/gateway', 'https://accounts.harness.io'],
    ['https://app.harness.io/ng/account/abc123/all/home', 'https://app.harness.io'],
    ['https://acme.harness.io/ng/', 'https://acme.harness.io'],
    ['https://harness.corp.example:8443/', 'https://harness.corp.example:8443'],
    ['https://harness.corp.example/smp/gateway', 'https://harness.corp.example/smp'],
    ['http://127.0.0.1:4567', 'http://127.0.0.1:4567'],
    ['http://127.9.8.7:1/', 'http://127.9.8.7:1'],
    ['http://localhost:3000/gateway', 'http://localhost:3000'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ];
  for (const [input, expected] of accepted) {
    it(`accepts ${JSON.stringify(input)} as ${expected}`, () => {
      assert.equal(normalizeBaseUrl(input), expected);
    });
  }

  const refused: [string, RegExp][] = [
    ['http://app.harness.io', /plain http/],
    ['http://10.0.0.5:8080', /plain http/],
    ['http://128.0.0.1', /plain http/],
    ['http://127.0.0.1.evil.example', /plain http/],
    ['ftp://app.harness.io', /https/],
    ['https://user:pw@app.harness.io', /user name or password/],
    ['https://app.harness.io/?x=1', /query/],
    ['https://app.harness.io/#frag', /fragment/],
    ['https://exa mple.com', /not a valid Harness URL/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${input}`, () => {
      assert.throws(() => normalizeBaseUrl(input), message);
    });
  }
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses', () => {
    for (const h of [
      'localhost',
      'LOCALHOST',
      'api.localhost',
      '127.0.0.1',
      '127.255.255.254',
      '::1',
      '[::1]',
    ]) {
      assert.equal(isLoopbackHost(h), true, h);
    }
    for (const h of [
      'app.harness.io',
      '128.0.0.1',
      '10.0.0.1',
      '127.0.0.256',
      'localhost.example.com',
      '::2',
    ]) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });
});
