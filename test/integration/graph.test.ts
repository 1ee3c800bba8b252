// The pipeline graph in VS Code's real extension host: "Open Pipeline Graph to the Side" opens one
// webview panel beside a `.harness/` pipeline (a second run reveals it), the graph follows an edit
// and marks the language server's diagnostic on the step it belongs to, and closing the document
// closes the panel. What the panel rendered is read through the extension's test exports.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HarnessExtensionApi } from '../../src/activation';
import type { ExecutionUpdate } from '../../src/executions/updates';
import { GraphPanel } from '../../src/features/graphPanel';
import type { Log } from '../../src/ui/log';
import { harnessDiagnostics } from './helpers/diagnostics';
import { waitFor } from './helpers/waitFor';

const PIPELINE = [
  'pipeline:',
  '  name: Graph IT',
  '  identifier: graph_it',
  '  stages:',
  '    - stage:',
  '        name: Build',
  '        identifier: build',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
  '              - step:',
  '                  name: Say hello',
  '                  identifier: say',
  '                  type: ShellScript',
  '                  timeout: 10m',
  '                  spec:',
  '                    shell: Bash',
  '                    onDelegate: true',
  '                    source:',
  '                      type: Inline',
  '                      spec:',
  '                        script: echo hello',
  '',
].join('\n');

function graphTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('harness.pipelineGraph'),
    ),
  );
}

