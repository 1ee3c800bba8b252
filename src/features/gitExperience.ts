// Git Experience in the editor: the file → pipeline links (workspaceState), the workspace's Git
// checkout (through the optional built-in Git extension), the "Import Pipeline from Git" command,
// and a status bar item naming the pipeline the active file is linked to. Push and Run get `git`
// from here (ResourceCommandsFeature).
import * as vscode from 'vscode';
import type { CommandEnv } from '../commands/context';
import type { GitExperience } from '../commands/gitPrompts';
import { GitWorkspace } from '../commands/gitWorkspace';
import { importPipelineFromGit } from '../commands/importPipeline';
import { PipelineLinkStore, describeLink, linkStatusText } from '../commands/pipelineLinks';

export class GitExperienceFeature implements vscode.Disposable {
  readonly git: GitExperience;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[];

  constructor(context: vscode.ExtensionContext, env: CommandEnv) {
    this.git = {
      links: new PipelineLinkStore(context.workspaceState, () => this.showLink()),
      workspace: new GitWorkspace(env.log),
    };
    this.status = vscode.window.createStatusBarItem(
      'harness.pipelineLink',
      vscode.StatusBarAlignment.Left,
      40,
    );
    this.status.name = 'Harness Pipeline Link';
    this.disposables = [
      this.status,
      vscode.commands.registerCommand('harness.importPipelineFromGit', (arg: unknown) =>
        importPipelineFromGit(env, this.git, arg),
      ),
      vscode.window.onDidChangeActiveTextEditor(() => this.showLink()),
    ];
    this.showLink();
  }

  /** The active file's link, if it has one. */
  private showLink(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const link = uri ? this.git.links.get(uri.toString()) : undefined;
    if (!link) {
      this.status.hide();
      return;
    }
    this.status.text = linkStatusText(link);
    this.status.tooltip = `Harness: this file is pipeline ${describeLink(link)} (account ${link.accountId}). Push and Run Pipeline go there.`;
    this.status.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
