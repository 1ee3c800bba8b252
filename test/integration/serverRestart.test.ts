// The language server's lifecycle in VS Code's real extension host: killing the server process
// restarts it (the status item says restarting, then running) and the restarted server validates
// the open Harness document; killed too often within the restart budget it stays stopped with an
// error status, until "Harness: Restart Language Server" starts a fresh one; deactivate waits for
// the server to stop.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { HarnessExtensionApi } from '../../src/extension';
import { waitFor } from './helpers/waitFor';

const EXTENSION_ID = 'harness-community.harness-vscode';

/** A valid pipeline; `problem` swaps one line for a line the server must report. */
function pipeline(problem?: { line: string; with: string }): string {
  const text = [
    'pipeline:',
    '  name: Restart IT',
    '  identifier: restart_it',
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
    '                        script: echo hi',
    '',
  ].join('\n');
  return problem ? text.replace(problem.line, problem.with) : text;
}

/** A tab in the indentation (diagnostic code `tab`). */
const TAB = { line: '  name: Restart IT', with: '\tname: Restart IT' };
/** An unknown key under the pipeline. */
const UNKNOWN_KEY = {
  line: '  identifier: restart_it',
  with: '  identifier: restart_it\n  notAPipelineKey: 1',
};

function isApi(value: unknown): value is HarnessExtensionApi {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'languageServer') === 'function'
  );
}

/**
 * The pid of the client's server process. vscode-languageclient keeps its child process in a
 * private field; reading it is the test's business only (the extension never does).
 */
function serverPid(client: BaseLanguageClient | undefined): number | undefined {
  const child: unknown = client ? Reflect.get(client, '_serverProcess') : undefined;
  const pid: unknown = typeof child === 'object' && child !== null ? Reflect.get(child, 'pid') : undefined;
  return typeof pid === 'number' ? pid : undefined;
}

function harnessDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'harness');
}

describe('language server restart in the real extension host', function () {
  this.timeout(120_000);
  let api: HarnessExtensionApi;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  /** Replaces the document's text (the server sees an edit). */
  async function setText(text: string): Promise<void> {
    const editor = await vscode.window.showTextDocument(doc);
    const ok = await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), text));
    assert.ok(ok, 'the edit applied');
  }

  /** Waits until the server runs with a process other than `oldPid`, and returns the new pid. */
  async function runningAgain(oldPid: number | undefined, message: string): Promise<number> {
    return waitFor(
      () => {
        const probe = api.languageServer();
        const pid = serverPid(probe.client);
        return probe.status.phase === 'running' && pid !== undefined && pid !== oldPid ? pid : undefined;
      },
      { timeoutMs: 30_000, message },
    );
  }

  /** Kills the running server's process and returns its pid. */
  function killServer(): number {
    const pid = serverPid(api.languageServer().client);
    assert.ok(pid, 'the running client has a server process with a pid');
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const exported = await extension.activate();
    assert.ok(isApi(exported), 'activate() should return the test API with languageServer()');
    api = exported;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    uri = vscode.Uri.joinPath(folder.uri, '.harness', `restart-it-${Date.now()}.yaml`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(pipeline(TAB)));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => harnessDiagnostics(uri).some((d) => d.code === 'tab'), {
      timeoutMs: 30_000,
      message: 'the tab diagnostic from the first server',
    });
    await runningAgain(undefined, 'the first server running');
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    // Saved first: a dirty document whose file is then deleted ends in a save error.
    if (doc.isDirty) await doc.save();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('shows the running server in its language status item', () => {
    const probe = api.languageServer();
    assert.equal(probe.text, 'Harness server: running');
    assert.equal(probe.severity, 'information');
    assert.equal(probe.busy, false);
  });

  it('restarts a killed server, which validates the document again', async () => {
    const seen: string[] = [];
    const sub = api.languageServer().onDidChange((view) => seen.push(`${view.text} (${view.severity})`));
    try {
      const killed = killServer();
      await runningAgain(killed, 'a new server process running after the kill');
      // Only the restarted server can report a problem the document did not have before.
      await setText(pipeline(UNKNOWN_KEY));
      const diags = await waitFor(
        () => {
          const d = harnessDiagnostics(uri);
          return !d.some((x) => x.code === 'tab') && d.some((x) => /notAPipelineKey/.test(x.message)) && d;
        },
        {
          timeoutMs: 30_000,
          message: 'the restarted server to report the unknown key (and not the old tab)',
        },
      );
      assert.ok(diags.length > 0);
      assert.deepEqual(
        [seen[0], seen[seen.length - 1]],
        ['Harness server: restarting (warning)', 'Harness server: running (information)'],
        `status changes: ${seen.join(' → ')}`,
      );
      assert.ok(
        api.logLines().some((l) => /stopped unexpectedly and is being restarted \(restart 1 of 4/.test(l)),
        'the restart is in the Harness log',
      );
    } finally {
      sub.dispose();
    }
  });

  it('stays stopped after too many crashes, with an error status, until restarted by hand', async () => {
    // One restart is spent (previous test); three more are allowed, the fifth crash is one too many.
    for (let i = 0; i < 3; i++) await runningAgain(killServer(), `restart ${i + 2} after a kill`);
    killServer();
    const stopped = await waitFor(
      () => {
        const probe = api.languageServer();
        return probe.status.phase === 'stopped' && probe;
      },
      { timeoutMs: 30_000, message: 'the server to stay stopped after the fifth crash' },
    );
    assert.equal(stopped.text, 'Harness server: stopped');
    assert.equal(stopped.severity, 'error');
    assert.match(stopped.detail, /crashed 5 times in 3 minutes and will not be restarted automatically/);
    // And it really stays stopped.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(api.languageServer().status.phase, 'stopped');

    const shown = await vscode.commands.executeCommand<{ text: string }>('harness.restartLanguageServer');
    assert.equal(shown.text, 'Harness server: running');
    await runningAgain(undefined, 'the server restarted by hand');
    await setText(pipeline(TAB));
    await waitFor(() => harnessDiagnostics(uri).some((d) => d.code === 'tab'), {
      timeoutMs: 30_000,
      message: 'the server restarted by hand to report the tab',
    });
    // A fresh budget: the next crash restarts it again.
    await runningAgain(killServer(), 'a restart after the restart by hand');
  });

  it('deactivate resolves once the server has stopped, within its timeout', async () => {
    const pid = serverPid(api.languageServer().client);
    assert.ok(pid, 'a running server');
    // The entry module VS Code activated (the extension host's require cache holds it).
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const load = createRequire(__filename);
    const entry = load(path.join(extension.extensionPath, 'dist', 'extension.js')) as {
      deactivate(): Promise<void>;
    };
    const started = Date.now();
    await entry.deactivate();
    assert.ok(Date.now() - started < 3_500, `deactivate took ${Date.now() - started} ms`);
    assert.equal(api.languageServer().status.phase, 'stopped');
    assert.equal(api.languageServer().status.failed, false, 'a deliberate stop is not a failure');
    await waitFor(() => !processAlive(pid), { timeoutMs: 5_000, message: `server process ${pid} to exit` });
    // Leave a running server for the tests after this one.
    await vscode.commands.executeCommand('harness.restartLanguageServer');
    await runningAgain(pid, 'the server restarted after deactivate');
  });
});

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
