// LSP-level tests: the server's LSP wiring (initConnection) in this process over in-memory
// streams, spoken to as an editor would. process.test.ts runs the real dist/server.js.
import * as assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
} from 'vscode-languageserver-types';
import { LspClient } from './lspClient';

const PIPELINE = [
  'pipeline:',
  '  name: Demo',
  '  identifier: demo',
  '  variables:',
  '    - name: greeting',
  '      type: String',
  '      value: hello',
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

const URI = 'file:///project/demo/.harness/demo.yaml';

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('LSP in process: initConnection over in-memory streams', function () {
  this.timeout(30_000);
  let client: LspClient;

  beforeEach(() => {
    client = LspClient.inProcess();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('initializes with the editing capabilities', async () => {
    const { capabilities } = await client.initialize();
    for (const cap of [
      'completionProvider',
      'hoverProvider',
      'documentSymbolProvider',
      'definitionProvider',
      'codeActionProvider',
    ])
      assert.ok(capabilities[cap], cap);
    assert.equal(capabilities.textDocumentSync, 2, 'incremental sync');
  });

  it('reads the resource-scoped settings per document (workspace/configuration), again after a change', async () => {
    // Folder "off" turns validation off, folder "on" keeps the defaults; answered per scopeUri.
    const asked: string[] = [];
    let offEnabled = false;
    client.conn.onRequest(
      'workspace/configuration',
      (p: { items: { scopeUri?: string; section?: string }[] }) =>
        p.items.map((item) => {
          asked.push(`${item.section}@${item.scopeUri}`);
          const off = item.scopeUri?.includes('/off/');
          return { validation: { enable: off ? offEnabled : true, debounceMs: 0 } };
        }),
    );
    await client.initialize(
      { settings: { validation: { debounceMs: 0 } } },
      { workspace: { configuration: true } },
    );
    const off = 'file:///ws/off/.harness/p.yaml';
    const on = 'file:///ws/on/.harness/p.yaml';
    const broken = PIPELINE.replace('timeout: 10m', 'timeout: 10 minutes');
    client.open(off, broken);
    client.open(on, broken);
    const published = await client.diagnostics(on, { version: 1 });
    assert.ok(published.diagnostics.some((d) => d.code === 'invalid-timeout'));
    assert.deepEqual(
      client.published.filter((p) => p.uri === off),
      [],
      'validation is off in that folder',
    );
    assert.deepEqual(asked.sort(), [`harness@${off}`, `harness@${on}`]);
    // The folder setting changes: the server asks again and validates.
    offEnabled = true;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const now = await client.diagnostics(off);
    assert.ok(now.diagnostics.some((d) => d.code === 'invalid-timeout'));
  });

  it('publishes diagnostics for a Harness document, latest version wins, and clears them on close', async () => {
    await client.initialize({ settings: { validation: { debounceMs: 50 } } });
    client.open(URI, PIPELINE);
    const first = await client.diagnostics(URI, { version: 1 });
    assert.ok(Array.isArray(first.diagnostics));
    assert.ok(!first.diagnostics.some((d) => d.severity === 1), JSON.stringify(first.diagnostics));
    // Two quick edits: only the last one is validated.
    const count = client.published.length;
    client.change(URI, PIPELINE.replace('  identifier: demo', '  identifier: demo\n  identifier: again'));
    const v3 = client.change(URI, PIPELINE.replace('name: Demo', 'name: Demo\n\tdescription: tab'));
    const after = await client.diagnostics(URI, { version: v3, after: count });
    assert.ok(after.diagnostics.length > 0, 'the tab is reported');
    assert.ok(after.diagnostics.every((d) => d.source === 'harness'));
    assert.ok(
      !client.published.slice(count).some((p) => p.version === 2),
      'superseded version 2 was never published',
    );
    const before = client.published.length;
    client.close(URI);
    const cleared = await client.diagnostics(URI, { after: before });
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('validates the exact text it is given on harness/validateDocument, without waiting for the debounce', async () => {
    await client.initialize();
    client.open(URI, PIPELINE);
    await client.diagnostics(URI);
    const clean = await client.request<{ harness: boolean; diagnostics: { code?: string }[] }>(
      'harness/validateDocument',
      { uri: URI, text: PIPELINE },
    );
    assert.equal(clean.harness, true);
    assert.deepEqual(clean.diagnostics, []);
    // Text that differs from the open document (an unsaved edit the server has not seen yet).
    const broken = PIPELINE.replace('type: Custom', 'type: Custm');
    const res = await client.request<{ harness: boolean; diagnostics: { code?: string; message: string }[] }>(
      'harness/validateDocument',
      { uri: URI, text: broken },
    );
    assert.equal(res.harness, true);
    assert.ok(
      res.diagnostics.some((d) => /Custm/.test(d.message)),
      JSON.stringify(res.diagnostics),
    );
    const other = await client.request<{ harness: boolean; diagnostics: unknown[] }>(
      'harness/validateDocument',
      { uri: 'file:///project/demo/compose.yaml', text: 'services:\n  web: {}\n' },
    );
    assert.deepEqual(other, { harness: false, diagnostics: [] });
  });

  it('counts a misspelled step type as an error for the push gate, an unknown one as a warning', async () => {
    await client.initialize();
    type Result = { harness: boolean; diagnostics: { code?: string; message: string; severity?: number }[] };
    const validate = (text: string) => client.request<Result>('harness/validateDocument', { uri: URI, text });
    // A near-miss of a known type is a typo: an error, so pushing is refused.
    const typo = await validate(PIPELINE.replace('type: ShellScript', 'type: ShellScrpt'));
    const t = typo.diagnostics.find((d) => d.code === 'invalid-enum');
    assert.equal(t?.severity, 1, JSON.stringify(typo.diagnostics));
    assert.match(t?.message ?? '', /did you mean "ShellScript"/);
    // A type far from every known one may be newer than the bundled schema: a warning, but a
    // misspelled key next to it is still an error.
    const custom = await validate(
      PIPELINE.replace('type: ShellScript', 'type: AcmeCustomThing').replace('timeout: 10m', 'timout: 10m'),
    );
    const codes = custom.diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(
      codes,
      ['unknown-step-type:2', 'unknown-property:1'],
      JSON.stringify(custom.diagnostics),
    );
  });

  it('leaves other YAML alone (no diagnostics, no features)', async () => {
    await client.initialize();
    const other = 'file:///project/demo/docker-compose.yaml';
    client.open(other, 'services:\n  web:\n    image: nginx\n  web: again\n');
    client.open(URI, PIPELINE);
    await client.diagnostics(URI);
    assert.equal(client.published.filter((p) => p.uri === other).length, 0);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: other },
    });
    assert.deepEqual(symbols, []);
  });

  it('treats files matching the configured globs as Harness YAML whatever their root', async () => {
    await client.initialize({ settings: { pipelineFiles: ['**/ci/*.yml'] } });
    const uri = 'file:///project/demo/ci/build.yml';
    client.open(uri, 'stages:\n  - a\n  - a: [\n');
    const d = await client.diagnostics(uri);
    assert.ok(d.diagnostics.length > 0, 'syntax error reported');
  });

  it('completes expressions, hovers them, outlines and jumps to definitions', async () => {
    await client.initialize();
    client.open(URI, PIPELINE);
    await client.diagnostics(URI);
    const textDocument = { uri: URI };

    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument,
      position: positionOf(PIPELINE, 'variables.greeting>', 'variables.'.length),
    });
    assert.ok(
      list.items.some((i) => i.label === 'greeting'),
      JSON.stringify(list.items.map((i) => i.label)),
    );

    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument,
      position: positionOf(PIPELINE, 'variables.greeting>', 12),
    });
    assert.match(JSON.stringify(hover.contents), /pipeline variable greeting/);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    assert.equal(symbols[0].name, 'Demo');
    assert.equal(symbols[0].children?.[0].name, 'Build');
    assert.equal(symbols[0].children?.[0].children?.[0].detail, 'say · ShellScript');

    const loc = await client.request<Location>('textDocument/definition', {
      textDocument,
      position: positionOf(PIPELINE, 'variables.greeting>', 12),
    });
    assert.equal(loc.uri, URI);
    assert.deepEqual(loc.range.start, positionOf(PIPELINE, 'greeting'));
  });

  it('offers the tabs-to-spaces fix for a tab diagnostic', async () => {
    await client.initialize();
    const text = PIPELINE.replace('  name: Demo', '\tname: Demo');
    client.open(URI, text);
    const { diagnostics } = await client.diagnostics(URI);
    const tab = diagnostics.find((d) => d.code === 'tab');
    assert.ok(tab, JSON.stringify(diagnostics));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: tab.range,
      context: { diagnostics: [tab] },
    });
    assert.ok(actions.some((a) => a.title.startsWith('Convert tabs to spaces')));
  });

  it('falls back to the bundled schema and says so when a schema fails to load', async () => {
    await client.initialize();
    const res = await client.request<{ ok: boolean; active: string; error?: string }>('harness/setSchema', {
      source: 'file',
      schema: { definitions: { a: { $ref: '#/definitions/missing' } }, properties: 'not an object' },
      label: 'broken.json',
    });
    if (!res.ok) {
      assert.equal(res.active, 'bundled');
      const note = await client.waitFor(
        () => client.notifications.find((n) => n.method === 'harness/schemaStatus'),
        'schemaStatus notification',
      );
      assert.match(JSON.stringify(note.params), /fallbackReason/);
    } else {
      // A tolerant loader may accept it; then it must report the file as active.
      assert.equal(res.active, 'file');
    }
    // The server keeps serving.
    client.open(URI, PIPELINE);
    await client.diagnostics(URI);
  });

  it('survives garbage: binary text, deep nesting, huge lines, bad positions', async () => {
    await client.initialize();
    const garbage = [
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
      'pipeline:\n' + '  '.repeat(1) + '['.repeat(5000),
      'pipeline:\n  name: ' + 'x'.repeat(200_000),
      'pipeline:\n  a: &a [1,2]\n  b: &b [*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b]\n  d: [*c,*c,*c,*c]\n',
      'pipeline: <+\n  stages: <+input>.default(\n',
    ];
    for (const [i, text] of garbage.entries()) {
      const uri = `file:///project/demo/.harness/g${i}.yaml`;
      client.open(uri, text);
      await client.diagnostics(uri);
      for (const position of [
        { line: 0, character: 0 },
        { line: 1, character: 5 },
        { line: 999, character: 999 },
      ]) {
        await client.request('textDocument/completion', { textDocument: { uri }, position });
        await client.request('textDocument/hover', { textDocument: { uri }, position });
        await client.request('textDocument/definition', { textDocument: { uri }, position });
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    // Requests for documents that were never opened answer empty, not an error.
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri: 'file:///nope.yaml' },
        position: { line: 0, character: 0 },
      }),
      null,
    );
    // Still serving: the pipeline opened after all that is validated and outlined.
    client.open(URI, PIPELINE);
    await client.diagnostics(URI);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: URI },
    });
    assert.equal(symbols[0]?.name, 'Demo');
  });

  it('asks the client about account references and warns about missing ones', async () => {
    const asked: unknown[] = [];
    client.conn.onRequest(
      'harness/resolveReferences',
      (p: { references: { kind: string; ref: string }[] }) => {
        asked.push(...p.references);
        return {
          results: p.references.map((r) => ({
            kind: r.kind,
            ref: r.ref,
            status: r.ref === 'account.gone' ? 'missing' : 'exists',
            ...(r.kind === 'template'
              ? { name: 'Stage Tpl', detail: 'Stage template, stable version `v2`' }
              : {}),
          })),
        };
      },
    );
    await client.initialize({ settings: { validation: { liveReferences: true } }, servesReferences: true });
    const text = PIPELINE.replace(
      '  identifier: demo\n',
      '  identifier: demo\n  properties:\n    ci:\n      codebase:\n        connectorRef: account.gone\n        build: <+input>\n',
    ).replace(
      '        type: Custom\n',
      '        type: Custom\n        template:\n          templateRef: org.stage_tpl\n',
    );
    client.open(URI, text);
    const { diagnostics } = await client.diagnostics(URI);
    assert.deepEqual(
      new Set(asked.map((q) => JSON.stringify(q))).size,
      asked.length,
      'each reference asked once',
    );
    assert.ok(asked.some((q) => (q as { ref: string }).ref === 'account.gone'));
    const missing = diagnostics.filter((d) => d.code === 'unknown-reference');
    assert.equal(missing.length, 1, JSON.stringify(diagnostics));
    assert.equal(missing[0].severity, 2, 'a warning, not an error');
    assert.deepEqual(missing[0].range.start, positionOf(text, 'account.gone'));
    assert.ok(
      asked.some((q) => JSON.stringify(q).includes('"kind":"template","ref":"org.stage_tpl"')),
      JSON.stringify(asked),
    );
    const hover = (await client.request('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(text, 'org.stage_tpl'),
    })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /Stage template, stable version `v2`/);
  });

  it('does not ask for references when live references are switched off', async () => {
    let asked = 0;
    client.conn.onRequest('harness/resolveReferences', () => {
      asked++;
      return { results: [] };
    });
    await client.initialize({ settings: { validation: { liveReferences: false } }, servesReferences: true });
    client.open(
      URI,
      PIPELINE.replace(
        '  identifier: demo\n',
        '  identifier: demo\n  properties:\n    ci:\n      codebase:\n        connectorRef: account.gone\n        build: <+input>\n',
      ),
    );
    const { diagnostics } = await client.diagnostics(URI);
    assert.equal(asked, 0);
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-reference'));
  });

  it("keeps each connection to itself: a schema set on one server is not the other's", async () => {
    const other = LspClient.inProcess();
    try {
      await client.initialize();
      await other.initialize();
      // A file schema where a pipeline needs a `owner` key.
      const res = await client.request<{ ok: boolean; active: string }>('harness/setSchema', {
        source: 'file',
        schema: {
          type: 'object',
          properties: { pipeline: { type: 'object', required: ['owner'] } },
        },
        label: 'strict.json',
      });
      assert.deepEqual(res, { ok: true, active: 'file' });
      const validate = (c: LspClient) =>
        c.request<{ diagnostics: { code?: string }[] }>('harness/validateDocument', {
          uri: URI,
          text: PIPELINE,
        });
      assert.deepEqual(
        (await validate(client)).diagnostics.map((d) => d.code),
        ['missing-required'],
      );
      assert.deepEqual(
        (await validate(other)).diagnostics,
        [],
        'the other server still has the bundled schema',
      );
    } finally {
      await other.stop();
    }
  });
});
