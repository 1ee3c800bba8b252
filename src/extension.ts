// Extension entry point. Activation stays cheap: register contributions and return; the
// language client, the API client and the tree load their data only when first needed.
import * as vscode from 'vscode';
import { getLog, log, recentLogLines } from './log';
import { registerAccountFeatures, type AccountFeaturesApi } from './account';
import { registerResourceCommands } from './commands';
import { registerLanguageFeatures } from './language';

/** What `activate` returns (`extensions.getExtension(id).exports`): read-only hooks for tests. */
export interface HarnessExtensionApi extends AccountFeaturesApi {
  /** Recent lines of the "Harness" log, redacted, oldest first. */
  logLines(): string[];
}

export function activate(context: vscode.ExtensionContext): HarnessExtensionApi {
  const started = Date.now();
  context.subscriptions.push(getLog());
  context.subscriptions.push(
    vscode.commands.registerCommand('harness.showOutput', () => getLog().show(true)),
  );
  void vscode.commands.executeCommand('setContext', 'harness.signedIn', false);
  const account = registerAccountFeatures(context);
  registerResourceCommands(context);
  registerLanguageFeatures(context);
  log.info(
    `Harness extension ${context.extension.packageJSON.version} activated in ${Date.now() - started} ms`,
  );
  return { ...account, logLines: recentLogLines };
}

export function deactivate(): void {
  // Disposables registered on the context are disposed by VS Code.
}
