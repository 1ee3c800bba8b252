// The language server in VS Code's real extension host: opening a `.harness/` pipeline starts
// the client, diagnostics appear, and completion, hover, definition and symbols answer through
// VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { harnessDiagnostics } from './helpers/diagnostics';
import { waitFor } from './helpers/waitFor';

const PIPELINE = [
  'pipeline:',
  '  name: Language IT',
  '  identifier: language_it',
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
  '                    onDelegate: true',
  '                    source:',
  '                      type: Inline',
  '                      spec:',
  '                        script: echo <+pipeline.variables.greeting>',
  '',
].join('\n');

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not in document`);
  return doc.positionAt(i + delta);
}

describe('language server in the real extension host', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;
  let uri: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    uri = vscode.Uri.joinPath(folder.uri, '.harness', `language-it-${Date.now()}.yaml`);
    // A tab in the indentation: a Harness diagnostic the server must report.
    await vscode.workspace.fs.writeFile(
      uri,
      Buffer.from(PIPELINE.replace('  name: Language IT', '\tname: Language IT')),
    );
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('keeps the yaml language id (other YAML tooling keeps working)', () => {
    assert.equal(doc.languageId, 'yaml');
  });

  it('reports diagnostics for a .harness/ file and clears them when fixed', async () => {
    const diags = await harnessDiagnostics(uri, (d) => d.length > 0);
    assert.ok(
      diags.some((d) => d.code === 'tab' || /tab/i.test(d.message)),
      JSON.stringify(diags.map((d) => d.message)),
    );
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), PIPELINE));
    await harnessDiagnostics(uri, (d) => !d.some((x) => x.code === 'tab'));
  });

  it('completes pipeline variables inside expressions', async () => {
    const position = positionOf(doc, 'variables.greeting>', 'variables.'.length);
    const list = await waitFor(
      async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          position,
        );
        return l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'greeting')
          ? l
          : undefined;
      },
      { timeoutMs: 15_000, message: 'completion item "greeting"' },
    );
    assert.ok(list.items.length > 0);
  });

  it('hovers an expression with what it refers to', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      positionOf(doc, 'variables.greeting>', 12),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    assert.match(text, /pipeline variable greeting/);
  });

  it('outlines pipeline → stage → step', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    assert.equal(symbols[0].name, 'Language IT');
    assert.equal(symbols[0].children[0].name, 'Build');
    assert.equal(symbols[0].children[0].children[0].name, 'Say');
    assert.equal(symbols[0].children[0].children[0].detail, 'say · ShellScript');
  });

  it('goes to the variable from <+pipeline.variables.greeting>', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      uri,
      positionOf(doc, 'variables.greeting>', 12),
    );
    assert.equal(locations.length, 1);
    const range = 'range' in locations[0] ? locations[0].range : locations[0].targetRange;
    assert.equal(range.start.line, positionOf(doc, 'greeting').line);
  });

  it('"Validate Pipeline YAML" counts the problems of the document', async () => {
    const res = await vscode.commands.executeCommand<{ errors: number; warnings: number } | undefined>(
      'harness.validatePipeline',
      uri,
    );
    assert.ok(res, 'a Harness document is validated');
    const errors = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'harness' && d.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(res.errors, errors.length);
  });

  it('refreshes the schema and shows the active source', async () => {
    const text = await vscode.commands.executeCommand<string | undefined>('harness.refreshSchema');
    assert.match(text ?? '', /Harness schema: bundled/);
  });
});
