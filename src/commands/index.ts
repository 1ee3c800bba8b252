// Resource commands (push, open, run, create, delete, test connection, open in browser, copy
// identifier) and the `harness:` file system, registered at activation. Every command returns
// a result object (see invocation.ts) so tests and other extensions can drive it.
import * as vscode from 'vscode';
import { createConnector } from './createConnector';
import { createProject } from './createProject';
import { ExecutionWatcher } from './executionWatcher';
import { markPushed } from './fs/justPushed';
import { HARNESS_SCHEME, parsePipelineUri } from './fs/pipelineUri';
import { HarnessFileSystemProvider } from './fs/provider';
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

/** `harness.pushPipeline(uri?, options?)`; with options it never prompts. */
export async function pushPipelineCommand(arg?: unknown, second?: unknown): Promise<PushResult> {
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
  const location = uri.scheme === HARNESS_SCHEME ? parsePipelineUri(uri.path, uri.query) : undefined;
  const text = doc.getText();
  const result = await pushText({ text, sourceUri: uri, doc, location, options: options ?? {}, interactive });
  // A pushed harness: document is now what Harness has: save it so it is no longer dirty.
  if (result.status === 'ok' && location && doc.isDirty && doc.getText() === text) {
    markPushed(uri.toString(), text);
    await doc.save();
  }
  return result;
}

export function registerResourceCommands(context: vscode.ExtensionContext): void {
  const watcher = new ExecutionWatcher();
  context.subscriptions.push(
    watcher,
    vscode.workspace.registerFileSystemProvider(HARNESS_SCHEME, new HarnessFileSystemProvider(), {
      isCaseSensitive: true,
    }),
  );
  registerRemoteSnapshots(context);
  registerProblemTracking(context);
  const commands: [string, (...args: unknown[]) => unknown][] = [
    ['harness.pushPipeline', (a, b) => pushPipelineCommand(a, b)],
    ['harness.openPipeline', (a) => openPipeline(a)],
    ['harness.runPipeline', (a) => runPipeline(watcher, a)],
    ['harness.createProject', (a) => createProject(a)],
    ['harness.createConnector', (a) => createConnector(a)],
    ['harness.deletePipeline', (a) => deleteResource('pipeline', a)],
    ['harness.deleteConnector', (a) => deleteResource('connector', a)],
    ['harness.deleteProject', (a) => deleteResource('project', a)],
    ['harness.testConnection', (a) => testConnection(a)],
    ['harness.openInBrowser', (a) => openInBrowser(a)],
    ['harness.copyIdentifier', (a) => copyIdentifier(a)],
  ];
  for (const [id, handler] of commands)
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
}