describe('pipeline graph in the real extension host', function () {
  this.timeout(60_000);
  let api: HarnessExtensionApi;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  const body = () => api.pipelineGraphs().find((p) => p.uri === uri.toString())?.body;

  before(async () => {
    const ext = vscode.extensions.getExtension('harness-community.harness-vscode');
    assert.ok(ext);
    api = (await ext.activate()) as HarnessExtensionApi;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    uri = vscode.Uri.joinPath(folder.uri, '.harness', `graph-it-${Date.now()}.yaml`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PIPELINE));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('opens one graph panel beside the pipeline, and a second run reveals it', async () => {
    await vscode.commands.executeCommand('harness.showPipelineGraph');
    const html = await waitFor(body, { message: 'the graph panel of the pipeline' });
    assert.match(html, /<h1>Graph IT<\/h1>/);
    assert.match(html, /aria-label="Stage Build, type Custom"/);
    assert.match(html, /aria-label="Step Say hello, type ShellScript"/);
    await waitFor(() => graphTabs().length === 1, { message: 'one graph tab' });
    // The page's script ran under its CSP and asked for the graph.
    await waitFor(() => api.pipelineGraphs().find((p) => p.ready), {
      timeoutMs: 30_000,
      message: 'the graph webview to load its script',
    });
    const tab = graphTabs()[0];
    assert.equal(tab.label, `Graph: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`);
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the graph opens beside the editor');
    // The editor keeps the focus.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());

    await vscode.commands.executeCommand('harness.showPipelineGraph', uri);
    assert.equal(api.pipelineGraphs().length, 1);
    assert.equal(graphTabs().length, 1);
  });

  it('follows an edit of the document', async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const at = doc.getText().indexOf('Say hello');
    await editor.edit((b) =>
      b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Say hello'.length)), 'Say goodbye'),
    );
    await waitFor(() => /aria-label="Step Say goodbye, type ShellScript"/.test(body() ?? ''), {
      message: 'the renamed step in the graph',
    });
    // A parallel step added by typing shows up beside it.
    const end =
      doc.getText().indexOf('                        script: echo hello\n') +
      '                        script: echo hello\n'.length;
    await editor.edit((b) =>
      b.insert(
        doc.positionAt(end),
        [
          '              - parallel:',
          '                  - step:',
          '                      name: Left',
          '                      identifier: left',
          '                      type: Wait',
          '                      spec:',
          '                        duration: 1m',
          '                  - step:',
          '                      name: Right',
          '                      identifier: right',
          '                      type: Wait',
          '                      spec:',
          '                        duration: 1m',
          '',
        ].join('\n'),
      ),
    );
    const html = await waitFor(() => (/In parallel: 2 steps/.test(body() ?? '') ? body() : undefined), {
      message: 'the parallel block in the graph',
    });
    assert.match(html, /Step Left, type Wait[\s\S]*Step Right, type Wait/);
  });

  it("marks the language server's diagnostic on the step it is in", async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const at = doc.getText().indexOf('type: ShellScript');
    // A near-miss step type: the language server reports it on the step.
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'type: ShellScript'.length)),
        'type: ShellScrip',
      ),
    );
    const diags = await harnessDiagnostics(uri, (d) =>
      d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
    );
    const html = await waitFor(() => (/has-error/.test(body() ?? '') ? body() : undefined), {
      timeoutMs: 20_000,
      message: `the error marked in the graph (${diags.map((d) => d.message).join('; ')})`,
    });
    const step = /<div class="node step has-error"[^>]*>/.exec(html)?.[0] ?? '';
    assert.match(step, /aria-label="Step Say goodbye, type ShellScrip, 1 error: /);
    // The stage holding the step is not marked too.
    assert.doesNotMatch(/<div class="node stage[^"]*"[^>]*>/.exec(html)?.[0] ?? '', /has-error/);
  });

  it('forgets a panel the user closed: the command opens a new one', async () => {
    await vscode.window.tabGroups.close(graphTabs());
    await waitFor(() => api.pipelineGraphs().length === 0, { message: 'the closed panel forgotten' });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('harness.showPipelineGraph');
    await waitFor(() => api.pipelineGraphs().length === 1 && graphTabs().length === 1, {
      message: 'a new graph panel',
    });
  });

  it('closes with its document', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => api.pipelineGraphs().length === 0 && graphTabs().length === 0, {
      message: 'the graph panel to close with its document',
    });
  });

  it("shows a watched run's statuses on the nodes, with Open log for a step that has a log", async () => {
    const ext = vscode.extensions.getExtension('harness-community.harness-vscode');
    assert.ok(ext);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PIPELINE));
    const runDoc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(runDoc, vscode.ViewColumn.One);
    const quiet: Log = { info() {}, warn() {}, error() {}, debug() {}, trace() {} };
    // The panel as the feature makes it, fed the update an ExecutionUpdateSource would send.
    const panel = new GraphPanel(runDoc, ext.extensionUri, quiet);
    try {
      const summary = {
        pipelineIdentifier: 'graph_it',
        planExecutionId: 'e1',
        status: 'Failed',
        runSequence: 4,
      };
      const run: ExecutionUpdate = {
        accountId: 'acct',
        scope: { orgIdentifier: 'default', projectIdentifier: 'default_project' },
        pipelineIdentifier: 'graph_it',
        planExecutionId: 'e1',
        summary,
        ended: true,
        detail: {
          summary,
          stagesWithSteps: ['b'],
          stages: [
            {
              id: 'b',
              identifier: 'build',
              name: 'Build',
              kind: 'stage',
              status: 'Failed',
              children: [
                {
                  id: 's',
                  identifier: 'say',
                  name: 'Say hello',
                  kind: 'step',
                  status: 'Failed',
                  failureMessage: 'exit status 1',
                  logBaseKey: 'acct/pipeline/graph_it/4/-e1/build/say',
                  baseFqn: 'pipeline.stages.build.spec.execution.steps.say',
                  children: [],
                },
              ],
            },
          ],
        },
      };
      panel.showRun({ ...run, pipelineIdentifier: 'another_pipeline' });
      panel.showRun(run);
      const html = await waitFor(() => (/run-failed/.test(panel.lastBody) ? panel.lastBody : undefined), {
        message: 'the run marked on the graph',
      });
      assert.match(html, /Run #4: Failed/);
      assert.match(html, /aria-label="Step Say hello, type ShellScript, run status Failed: exit status 1"/);
      assert.match(html, /<button class="open-log" data-log="[^"]+" aria-label="Open log of Say hello">/);
      await waitFor(() => panel.webviewReady || undefined, {
        timeoutMs: 30_000,
        message: 'the webview loaded',
      });
    } finally {
      panel.dispose();
    }
  });
});
