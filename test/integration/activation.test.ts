// The extension in VS Code's real extension host: it activates, its manifest contributes the
// Harness activity bar container, view and commands, the workbench really registered them, and
// activation was written to the "Harness" log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exportsFor, type HarnessExtensionApi } from '../../src/extension';
import { waitFor } from './helpers/waitFor';

const EXTENSION_ID = 'harness-community.harness-vscode';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}

function isApi(value: unknown): value is HarnessExtensionApi {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'logLines') === 'function';
}

describe('activation in the real extension host', () => {
  let extension: vscode.Extension<unknown>;
  let api: HarnessExtensionApi;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded in the extension host`);
    extension = found;
    const exported = await extension.activate();
    assert.ok(isApi(exported), 'activate() should return the test API with logLines()');
    api = exported;
  });

  it('is active and loaded from the development folder', () => {
    assert.equal(extension.isActive, true);
    assert.equal(extension.packageJSON.name, 'harness-vscode');
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('exports its account hooks in test runs only: other extensions get nothing that can use the token', () => {
    assert.equal(exportsFor(vscode.ExtensionMode.Test, api), api);
    assert.deepEqual(exportsFor(vscode.ExtensionMode.Production, api), {});
    assert.deepEqual(exportsFor(vscode.ExtensionMode.Development, api), {});
  });

  it('declares its authentication provider in the manifest', () => {
    assert.deepEqual(extension.packageJSON.contributes.authentication, [{ id: 'harness', label: 'Harness' }]);
    assert.ok(extension.packageJSON.activationEvents.includes('onAuthenticationRequest:harness'));
  });

  it('uses narrow activation events only', () => {
    const events: unknown = extension.packageJSON.activationEvents;
    assert.ok(Array.isArray(events));
    assert.ok(!events.includes('*'), 'activation event "*" makes every window pay for the extension');
  });

  it('contributes the Harness activity bar container and its resources view', () => {
    const contributes = extension.packageJSON.contributes;
    const containers: { id: string; title: string }[] = contributes.viewsContainers.activitybar;
    assert.deepEqual(
      containers.find((c) => c.id === 'harness'),
      { id: 'harness', title: 'Harness', icon: 'media/harness.svg' },
    );
    const views: { id: string }[] = contributes.views.harness;
    assert.ok(
      views.some((v) => v.id === 'harness.resources'),
      'the harness container should hold harness.resources',
    );
  });

  it('titles every command "Harness: …" through its category', () => {
    const commands: CommandContribution[] = extension.packageJSON.contributes.commands;
    assert.ok(commands.length >= 5, `expected the Harness commands, got ${commands.length}`);
    for (const c of commands) {
      assert.match(c.command, /^harness\./, `${c.command} should be in the harness. namespace`);
      assert.equal(c.category, 'Harness', `${c.command} should have category Harness`);
      assert.ok(c.title.length > 0);
    }
  });

  it('registers every contributed command after activation', async () => {
    const contributed = (extension.packageJSON.contributes.commands as CommandContribution[]).map(
      (c) => c.command,
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('has a workbench container and view the user can open', async () => {
    const registered = new Set(await vscode.commands.getCommands(false));
    // The workbench creates these commands only for containers and views it actually registered.
    assert.ok(
      registered.has('workbench.view.extension.harness'),
      'no workbench command for the harness container',
    );
    assert.ok(registered.has('harness.resources.focus'), 'no focus command for the harness.resources view');
    await vscode.commands.executeCommand('workbench.view.extension.harness');
    await vscode.commands.executeCommand('harness.resources.focus');
  });

  it('wrote the activation line to the "Harness" log', async () => {
    const version: string = extension.packageJSON.version;
    const line = await waitFor(
      () => api.logLines().find((l) => l.includes(`Harness extension ${version} activated in`)),
      { timeoutMs: 5_000, message: 'the activation line in the Harness log' },
    );
    // The Node extension host runs the desktop build (main), not the browser one.
    assert.match(line, /^\[info\] Harness extension \S+ activated in \d+ ms \(desktop\)$/);
  });

  it('opens its log with "Harness: Show Log"', async () => {
    // The log is an `output:` document the Output panel shows: closed first, so the command is
    // what brings it into view.
    const harnessLog = () =>
      vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === 'output' && e.document.uri.toString().includes('Harness'),
      );
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await waitFor(() => !harnessLog(), { message: 'the Output panel to close' });
    await vscode.commands.executeCommand('harness.showOutput');
    const editor = await waitFor(harnessLog, { message: 'the Harness log shown in the Output panel' });
    assert.match(editor.document.getText(), /Harness extension \S+ activated in \d+ ms/);
  });
});
