// Resource commands (push, open, run, create, delete, test connection, open in browser, copy
// identifier), with the execution watcher runs report to and the diagnostics gate push checks.
// Every command returns a result object (see commands/invocation.ts) so tests and other
// extensions can drive it.
import * as vscode from 'vscode';
import type { CommandEnv } from '../commands/context';
import { createConnector } from '../commands/createConnector';
import { createProject } from '../commands/createProject';
import type { ExecutionWatcher } from '../commands/executionWatcher';
import type { GitExperience } from '../commands/gitPrompts';
import { ProblemTracker, type ValidateDocument } from '../commands/problems';
import { pushPipelineCommand, type PipelineFiles } from '../commands/pushCommand';
import {
  copyIdentifier,
  deleteResource,
  openInBrowser,
  openPipeline,
  testConnection,
} from '../commands/resources';
import { runPipeline } from '../commands/run';

export class ResourceCommandsFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  /** `watcher`: the status-bar execution watcher, shared with the execution commands (owned by the caller). */
  /** `git`: Git Experience (links of local files, Git questions); without it Push never asks about Git. */
  constructor(
    env: CommandEnv,
    files: PipelineFiles,
    validate: ValidateDocument,
    watcher: ExecutionWatcher,
    git?: GitExperience,
  ) {
    const problems = new ProblemTracker(validate);
    const commands: [string, (...args: unknown[]) => unknown][] = [
      ['harness.pushPipeline', (a, b) => pushPipelineCommand(env, files, problems, a, b, git)],
      ['harness.openPipeline', (a) => openPipeline(env, a)],
      ['harness.runPipeline', (a) => runPipeline(env, watcher, a, git)],
      ['harness.createProject', (a) => createProject(env, a)],
      ['harness.createConnector', (a) => createConnector(env, a)],
      ['harness.deletePipeline', (a) => deleteResource(env, 'pipeline', a)],
      ['harness.deleteConnector', (a) => deleteResource(env, 'connector', a)],
      ['harness.deleteProject', (a) => deleteResource(env, 'project', a)],
      ['harness.testConnection', (a) => testConnection(env, a)],
      ['harness.openInBrowser', (a) => openInBrowser(env, a)],
      ['harness.copyIdentifier', (a) => copyIdentifier(a)],
    ];
    this.disposables = [
      problems,
      ...commands.map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
