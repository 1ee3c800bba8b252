// What both entries run (src/extension.ts on desktop, src/web/extension.ts in the browser): builds
// the features and wires them together, here and nowhere else. The platform supplies what differs:
// how API requests leave (undici or fetch), where the language server runs (a Node process or a
// web worker), and the environment the environment session is read from.
// Activation stays cheap: every feature only registers its contributions; the language client
// starts with the first Harness document, an account's API client with its first request, and
// the tree loads when it is shown.
import * as vscode from 'vscode';
import type { AccountContext } from './account/accounts';
import type { ClientFactory } from './account/manager';
import { CommandEnv } from './commands/context';
import { ExecutionWatcher } from './commands/executionWatcher';
import { AccountFeature } from './features/account';
import { ExecutionCommandsFeature, ExecutionPollersFeature } from './features/executions';
import { GitExperienceFeature } from './features/gitExperience';
import { GraphFeature, type GraphPanelProbe } from './features/graph';
import { LanguageFeature, type LanguageServerProbe } from './features/language';
import { PipelineFilesFeature } from './features/pipelineFiles';
import { ResourceCommandsFeature } from './features/resourceCommands';
import { InputSetsFeature } from './features/inputSets';
import { StepLogsFeature } from './features/stepLogs';
import { TreeFeature } from './features/tree';
import type { LanguageClientFactory } from './language/client';
import type { HarnessTreeProvider } from './tree/provider';
import { HarnessLog, type Log } from './ui/log';

/** What differs between the desktop (Node extension host) and the browser (web worker host). */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** Makes the API clients: undici with VS Code's network settings, or the browser's fetch. */
  clientFactory(log: Log): ClientFactory;
  /** Makes the language client: the server as a Node child process, or in a web worker. */
  readonly languageClient: LanguageClientFactory;
  /** Where HARNESS_API_KEY (the environment session) is read from; empty in the browser. */
  readonly environment: Readonly<Record<string, string | undefined>>;
}

/**
 * What `activate` returns (`extensions.getExtension(id).exports`) in test runs only: hooks that
 * reach the signed-in account (the tree, the current account and its API client). Any installed
 * extension can read an extension's exports, so outside tests they carry nothing: another
 * extension that wants Harness data asks for a session through `vscode.authentication` and the
 * user's consent.
 */
export interface HarnessExtensionApi {
  /** The resources view's data provider: tests walk the tree through getChildren/getTreeItem. */
  tree: HarnessTreeProvider;
  /** Resolves when stored sessions have been read at start-up. */
  ready: Promise<void>;
  /** The active account, if any. */
  currentAccount(): AccountContext | undefined;
  /** Stored sign-ins (no tokens), for tests that clean up after themselves. */
  storedSessionIds(): string[];
  /** Recent lines of the "Harness" log, redacted, oldest first. */
  logLines(): string[];
  /** Which build is running: 'desktop' (main) or 'web' (browser). */
  platform: Platform['kind'];
  /** The language server's state as its status item shows it, and its client. */
  languageServer(): LanguageServerProbe;
  /** The open pipeline graph panels and what each last rendered. */
  pipelineGraphs(): GraphPanelProbe[];
}

/** The exports for a run in `mode`: the test hooks in test runs, nothing otherwise. */
export function exportsFor(
  mode: vscode.ExtensionMode,
  hooks: HarnessExtensionApi,
): HarnessExtensionApi | Record<string, never> {
  return mode === vscode.ExtensionMode.Test ? hooks : {};
}

/** How long `deactivate` waits for the language server to stop (VS Code waits about 5 s for all). */
export const DEACTIVATE_TIMEOUT_MS = 3_000;

/** What VS Code calls in an entry module. */
export interface HarnessEntry {
  activate(context: vscode.ExtensionContext): HarnessExtensionApi | Record<string, never>;
  /** Resolves when the language server has stopped, or after DEACTIVATE_TIMEOUT_MS; never rejects. */
  deactivate(): Promise<void>;
}

/**
 * An entry's activate and deactivate for a platform. VS Code calls deactivate without arguments,
 * so the one thing it needs, how to stop this activation's language server, is kept here, per
 * entry, rather than in a module-level variable.
 */
export function harnessEntry(platform: () => Platform): HarnessEntry {
  let stopLanguageServer: (() => Promise<void>) | undefined;
  return {
    activate(context) {
      const { exports, language } = activateHarness(context, platform());
      stopLanguageServer = () => language.stop(DEACTIVATE_TIMEOUT_MS);
      return exports;
    },
    async deactivate() {
      const stop = stopLanguageServer;
      stopLanguageServer = undefined;
      // The features themselves are disposed by VS Code (context.subscriptions).
      await stop?.();
    },
  };
}

export function activateHarness(
  context: vscode.ExtensionContext,
  platform: Platform,
): { exports: HarnessExtensionApi | Record<string, never>; language: LanguageFeature } {
  const started = Date.now();
  const log = new HarnessLog();
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('harness.showOutput', () => log.show()),
  );
  void vscode.commands.executeCommand('setContext', 'harness.signedIn', false);
  // Welcome views and messages that differ in the browser (no http.proxy there, CORS instead).
  void vscode.commands.executeCommand('setContext', 'harness.web', platform.kind === 'web');

  const accounts = new AccountFeature(context, platform.clientFactory(log), log, platform.environment);
  const manager = accounts.manager;
  // One poller per execution, shared by the tree, the status-bar watcher and the pipeline graph.
  const executions = new ExecutionPollersFeature(log);
  const tree = new TreeFeature(manager, executions.pollers);
  const files = new PipelineFilesFeature(context, manager, log);
  const language = new LanguageFeature(context, manager, log, platform.languageClient);
  const env = new CommandEnv(manager, tree, log);
  const watcher = new ExecutionWatcher(tree, log, executions.pollers);
  // Git Experience: file → pipeline links, the Git questions of Push, Import Pipeline from Git.
  const gitExperience = new GitExperienceFeature(context, env);
  const commands = new ResourceCommandsFeature(
    env,
    files,
    (doc) => language.validateDocument(doc),
    watcher,
    gitExperience.git,
  );
  const executionCommands = new ExecutionCommandsFeature(env, watcher);
  // The graph shows the status of the runs the pollers follow.
  const graph = new GraphFeature(context.extensionUri, log, executions.pollers);
  context.subscriptions.push(
    accounts,
    executions,
    watcher,
    executionCommands,
    tree,
    graph,
    files,
    language,
    commands,
    gitExperience,
    // The status bar names the scope selected in the tree; the tree shows the account's new name.
    tree.onDidChangeSelection((scope) => accounts.statusBar.setScope(scope)),
    manager.onDidChangeLabel((account) => tree.relabel(account)),
  );
  // Step logs as read-only documents (harness.openStepLog), followed while the step runs.
  context.subscriptions.push(new StepLogsFeature(env));
  // Input sets in the tree: their YAML read-only (harness.openInputSet), Run with this Input Set.
  context.subscriptions.push(new InputSetsFeature(env));
  const ready = accounts.initialize();

  log.info(
    `Harness extension ${context.extension.packageJSON.version} activated in ${Date.now() - started} ms (${platform.kind})`,
  );
  const exports = exportsFor(context.extensionMode, {
    tree: tree.provider,
    ready,
    currentAccount: () => manager.current(),
    storedSessionIds: () => manager.storedSessions().map((s) => s.id),
    logLines: () => log.lines(),
    platform: platform.kind,
    languageServer: () => language.probe(),
    pipelineGraphs: () => graph.probe(),
  });
  return { exports, language };
}
