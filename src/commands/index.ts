// Resource commands (push, open, run, create, delete, test connection, open in browser, copy
// identifier) and the `harness:` file system, registered at activation. Every command returns
// a result object (see invocation.ts) so tests and other extensions can drive it.
import * as vscode from 'vscode';
import type { CommandEnv } from './context';
import { createConnector } from './createConnector';
import { createProject } from './createProject';
import { ExecutionWatcher } from './executionWatcher';
import type { Baselines } from './fs/baselines';
import type { Drafts } from './fs/drafts';
import { locationKey } from './fs/pipelineUri';
import { locationOf, type HarnessFileSystemProvider } from './fs/provider';
import type { RemoteSnapshots } from './fs/remoteSnapshots';
import { isOptions } from './invocation';
import { ProblemTracker, type ValidateDocument } from './problems';
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
/** The pipeline files feature, as push sees it. */
export interface PipelineFiles {
  provider: HarnessFileSystemProvider;
  drafts: Drafts;
  baselines: Baselines;
  snapshots: RemoteSnapshots;
}

export async function pushPipelineCommand(
  env: CommandEnv,
  fs: PipelineFiles,
  problems: ProblemTracker,
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
  const result = await pushText(
    { env, baselines: fs.baselines, snapshots: fs.snapshots, problems },
    {
      text,
      sourceUri: uri,
      doc,
      location,
      options: options ?? {},
      interactive,
    },
  );
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

export function registerResourceCommands(
  context: vscode.ExtensionContext,
  env: CommandEnv,
  fs: PipelineFiles,
  validate: ValidateDocument,
): void {
  const watcher = new ExecutionWatcher(env.tree, env.log);
  const problems = new ProblemTracker(validate);
  context.subscriptions.push(watcher, problems);
  const commands: [string, (...args: unknown[]) => unknown][] = [
    ['harness.pushPipeline', (a, b) => pushPipelineCommand(env, fs, problems, a, b)],
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
}
