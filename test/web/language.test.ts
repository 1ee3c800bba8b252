// Validation and completion in the browser: the language server runs in a web worker
// (server/browser.ts) and reads the documents VS Code gives it, so a `.harness/` file on a
// virtual workspace gets Harness diagnostics and key completion as on desktop.
import * as vscode from 'vscode';
import {
  equal,
  harnessDiagnostics,
  harnessExports,
  ok,
  report,
  screenshot,
  sleep,
  someMatch,
  waitFor,
} from './support';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('Harness YAML in the browser: validation and completion', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    ok(folder, 'a workspace folder is open');
    uri = vscode.Uri.joinPath(folder.uri, '.harness', 'try-me.yaml');
    doc = await vscode.workspace.openTextDocument(uri);
    original = doc.getText();
    await vscode.window.showTextDocument(doc);
  });

  afterEach(async function () {
    // A failure says what the extension logged (the language client's start, its errors).
    if (this.currentTest?.state === 'failed')
      console.log(`[harness-web-tests] Harness log:\n${(await harnessExports()).logLines().join('\n')}`);
    // Leave the file as it was for the next test. The web defaults save edits by themselves
    // (files.autoSave afterDelay), so put the text back and save rather than revert.
    if (doc.getText() !== original) {
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
      await doc.save();
    }
  });

  it("reports try-me.yaml's mistakes as Harness diagnostics", async () => {
    const diags = await harnessDiagnostics(uri, (d) => d.length >= 4);
    someMatch(
      diags.map((d) => d.message),
      [
        /"Custm" is not a stage type; did you mean "Custom"\?/,
        /"10 minutes" is not a valid timeout/,
        /No pipeline variable "greting" is declared/,
        /Duplicate step identifier "greet"/,
      ],
    );
    equal(doc.languageId, 'yaml', 'local files keep the yaml language id');
    const started = (await harnessExports())
      .logLines()
      .find((l) => /language server started in \d+ ms/.test(l));
    ok(started, 'the language client logged its start');
    await report(
      'language server start (web worker)',
      `${/started in (\d+) ms/.exec(started)?.[1] ?? '?'} ms`,
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(1000);
    await screenshot('diagnostics');
  });

  it('validates again after an edit', async () => {
    await harnessDiagnostics(uri, (d) => d.some((x) => /"Custm"/.test(x.message)));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('Custm');
    await editor.edit((b) =>
      b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 5)), 'Custom'),
    );
    const after = await harnessDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => /"Custm"/.test(x.message)),
    );
    ok(
      after.some((d) => /Duplicate step identifier/.test(d.message)),
      'the other mistakes stay reported',
    );
  });

  it('completes the keys a step can still have at the cursor', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    // The stage type first (a stage of no known type has no known steps), then a new, empty key
    // line in the first step, after `identifier: greet`.
    const typo = doc.getText().indexOf('Custm');
    await editor.edit((b) =>
      b.replace(new vscode.Range(doc.positionAt(typo), doc.positionAt(typo + 5)), 'Custom'),
    );
    const line = doc.positionAt(doc.getText().indexOf('identifier: greet')).line;
    const indent = doc.lineAt(line).firstNonWhitespaceCharacterIndex;
    await editor.edit((b) => b.insert(new vscode.Position(line + 1, 0), `${' '.repeat(indent)}\n`));
    const position = new vscode.Position(line + 1, indent);
    editor.selection = new vscode.Selection(position, position);
    let offered: string[] = [];
    const labels = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          position,
        );
        offered = list.items.map(label);
        return offered.includes('when') && offered.includes('failureStrategies') ? offered : undefined;
      },
      {
        timeoutMs: 20_000,
        message: () =>
          `completion offering the step keys "when" and "failureStrategies" (offered: ${JSON.stringify(offered)})`,
      },
    );
    ok(
      !labels.includes('identifier'),
      `a key the step already has is not offered again: ${labels.join(', ')}`,
    );
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1500);
    await screenshot('completion');
    await vscode.commands.executeCommand('hideSuggestWidget');
  });
});
