// The questions of Git Experience: inline or Git for a new pipeline, and where in Git (connector,
// repository, branch, file path, commit message), with defaults from the last answers in this
// workspace folder and from the workspace's Git checkout. Used by Push (new pipelines) and Import.
import * as vscode from 'vscode';
import type { GitParams, ProjectScope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import type { CommandEnv } from './context';
import { createCommitMessage, defaultGitFilePath, gitFilePathProblem } from './gitLocation';
import type { GitWorkspace } from './gitWorkspace';
import { gitDefaultsFor, type PipelineLinkStore } from './pipelineLinks';

/** Connector types that can hold pipeline YAML (Git Experience). */
export const GIT_CONNECTOR_TYPES = ['Github', 'Gitlab', 'Bitbucket', 'AzureRepo', 'Git', 'Codecommit'];

/** What Push, Run and Import need for Git Experience (GitExperienceFeature owns them). */
export interface GitExperience {
  links: PipelineLinkStore;
  workspace: GitWorkspace;
}

interface Item<T> extends vscode.QuickPickItem {
  value: T;
}

/** A connector's reference from the project: `id`, `org.id` or `account.id`. */
function connectorRef(c: { identifier: string; orgIdentifier?: string; projectIdentifier?: string }): string {
  if (c.projectIdentifier) return c.identifier;
  if (c.orgIdentifier) return `org.${c.identifier}`;
  return `account.${c.identifier}`;
}

/** The Git connector: picked from those usable in the project, or typed; undefined when cancelled. */
export async function pickGitConnector(
  env: CommandEnv,
  account: AccountContext,
  scope: ProjectScope,
  preferred?: string,
): Promise<string | undefined> {
  const TYPE = '$(edit) Enter a connector reference…';
  let items: Item<string>[] = [];
  try {
    const page = await account.api.listConnectors(
      scope,
      { pageIndex: 0, pageSize: 100 },
      { types: GIT_CONNECTOR_TYPES, includeAllConnectorsAvailableAtScope: true },
    );
    items = page.items.map((c) => {
      const ref = connectorRef(c.connector);
      return { label: c.connector.name, description: `${ref} · ${c.connector.type}`, value: ref };
    });
  } catch (err) {
    env.reportError(err, 'list Git connectors');
  }
  items.sort((a, b) => Number(b.value === preferred) - Number(a.value === preferred));
  const picked = await vscode.window.showQuickPick([...items, { label: TYPE, value: '' }], {
    title: 'Git connector for the pipeline YAML',
    placeHolder: items.length ? 'Connector (project, organization or account)' : 'No Git connector found',
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.value) return picked.value;
  return vscode.window.showInputBox({
    title: 'Git connector reference',
    prompt: 'id (project), org.id or account.id',
    value: preferred ?? '',
    ignoreFocusOut: true,
    validateInput: (v) =>
      /^((org|account)\.)?[a-zA-Z_][0-9a-zA-Z_$]*$/.test(v.trim()) ? undefined : 'Not a connector reference',
  });
}

function ask(title: string, value: string, validate?: (v: string) => string | undefined) {
  return vscode.window.showInputBox({
    title,
    value,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A value is required' : validate?.(v.trim())),
  });
}

/** Repository, branch and file path (the connector is asked first); undefined when cancelled. */
export async function askGitLocation(
  title: string,
  defaults: { repoName?: string; branch?: string; filePath: string },
): Promise<{ repoName: string; branch: string; filePath: string } | undefined> {
  const repoName = await ask(`${title}: repository name`, defaults.repoName ?? '');
  if (repoName === undefined) return undefined;
  const branch = await ask(`${title}: branch`, defaults.branch ?? 'main');
  if (branch === undefined) return undefined;
  const filePath = await ask(`${title}: file path in the repository`, defaults.filePath, gitFilePathProblem);
  if (filePath === undefined) return undefined;
  return { repoName: repoName.trim(), branch: branch.trim(), filePath: filePath.trim() };
}

/**
 * For a new pipeline pushed from `uri`: inline (null), Git (its parameters), or cancelled
 * (undefined). Remembers the Git answers for the file's workspace folder.
 */
export async function askStore(
  env: CommandEnv,
  git: GitExperience,
  account: AccountContext,
  scope: ProjectScope,
  identifier: string,
  uri: vscode.Uri,
): Promise<GitParams | null | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(database) Store in Harness (inline)', value: 'inline' as const },
      { label: '$(source-control) Store in Git (remote)…', value: 'git' as const },
    ],
    { title: `New pipeline ${identifier}: where is its YAML kept?`, ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  if (choice.value === 'inline') return null;
  const info = uri.scheme === 'file' ? await git.workspace.infoFor(uri) : undefined;
  const folderKey = info?.folderKey ?? uri.toString();
  const defaults = gitDefaultsFor(git.links.gitDefaults(folderKey), info);
  const connector = await pickGitConnector(env, account, scope, defaults.connectorRef);
  if (!connector) return undefined;
  const where = await askGitLocation(`Store ${identifier} in Git`, {
    ...defaults,
    filePath: defaultGitFilePath(info?.relativePath ?? uri.path.split('/').at(-1) ?? '', identifier),
  });
  if (!where) return undefined;
  const commitMsg = await ask(`Store ${identifier} in Git: commit message`, createCommitMessage(identifier));
  if (commitMsg === undefined) return undefined;
  await git.links.setGitDefaults(folderKey, {
    connectorRef: connector,
    repoName: where.repoName,
    branch: where.branch,
  });
  return { connectorRef: connector, ...where, commitMsg: commitMsg.trim() };
}
