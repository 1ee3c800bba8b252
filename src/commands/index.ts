// Resource commands (push, open, run, create, delete, test connection, open in browser, copy
// identifier) and the `harness:` file system, registered at activation. Every command returns
// a result object (see invocation.ts) so tests and other extensions can drive it.
import * as vscode from 'vscode';
import { log } from '../log';
import type { CommandEnv } from './context';
import { createConnector } from './createConnector';
import { createProject } from './createProject';
import { ExecutionWatcher } from './executionWatcher';
import { Drafts } from './fs/drafts';
import { DraftsUi } from './fs/draftsUi';
import { fileDraftStorage } from './fs/draftStorage';
import { HARNESS_SCHEME, locationKey } from './fs/pipelineUri';
import { HarnessFileSystemProvider, locationOf } from './fs/provider';
import { SaveReasons } from './fs/saveReasons';
import { registerRemoteSnapshots } from './fs/remoteSnapshots';
import { isOptions } from './invocation';
import { registerProblemTracking } from './problems';
import { PUSH_OPTION_KEYS, pushText, type PushOptions, type PushResult } from './push';
import { copyIdentifier, deleteResource, openInBrowser, openPipeline, testConnection } from './resources';
import { runPipeline } from './run';

function pushOptions(value: unknown): PushOptions | undefined {
  if (!isOptions(value)) return undefined;
  return Object.keys(value).some((k) => PUSH_OPTION_KEYS.includes(k)) ? (value as PushOptions) : undefined;
}

/**
 * `harness.pushPipeline(uri?, options?)`; with options it never prompts. The one way a
 * `harness:` document reaches Harness: Ctrl+S in its editor is bound to this command.
 */
export async function pushPipelineCommand(
  env: CommandEnv,
  fs: { provider: HarnessFileSystemProvider; drafts: Drafts },
  arg?: unknown,
  second?: unknown,
): Promise<PushResult> {
  const options = pushOptions(second) ?? pushOptions(arg);
  const interactive = options === undefined;
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : isOptions(arg) && typeof arg.uri === 'string'
        ? vscode.Uri.parse(arg.uri)
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    if (interactive) void vscode.window.showErrorMessage('Harness: open a pipeline YAML file to push it.');
    return { status: 'refused', reason: 'no document to push' };
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const location = locationOf(uri);
  const text = doc.getText();
  const result = await pushText(env, {
    text,
    sourceUri: uri,
    doc,
    location,
    options: options ?? {},
    interactive,
  });
  if (result.status === 'ok' && location) {
    // What Harness has now is this text: no draft of it is kept, and the editor is saved (clean)
    // unless it was edited while the push ran.
    await fs.drafts.discard(locationKey(location));
    if (doc.isDirty && doc.getText() === text) {
      fs.provider.markPushed(uri, text);
      await doc.save();
    }
  }
  return result;
}

export function registerResourceCommands(context: vscode.ExtensionContext, env: CommandEnv): void {
  const watcher = new ExecutionWatcher(env.tree, env.log);
  const drafts = new Drafts(fileDraftStorage(context.globalStorageUri));
  const reasons = new SaveReasons();
  const provider = new HarnessFileSystemProvider({ drafts, reasons });
  const ui = new DraftsUi(drafts, provider);
  const fs = { provider, drafts };
  context.subscriptions.push(
    watcher,
    drafts,
    reasons,
    provider,
    ui,
    vscode.workspace.registerFileSystemProvider(HARNESS_SCHEME, provider, { isCaseSensitive: true }),
  );
  registerRemoteSnapshots(context);
  registerProblemTracking(context);
  const commands: [string, (...args: unknown[]) => unknown][] = [
    ['harness.pushPipeline', (a, b) => pushPipelineCommand(env, fs, a, b)],
    ['harness.openPipeline', (a) => openPipeline(env, a)],
    ['harness.runPipeline', (a) => runPipeline(env, watcher, a)],
    ['harness.createProject', (a) => createProject(env, a)],
    ['harness.createConnector', (a) => createConnector(env, a)],
    ['harness.deletePipeline', (a) => deleteResource(env, 'pipeline', a)],
    ['harness.deleteConnector', (a) => deleteResource(env, 'connector', a)],
    ['harness.deleteProject', (a) => deleteResource(env, 'project', a)],
    ['harness.testConnection', (a) => testConnection(env, a)],
    ['harness.openInBrowser', (a) => openInBrowser(env, a)],
    ['harness.copyIdentifier', (a) => copyIdentifier(a)],
  ];
  for (const [id, handler] of commands)
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  // Drafts kept from an earlier session are offered once the window has settled.
  const offer = setTimeout(
    () => void ui.offerKeptDrafts().catch((err: unknown) => log.debug(`draft offer: ${String(err)}`)),
    3000,
  );
  context.subscriptions.push({ dispose: () => clearTimeout(offer) });
}
