// The small helpers behind the server and the client: glob matching, URI paths, the server's
// live-reference cache, the client's root-key detection and its reference resolver.
import * as assert from 'node:assert/strict';
import { compileGlobs, uriPath } from '../../../../server/glob';
import { LiveRefCache } from '../../../../server/features/liveRefs';
import { harnessRootKey } from '../../../../src/language/detect';
import { ReferenceResolver } from '../../../../src/language/references';
import type { Connector, HarnessApi, Page } from '../../../../src/api/types';
import { HarnessApiError } from '../../../../src/api/errors';

describe('features: globs', () => {
  const cases: [string[], string, boolean][] = [
    [['**/.harness/**/*.yaml'], '/w/repo/.harness/p.yaml', true],
    [['**/.harness/**/*.yaml'], '/w/repo/.harness/orgs/default/p.yaml', true],
    [['**/.harness/**/*.yaml'], '/w/repo/harness/p.yaml', false],
    [['**/.harness/**/*.yaml'], '/w/repo/.harness/p.yml', false],
    [['**/*.{yaml,yml}'], '/a/b.yml', true],
    [['ci/*.yml'], '/w/ci/build.yml', true],
    [['ci/*.yml'], '/w/ci/sub/build.yml', false],
    [['pipe?.yaml'], '/x/pipe1.yaml', true],
    [['[ab].yaml'], '/x/c.yaml', false],
    [[], '/x/a.yaml', false],
  ];
  for (const [globs, path, expected] of cases) {
    it(`${globs.join(',') || '(none)'} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(compileGlobs(globs)(path), expected);
    });
  }
  it('takes the decoded path of file and untitled URIs', () => {
    assert.equal(uriPath('file:///w/my%20repo/.harness/a.yaml'), '/w/my repo/.harness/a.yaml');
    assert.equal(uriPath('harness://acct/org/proj/p.yaml'), '/org/proj/p.yaml');
    assert.equal(uriPath('untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});

describe('features: live reference cache', () => {
  const scope = { level: 'project' as const, orgIdentifier: 'o', projectIdentifier: 'p' };
  it('answers unknown until told, then the cached status, until it expires', () => {
    let now = 0;
    const cache = new LiveRefCache(() => now);
    assert.equal(cache.known('connector', 'gh', scope), 'unknown');
    cache.set(
      { kind: 'connector', ref: 'gh', identifier: 'gh', scope },
      { kind: 'connector', ref: 'gh', status: 'missing' },
    );
    assert.equal(cache.known('connector', 'gh', scope), 'missing');
    assert.equal(
      cache.known('connector', 'gh', { ...scope, projectIdentifier: 'other' }),
      'unknown',
      'scope is part of the key',
    );
    now += 6 * 60_000;
    assert.equal(cache.known('connector', 'gh', scope), 'unknown');
  });
  it('lists each uncached literal reference once', () => {
    const cache = new LiveRefCache();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const ref = { kind: 'connector' as const, ref: 'gh', identifier: 'gh', scope, range };
    cache.set(ref, { kind: 'connector', ref: 'gh', status: 'exists' });
    const missing = cache.missing([
      ref,
      { ...ref, ref: 'gl', identifier: 'gl' },
      { ...ref, ref: 'gl', identifier: 'gl' },
      { ...ref, ref: '<+input>' },
    ]);
    assert.deepEqual(
      missing.map((m) => m.ref),
      ['gl'],
    );
  });
});

describe('language client: Harness document detection', () => {
  const cases: [string, string | undefined][] = [
    ['pipeline:\n  name: x\n', 'pipeline'],
    ['# comment\n---\ntemplate:\n  name: t\n', 'template'],
    ['inputSet:\n  name: i\n', 'inputSet'],
    ['"pipeline": {}\n', 'pipeline'],
    ['services:\n  pipeline: x\n', undefined],
    ['  pipeline:\n', undefined],
    ['pipelines:\n', undefined],
    ['', undefined],
    ['overlayInputSet:\n  name: o\n', 'overlayInputSet'],
    ['infrastructureDefinition:\n  name: k8s\n', 'infrastructureDefinition'],
    // Keys other YAML uses too count only with an identifier under them.
    ['service:\n  name: web\n  identifier: web\n', 'service'],
    ['service:\n  port: 8080\n  host: 0.0.0.0\n', undefined],
    ['secret:\n  name: db\n  identifier: "db"\n', 'secret'],
    ['connector:\n  url: x\nother:\n  identifier: y\n', undefined],
    ['trigger:\n    identifier: t\n', 'trigger'],
    ['environment:\n  NODE_ENV: production\n', undefined],
    // Harness v1 YAML.
    ['version: 1\nkind: pipeline\nspec:\n  stages: []\n', 'pipeline'],
    ['version: 1\nkind: Deployment\n', undefined],
  ];
  for (const [text, key] of cases) {
    it(`${JSON.stringify(text.slice(0, 20))} → ${key ?? 'not Harness'}`, () =>
      assert.equal(harnessRootKey(text), key));
  }
});

describe('language client: reference resolver', () => {
  const connector = (identifier: string): Connector => ({
    connector: { identifier, name: identifier.toUpperCase(), type: 'Github', spec: {} },
    status: { status: 'SUCCESS' },
  });
  function fakeApi(calls: string[]): HarnessApi {
    const api: Partial<HarnessApi> = {
      baseUrl: 'http://127.0.0.1:1',
      accountId: 'acct',
      getConnector: async (scope, id) => {
        calls.push(`get ${JSON.stringify(scope)} ${id}`);
        if (id === 'gone') throw new HarnessApiError({ kind: 'notFound', status: 404, message: 'not found' });
        if (id === 'flaky') throw new HarnessApiError({ kind: 'network', status: 0, message: 'ECONNRESET' });
        return connector(id);
      },
      listConnectors: async (scope): Promise<Page<Connector>> => {
        calls.push(`list ${JSON.stringify(scope)}`);
        return {
          items: [connector('gh'), connector('gl')],
          pageIndex: 0,
          pageSize: 100,
          totalItems: 2,
          totalPages: 1,
          hasMore: false,
        };
      },
    };
    return api as HarnessApi;
  }

  it('resolves connectors at their scope, caches answers, never calls a network error "missing"', async () => {
    const calls: string[] = [];
    const r = new ReferenceResolver(() => ({ api: fakeApi(calls), label: 'acme' }));
    const q = (ref: string, identifier: string, level: 'account' | 'org' | 'project') => ({
      kind: 'connector' as const,
      ref,
      identifier,
      scope: { level, orgIdentifier: 'o', projectIdentifier: 'p' },
    });
    const res = await r.resolve({
      references: [
        q('account.gh', 'gh', 'account'),
        q('gone', 'gone', 'project'),
        q('org.flaky', 'flaky', 'org'),
      ],
    });
    assert.deepEqual(
      res.results.map((x) => x.status),
      ['exists', 'missing', 'unknown'],
    );
    assert.match(res.results[0].detail ?? '', /Github.*SUCCESS/);
    assert.deepEqual(calls, [
      'get {} gh',
      'get {"orgIdentifier":"o","projectIdentifier":"p"} gone',
      'get {"orgIdentifier":"o"} flaky',
    ]);
    await r.resolve({ references: [q('account.gh', 'gh', 'account')] });
    assert.equal(calls.length, 3, 'cached');
  });

  it('answers unknown when signed out, or when an org/project scope is not known', async () => {
    const signedOut = new ReferenceResolver(() => undefined);
    const scope = { level: 'account' as const };
    const a = await signedOut.resolve({
      references: [{ kind: 'template', ref: 'account.x', identifier: 'x', scope }],
    });
    assert.equal(a.results[0].status, 'unknown');
    const calls: string[] = [];
    const r = new ReferenceResolver(() => ({ api: fakeApi(calls) }));
    const b = await r.resolve({
      references: [{ kind: 'connector', ref: 'x', identifier: 'x', scope: { level: 'project' } }],
    });
    assert.equal(b.results[0].status, 'unknown');
    assert.deepEqual(calls, []);
  });

  it('lists connectors with the scope prefix that was typed', async () => {
    const calls: string[] = [];
    const r = new ReferenceResolver(() => ({ api: fakeApi(calls) }));
    const scope = { level: 'project' as const, orgIdentifier: 'o', projectIdentifier: 'p' };
    const acct = await r.list({ kind: 'connector', scope, prefix: 'account.g' });
    assert.deepEqual(
      acct.items.map((i) => i.ref),
      ['account.gh', 'account.gl'],
    );
    const proj = await r.list({ kind: 'connector', scope, prefix: 'g' });
    assert.deepEqual(
      proj.items.map((i) => i.ref),
      ['gh', 'gl'],
    );
    assert.deepEqual(calls, ['list {}', 'list {"orgIdentifier":"o","projectIdentifier":"p"}']);
  });
});
