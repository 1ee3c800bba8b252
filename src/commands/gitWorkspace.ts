// What the workspace's Git checkout says about a file: the repository name (from its remote), the
// current branch and the file's path in the repository. Read through VS Code's built-in Git
// extension (`vscode.git`, API version 1) when it is there; it is optional: absent in the web build
// or disabled, every answer is undefined and the prompts fall back to the workspace folder.
import * as vscode from 'vscode';
import { repoNameFromRemoteUrl } from './gitLocation';

/** The part of the `vscode.git` API (extensions/git/src/api/git.d.ts) read here. */
interface GitRepositoryApi {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { readonly name?: string };
    readonly remotes: readonly {
      readonly name: string;
      readonly fetchUrl?: string;
      readonly pushUrl?: string;
    }[];
  };
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepositoryApi | null;
}
interface GitExtensionExports {
  readonly enabled?: boolean;
  getAPI(version: 1): GitApi;
}

export interface WorkspaceGitInfo {
  /** The checkout's repository name, from its `origin` (or first) remote. */
  repoName?: string;
  /** The checked-out branch (none when detached). */
  branch?: string;
  /** The file's path relative to the checkout's root (or to its workspace folder without Git). */
  relativePath: string;
  /** The workspace folder the answers are remembered for. */
  folderKey: string;
}

export class GitWorkspace {
  constructor(private readonly log: { warn(message: string): void }) {}

  private async api(): Promise<GitApi | undefined> {
    const ext = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
    if (!ext) return undefined;
    try {
      const exports = ext.isActive ? ext.exports : await ext.activate();
      return exports?.enabled === false ? undefined : exports?.getAPI(1);
    } catch (err) {
      this.log.warn(
        `the Git extension could not be read: ${err instanceof Error ? err.message : String(err)}`,
      );
      return undefined;
    }
  }

  /** What Git says about `uri`; only the path (from the workspace folder) when it is not in a checkout. */
  async infoFor(uri: vscode.Uri): Promise<WorkspaceGitInfo> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const folderKey = (folder?.uri ?? uri.with({ path: uri.path.replace(/\/[^/]*$/, '') })).toString();
    const fallback = { relativePath: vscode.workspace.asRelativePath(uri, false), folderKey };
    const repo = (await this.api())?.getRepository(uri);
    if (!repo) return fallback;
    const root = repo.rootUri.path.replace(/\/$/, '');
    const relativePath = uri.path.startsWith(`${root}/`)
      ? uri.path.slice(root.length + 1)
      : fallback.relativePath;
    const remote = repo.state.remotes.find((r) => r.name === 'origin') ?? repo.state.remotes[0];
    const url = remote?.fetchUrl ?? remote?.pushUrl;
    const repoName = url ? repoNameFromRemoteUrl(url) : undefined;
    const branch = repo.state.HEAD?.name;
    return { relativePath, folderKey, ...(repoName ? { repoName } : {}), ...(branch ? { branch } : {}) };
  }
}
