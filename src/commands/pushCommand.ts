// `harness.pushPipeline(uri?, options?)`: the command around pushText (push.ts). With options it
// never prompts. The one way a `harness:` document reaches Harness: Ctrl+S in its editor is bound
// to this command; after a push the document's draft is dropped and the editor saved.
import * as vscode from 'vscode';
import type { CommandEnv } from './context';
import type { GitExperience } from './gitPrompts';
import type { Baselines } from './fs/baselines';
import type { Drafts } from './fs/drafts';
import { locationKey } from './fs/pipelineUri';
import { locationOf, type HarnessFileSystemProvider } from './fs/provider';
import type { RemoteSnapshots } from './fs/remoteSnapshots';
import { isOptions } from './invocation';
import type { ProblemTracker } from './problems';
import { PUSH_OPTION_KEYS, pushText, type PushOptions, type PushResult } from './push';

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
  git?: GitExperience,
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
    { env, baselines: fs.baselines, snapshots: fs.snapshots, problems, ...(git ? { git } : {}) },
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
