// Git Experience in the editor: the file → pipeline links (workspaceState), the workspace's Git
// checkout (through the optional built-in Git extension), and the "Import Pipeline from Git"
// command. Push and Run get `git` from here (ResourceCommandsFeature).
import * as vscode from 'vscode';
import type { CommandEnv } from '../commands/context';
import type { GitExperience } from '../commands/gitPrompts';
import { GitWorkspace } from '../commands/gitWorkspace';
import { importPipelineFromGit } from '../commands/importPipeline';
import { PipelineLinkStore } from '../commands/pipelineLinks';

export class GitExperienceFeature implements vscode.Disposable {
  readonly git: GitExperience;
  private readonly disposables: vscode.Disposable[];

  constructor(context: vscode.ExtensionContext, env: CommandEnv) {
    this.git = { links: new PipelineLinkStore(context.workspaceState), workspace: new GitWorkspace(env.log) };
    this.disposables = [
      vscode.commands.registerCommand('harness.importPipelineFromGit', (arg: unknown) =>
        importPipelineFromGit(env, this.git, arg),
      ),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
