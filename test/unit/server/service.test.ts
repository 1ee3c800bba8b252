// The language service as a library: TextDocuments in, LSP types out, with settings and live
// account references injected (no connection, no client).
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import {
  DEFAULT_SERVER_SETTINGS,
  type HarnessServerSettings,
  type ListReferencesParams,
  type ReferenceQuery,
  type ReferenceStatus,
} from '../../../shared/protocol';
import { createLanguageService, type ReferenceProvider } from '../../../server/service';

const PIPELINE = [
  'pipeline:',
  '  name: Demo',
  '  identifier: demo',
  '  orgIdentifier: default',
  '  projectIdentifier: web',
  '  variables:',
  '    - name: greeting',
  '      type: String',
  '      value: hello',
  '  properties:',
  '    ci:',
  '      codebase:',
  '        connectorRef: account.gone',
  '        build: <+input>',
  '  stages:',
  '    - stage:',
  '        name: Build',
  '        identifier: build',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
  '              - step:',
  '                  name: Say',
  '                  identifier: say',
  '                  type: ShellScript',
  '                  timeout: 10m',
  '                  spec:',
  '                    shell: Bash',
  '                    source:',
  '                      type: Inline',
  '                      spec:',
  '                        script: echo <+pipeline.variables.greeting>',
  '',
].join('\n');

const URI = 'file:///repo/.harness/demo.yaml';
let version = 0;
const document = (text: string, uri = URI) => TextDocument.create(uri, 'yaml', ++version, text);

