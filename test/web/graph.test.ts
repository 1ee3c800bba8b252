// The pipeline graph in the browser: the webview panel opens from the web worker extension host
// (resources through asWebviewUri, no Node APIs) beside try-me.yaml, shows its stage and steps, and
// marks the mistakes the language server (in its own web worker) reports on them.
import * as vscode from 'vscode';
import { config, harnessDiagnostics, harnessExports, match, ok, screenshot, waitFor } from './support';

describe('Harness pipeline graph in the browser', () => {
  it('opens beside try-me.yaml with its steps and their diagnostics marked', async () => {
    const api = await harnessExports();
    const folder = vscode.workspace.workspaceFolders?.[0];
    ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, '.harness', 'try-me.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await harnessDiagnostics(uri, (d) => d.length >= 4);
    await vscode.commands.executeCommand('harness.showPipelineGraph');
    const body = await waitFor(
      () => {
        const b = api.pipelineGraphs().find((p) => p.uri === uri.toString())?.body;
        return b && /has-error/.test(b) ? b : undefined;
      },
      { message: 'the graph of try-me.yaml with its errors marked' },
    );
    match(body, /aria-label="Stage Say Hello, type Custm, \d+ errors?: [^"]*Custm/);
    match(body, /aria-label="Step Greet, type ShellScript, [^"]*\d errors?: /);
    match(body, /aria-label="Step Pause, type Wait/);
    // The page's script ran under its CSP and asked for the graph. Only in code-server: in
    // test-web's offline VS Code build the workbench shows "Error loading webview" before our page
    // is requested (its webview host never fetches its own service worker), so there only the
    // extension side is checked.
    if ((await config()).host === 'code-server')
      await waitFor(() => api.pipelineGraphs().find((p) => p.uri === uri.toString() && p.ready), {
        timeoutMs: 30_000,
        message: 'the graph webview to load its script',
      });
    await screenshot('graph');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => (api.pipelineGraphs().length === 0 ? true : undefined), {
      message: 'the graph closed with its document',
    });
  });
});
