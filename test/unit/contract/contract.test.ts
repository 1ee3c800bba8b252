// The contract suite: every endpoint the client calls, answered with every example recorded in
// test/contract (Harness's published shapes, each with its source), through the real client over
// HTTP. Each test asserts what the user gets: the parsed value, or the error kind, status, code
// and the server's words.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHarnessClient, type HarnessClient } from '../../../src/api/client';
import { HarnessApiError } from '../../../src/api/errors';
import { ACCOUNT } from '../../contract/bodies';
import {
  ABSENT,
  ENDPOINTS,
  examplesOf,
  type ContractExample,
  type EndpointContract,
  type ExpectedError,
} from '../../contract/endpoints';
import { allSources } from '../../contract/sources';
import { startRawServer, type RawServer } from '../api/rawServer';
import { TRANSPORTS } from '../api/transports';

const PAT = `pat.${ACCOUNT}.vscodeTok1.c0ntractS3cretValue`;
const SAT = `sat.${ACCOUNT}.ciTok2.c0ntractS3cretValue`;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Problems where `actual` does not contain `expected` (objects: listed keys; arrays: same length). */
function differences(actual: unknown, expected: unknown, at: string, out: string[] = []): string[] {
  if (expected === ABSENT) {
    if (actual !== undefined) out.push(`${at} should be absent, is ${JSON.stringify(actual)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${at} should be an array of ${expected.length}, is ${JSON.stringify(actual)?.slice(0, 200)}`);
    } else expected.forEach((e, i) => differences(actual[i], e, `${at}[${i}]`, out));
  } else if (isObj(expected)) {
    if (!isObj(actual)) out.push(`${at} should be an object, is ${JSON.stringify(actual)?.slice(0, 200)}`);
    else for (const [k, v] of Object.entries(expected)) differences(actual[k], v, `${at}.${k}`, out);
  } else if (actual !== expected) {
    out.push(`${at} should be ${JSON.stringify(expected)}, is ${JSON.stringify(actual)}`);
  }
  return out;
}

function errorDifferences(e: unknown, expected: ExpectedError): string[] {
  if (!(e instanceof HarnessApiError)) return [`expected a HarnessApiError, got ${String(e)}`];
  const out: string[] = [];
  if (e.kind !== expected.kind) out.push(`kind should be ${expected.kind}, is ${e.kind}`);
  if (e.status !== expected.status) out.push(`status should be ${expected.status}, is ${e.status}`);
  if (expected.code !== undefined && e.code !== expected.code)
    out.push(`code should be ${expected.code}, is ${String(e.code)}`);
  const text = [e.message, ...e.details].join('\n');
  for (const m of expected.message) if (!text.includes(m)) out.push(`message should include "${m}": ${text}`);
  return out;
}

type Outcome = { value: unknown } | { error: unknown };

async function invoke(api: HarnessClient, endpoint: EndpointContract): Promise<Outcome> {
  const name = endpoint.call.split('#')[0] as keyof HarnessClient;
  const fn = api[name] as unknown as (...args: unknown[]) => Promise<unknown>;
  try {
    return { value: await fn.apply(api, endpoint.args) };
  } catch (error) {
    return { error };
  }
}

function serve(server: RawServer, example: ContractExample): void {
  server.handle = (_req, res) => {
    const text = example.text ?? JSON.stringify(example.body);
    res.writeHead(example.status, {
      'content-type': example.contentType ?? (example.text !== undefined ? 'text/plain' : 'application/json'),
    });
    res.end(text);
  };
}

function problemsOf(outcome: Outcome, example: ContractExample): string[] {
  const expect = example.expect;
  if ('value' in expect) {
    if ('error' in outcome) return [`expected a value, got ${String(outcome.error)}`];
    return differences(outcome.value, expect.value, 'result');
  }
  if ('value' in outcome) return [`expected an error, got ${JSON.stringify(outcome.value)?.slice(0, 300)}`];
  return errorDifferences(outcome.error, expect.error);
}

for (const { name, factory } of TRANSPORTS)
  describe(`contract: the client against the API as Harness answers (test/contract, ${name})`, function () {
    let server: RawServer;
    let pat: HarnessClient;
    let sat: HarnessClient;

    before(async () => {
      server = await startRawServer();
      const common = {
        baseUrl: server.url,
        transport: factory,
        retry: { maxAttempts: 1 },
        rateLimit: false as const,
      };
      pat = createHarnessClient({ ...common, token: PAT });
      sat = createHarnessClient({ ...common, token: SAT });
    });

    after(async () => {
      await pat.close();
      await sat.close();
      await server.close();
    });

    for (const endpoint of ENDPOINTS) {
      describe(`${endpoint.method} ${endpoint.path} (${endpoint.call})`, () => {
        for (const example of examplesOf(endpoint)) {
          it(example.name, async () => {
            serve(server, example);
            server.requests.length = 0;
            const outcome = await invoke(endpoint.call.endsWith('#sat') ? sat : pat, endpoint);
            const request = server.requests[0];
            assert.ok(request, 'the client sent a request');
            const url = new URL(request.url, server.url);
            assert.equal(`${request.method} ${url.pathname}`, `${endpoint.method} ${endpoint.path}`);
            assert.equal(url.searchParams.get('accountIdentifier'), ACCOUNT);
            const problems = problemsOf(outcome, example);
            assert.deepEqual(problems, [], `${example.name}\n  ${problems.join('\n  ')}`);
          });
        }
      });
    }

    it('covers every HarnessApi method the client implements', () => {
      const covered = new Set(ENDPOINTS.map((e) => e.call.split('#')[0]));
      const methods = Object.keys(pat).filter(
        (k) => typeof (pat as unknown as Record<string, unknown>)[k] === 'function' && k !== 'close',
      );
      assert.deepEqual(
        methods.filter((m) => !covered.has(m)),
        [],
        'every client method has an endpoint contract',
      );
    });

    it('cites a source (repository, path, commit) on every example', () => {
      for (const endpoint of ENDPOINTS) {
        assert.ok(endpoint.source.length > 0, endpoint.call);
        for (const example of examplesOf(endpoint)) {
          assert.ok(example.source.length > 0, `${endpoint.call}: ${example.name}`);
          for (const s of example.source)
            assert.ok(s.repo && s.path && s.commit && s.what, JSON.stringify(s));
        }
      }
    });

    it('lists every source in test/contract/README.md', () => {
      const readme = fs.readFileSync(path.join(__dirname, '../../../../test/contract/README.md'), 'utf8');
      for (const s of allSources()) {
        assert.ok(readme.includes(s.path), `README lists ${s.repo} ${s.path}`);
        assert.ok(readme.includes(s.repo), `README lists ${s.repo}`);
      }
    });
  });
