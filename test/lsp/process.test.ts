// The real process: dist/server.js over stdio, as VS Code's language client starts it (built by
// esbuild from server/server.ts). One pass over what only a process can show: it starts from
// the bundle, serves the editing requests, and exits with code 0 after shutdown and exit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { LspClient, SERVER_JS } from './lspClient';

const URI = 'file:///project/demo/.harness/demo.yaml';
const PIPELINE = [
  'pipeline:',
  '  name: Demo',
  '  identifier: demo',
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
  '                  timout: 10m',
  '                  spec:',
  '                    shell: Bash',
  '                    source:',
  '                      type: Inline',
  '                      spec:',
  '                        script: echo hello',
  '',
].join('\n');

describe('LSP over stdio: dist/server.js as a process', function () {
  this.timeout(30_000);

  before(function () {
    if (!fs.existsSync(SERVER_JS)) throw new Error('dist/server.js missing: run `npm run build` first');
  });

  it('initializes, validates, answers requests, and exits with code 0 after shutdown and exit', async () => {
    const client = LspClient.spawn();
    try {
      const { capabilities } = await client.initialize({ settings: { validation: { debounceMs: 0 } } });
      assert.equal(capabilities.textDocumentSync, 2, 'incremental sync');
      client.open(URI, PIPELINE);
      const { diagnostics } = await client.diagnostics(URI, { version: 1 });
      assert.deepEqual(
        diagnostics.map((d) => `${String(d.code)}:${d.severity}`),
        ['unknown-property:1'],
        JSON.stringify(diagnostics),
      );
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: URI },
      });
      assert.equal(symbols[0].children?.[0].children?.[0].detail, 'say · ShellScript');
    } finally {
      assert.equal(await client.stop(), 0);
    }
    assert.notEqual(client.proc, undefined);
    assert.equal(client.proc?.exitCode, 0);
  });
});