function positionOf(text: string, needle: string, delta = 0): Position {
  const before = text.slice(0, text.indexOf(needle) + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** A provider answering from a table, recording what it was asked. */
function tableProvider(table: Record<string, ReferenceStatus['status']>) {
  const asked: string[] = [];
  const listed: ListReferencesParams[] = [];
  const provider: ReferenceProvider = {
    async resolve(references: ReferenceQuery[]) {
      asked.push(...references.map((r) => r.ref));
      return references.map((r) => ({
        kind: r.kind,
        ref: r.ref,
        status: table[r.ref] ?? 'unknown',
        ...(table[r.ref] === 'exists'
          ? { name: `Name of ${r.ref}`, detail: 'Docker registry · connected' }
          : {}),
      }));
    },
    async list(params: ListReferencesParams) {
      listed.push(params);
      return [{ ref: 'dockerhub', name: 'Docker Hub' }];
    },
  };
  return { provider, asked, listed };
}

describe('language service', () => {
  it('validates Harness YAML and leaves other YAML alone', async () => {
    const service = createLanguageService();
    const doc = document(PIPELINE.replace('timeout: 10m', 'timout: 10m'));
    assert.equal(service.isHarnessDocument(doc), true);
    const diags = await service.validate(doc);
    assert.deepEqual(
      diags.map((d) => d.code),
      ['unknown-property'],
    );
    const compose = document(
      'services:\n  web:\n    image: nginx\n  web: again\n',
      'file:///repo/compose.yaml',
    );
    assert.equal(service.isHarnessDocument(compose), false);
    assert.deepEqual(await service.validate(compose), []);
    assert.equal(await service.complete(compose, { line: 0, character: 0 }), null);
    assert.equal(await service.hover(compose, { line: 0, character: 0 }), null);
    assert.deepEqual(service.documentSymbols(compose), []);
  });

  it('reads the settings provider on every call (pipelineFiles)', async () => {
    let settings: HarnessServerSettings = { ...DEFAULT_SERVER_SETTINGS };
    const service = createLanguageService({ settings: () => settings });
    const doc = document('stages:\n  - a\n  - a: [\n', 'file:///repo/ci/build.yml');
    assert.equal(service.isHarnessDocument(doc), false);
    settings = { ...settings, pipelineFiles: ['**/ci/*.yml'] };
    assert.equal(service.isHarnessDocument(doc), true);
    assert.ok(
      (await service.validate(doc)).some((d) => d.severity === 1),
      'the syntax error',
    );
  });

  it('asks the reference provider once per reference and warns about missing ones', async () => {
    const { provider, asked } = tableProvider({ 'account.gone': 'missing' });
    const service = createLanguageService({ references: provider });
    const first = await service.validate(document(PIPELINE));
    const missing = first.filter((d) => d.code === 'unknown-reference');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].severity, 2);
    assert.deepEqual(missing[0].range.start, positionOf(PIPELINE, 'account.gone'));
    assert.deepEqual(asked, ['account.gone']);
    // The answer is kept: the next version is validated without asking again.
    await service.validate(document(PIPELINE + '\n'));
    assert.deepEqual(asked, ['account.gone']);
    // Forgetting the answers (sign-in, account switch) asks again.
    service.clearReferenceCache();
    await service.validate(document(PIPELINE));
    assert.deepEqual(asked, ['account.gone', 'account.gone']);
  });

  it('does not keep "unknown" answers, and asks nothing with live references off or askReferences false', async () => {
    const { provider, asked } = tableProvider({});
    let settings: HarnessServerSettings = { ...DEFAULT_SERVER_SETTINGS };
    const service = createLanguageService({ references: provider, settings: () => settings });
    await service.validate(document(PIPELINE));
    await service.validate(document(PIPELINE));
    assert.deepEqual(asked, ['account.gone', 'account.gone'], 'unknown is asked again');
    await service.validate(document(PIPELINE), { askReferences: false });
    assert.equal(asked.length, 2);
    settings = { ...settings, liveReferences: false };
    const diags = await service.validate(document(PIPELINE));
    assert.equal(asked.length, 2);
    assert.ok(!diags.some((d) => d.code === 'unknown-reference'));
  });

  it('validates without reference warnings, and logs, when the provider fails', async () => {
    const errors: string[] = [];
    const service = createLanguageService({
      references: {
        resolve: () => Promise.reject(new Error('offline')),
        list: () => Promise.reject(new Error('offline')),
      },
      log: { debug: () => undefined, error: (m) => errors.push(m) },
    });
    const diags = await service.validate(document(PIPELINE));
    assert.deepEqual(diags, []);
    assert.deepEqual(errors, ['resolveReferences: offline']);
  });

  it('completes references from the provider and expressions from the document', async () => {
    const { provider, listed } = tableProvider({});
    const service = createLanguageService({ references: provider });
    const text = PIPELINE.replace('connectorRef: account.gone', 'connectorRef: ');
    const refs = await service.complete(
      document(text),
      positionOf(text, 'connectorRef: ', 'connectorRef: '.length),
    );
    assert.ok(refs?.items.some((i) => i.label === 'dockerhub'));
    assert.equal(refs?.isIncomplete, true);
    assert.deepEqual(listed, [
      {
        kind: 'connector',
        scope: { level: 'project', orgIdentifier: 'default', projectIdentifier: 'web' },
        prefix: '',
      },
    ]);
    const vars = await service.complete(
      document(PIPELINE),
      positionOf(PIPELINE, 'variables.greeting>', 'variables.'.length),
    );
    assert.ok(vars?.items.some((i) => i.label === 'greeting'));
  });

  it('hovers references with what the provider says, and outlines, defines and fixes', async () => {
    const { provider } = tableProvider({ 'account.docker': 'exists' });
    const service = createLanguageService({ references: provider });
    const text = PIPELINE.replace('account.gone', 'account.docker');
    const doc = document(text);
    const h = await service.hover(doc, positionOf(text, 'account.docker', 3));
    assert.match(JSON.stringify(h?.contents), /Name of account\.docker.*Docker registry · connected/);

    assert.equal(service.documentSymbols(doc)[0].children?.[0].children?.[0].detail, 'say · ShellScript');
    const loc = service.definition(doc, positionOf(text, 'variables.greeting>', 12));
    assert.deepEqual(loc?.range.start, positionOf(text, 'greeting'));

    const tabbed = document(PIPELINE.replace('  name: Demo', '\tname: Demo'));
    const tab = (await service.validate(tabbed)).find((d) => d.code === 'tab');
    assert.ok(tab);
    const actions = service.codeActions(tabbed, { diagnostics: [tab] });
    assert.ok(actions.some((a) => a.title.startsWith('Convert tabs to spaces')));
  });

  it('falls back to the bundled schema, and says why, when a schema cannot be used', () => {
    const service = createLanguageService();
    const bad = service.setSchema({ source: 'account', schema: 'not a schema', label: 'acme' });
    assert.equal(bad.ok, false);
    assert.equal(bad.active, 'bundled');
    assert.match(service.schemaStatus().fallbackReason ?? '', /^The account schema could not be loaded: /);
    const good = service.setSchema({
      source: 'file',
      schema: { properties: {} },
      fetchedAt: 5,
      label: 'x.json',
    });
    assert.deepEqual(good, { ok: true, active: 'file', error: undefined });
    assert.deepEqual(service.schemaStatus(), { source: 'file', fetchedAt: 5, label: 'x.json' });
    assert.deepEqual(service.setSchema({ source: 'bundled' }), {
      ok: true,
      active: 'bundled',
      error: undefined,
    });
    assert.deepEqual(service.schemaStatus(), { source: 'bundled' });
  });

  it("keeps everything per instance: a schema set on one service is not another one's", async () => {
    const strict = createLanguageService();
    const plain = createLanguageService();
    strict.setSchema({
      source: 'file',
      schema: { type: 'object', properties: { pipeline: { type: 'object', required: ['owner'] } } },
    });
    const doc = document(PIPELINE);
    assert.deepEqual(
      (await strict.validate(doc)).map((d) => d.code),
      ['missing-required'],
    );
    assert.deepEqual(await plain.validate(doc), []);
  });

  it('skips the validation a cancelled token asked for', async () => {
    const service = createLanguageService();
    const doc = document(PIPELINE.replace('timeout: 10m', 'timout: 10m'));
    const cancelled = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
    assert.deepEqual(await service.validate(doc, { token: cancelled }), []);
    assert.equal((await service.validate(doc)).length, 1);
  });

  it('warms up type completion in the background: the same items after it, and it stops when asked', async () => {
    const at = positionOf(PIPELINE, 'type: ShellScript', 'type: '.length);
    const cold = await createLanguageService().complete(document(PIPELINE), at);
    const service = createLanguageService();
    const doc = document(PIPELINE);
    await service.warmUp(doc);
    const warm = await service.complete(doc, at);
    assert.ok(cold && warm && cold.items.length > 100, 'every step type is offered');
    assert.deepEqual(warm.items, cold.items);
    let asked = 0;
    await service.warmUp(document(PIPELINE), () => ++asked > 3);
    assert.equal(asked, 4, 'stopped at the first check after stop() said so');
    assert.equal(await service.warmUp(document('plain: yaml\n', 'file:///repo/other.yaml')), undefined);
  });
});
