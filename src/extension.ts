// Extension entry point: builds the features and wires them together, here and nowhere else.
// Activation stays cheap: register contributions and return; the language client, the API client
// and the tree load their data only when first needed.
import * as vscode from 'vscode';
import { getLog, log, recentLogLines } from './log';
import { registerAccountFeatures, type AccountFeaturesApi } from './account';
import { registerResourceCommands } from './commands';
import { CommandEnv } from './commands/context';
import { PipelineFilesFeature } from './features/pipelineFiles';
import { TreeFeature } from './features/tree';
import { LanguageFeature } from './features/language';
import type { HarnessTreeProvider } from './tree/provider';

/**
 * What `activate` returns (`extensions.getExtension(id).exports`) in test runs only: hooks that
 * reach the signed-in account (the tree, the current account and its API client). Any installed
 * extension can read an extension's exports, so outside tests they carry nothing: another
 * extension that wants Harness data asks for a session through `vscode.authentication` and the
 * user's consent.
 */
export interface HarnessExtensionApi extends AccountFeaturesApi {
  /** The resources view's data provider: tests walk the tree through getChildren/getTreeItem. */
  tree: HarnessTreeProvider;
  /** Recent lines of the "Harness" log, redacted, oldest first. */
  logLines(): string[];
}

/** The exports for a run in `mode`: the test hooks in test runs, nothing otherwise. */
export function exportsFor(
  mode: vscode.ExtensionMode,
  hooks: HarnessExtensionApi,
): HarnessExtensionApi | Record<string, never> {
  return mode === vscode.ExtensionMode.Test ? hooks : {};
}

export function activate(context: vscode.ExtensionContext): HarnessExtensionApi | Record<string, never> {
  const started = Date.now();
  context.subscriptions.push(getLog());
  context.subscriptions.push(
    vscode.commands.registerCommand('harness.showOutput', () => getLog().show(true)),
  );
  void vscode.commands.executeCommand('setContext', 'harness.signedIn', false);
  const account = registerAccountFeatures(context);
  const tree = new TreeFeature(account.manager);
  context.subscriptions.push(
    tree,
    tree.onDidChangeSelection((scope) => account.statusBar.setScope(scope)),
    account.manager.onDidChangeLabel((ctx) => tree.relabel(ctx)),
  );
  const files = new PipelineFilesFeature(context, account.manager, log);
  context.subscriptions.push(files);
  const language = new LanguageFeature(context, account.manager, log);
  registerResourceCommands(context, new CommandEnv(account.manager, tree, log), files, (doc) =>
    language.validateDocument(doc),
  );
  context.subscriptions.push(language);
  log.info(
    `Harness extension ${context.extension.packageJSON.version} activated in ${Date.now() - started} ms`,
  );
  return exportsFor(context.extensionMode, {
    tree: tree.provider,
    ready: account.ready,
    currentAccount: account.currentAccount,
    storedSessionIds: account.storedSessionIds,
    logLines: recentLogLines,
  });
}

export function deactivate(): void {
  // Disposables registered on the context are disposed by VS Code.
}
