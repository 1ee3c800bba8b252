// `harness.importPipelineFromGit(node | options)`: creates a pipeline from a YAML file already in
// Git (Git Experience import). From a project or Pipelines folder node, or the palette, it asks for
// the connector, repository, branch and file path; with options it never prompts. When the
// imported file is the active editor's (same repository and path), the editor's file is linked to
// the new pipeline (Push and Run then go to it).
import * as vscode from 'vscode';
import type { PipelineImportRequest, ProjectScope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import { describeApiError, isOutcomeUnknown } from '../ui/errorText';
import { pipelinesFolder, scopeLabel, type CommandEnv } from './context';
import { pipelineLink } from './deepLinks';
import { defaultGitFilePath, parseImportOptions } from './gitLocation';
import { askGitLocation, pickGitConnector, type GitExperience } from './gitPrompts';
import type { WorkspaceGitInfo } from './gitWorkspace';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from './invocation';
import { gitDefaultsFor, type PipelineLink } from './pipelineLinks';
import { pickProject } from './pickers';

export type ImportResult = CommandResult<{
  identifier: string;
  scope: ProjectScope;
  url: string;
  linked?: string;
}>;

function scopeOfNode(arg: unknown): ProjectScope | undefined {
  if (!isTreeNode(arg)) return undefined;
  if (arg.kind === 'pipelines') return { ...arg.scope };
  if (arg.kind === 'project')
    return { orgIdentifier: arg.project.orgIdentifier, projectIdentifier: arg.project.identifier };
  return undefined;
}

/** The active editor's local file and what Git says about it (the defaults of the questions). */
async function activeFile(
  git: GitExperience,
): Promise<{ uri: vscode.Uri; info: WorkspaceGitInfo } | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') return undefined;
  return { uri, info: await git.workspace.infoFor(uri) };
}

/** Asks where the file is; undefined when cancelled. */
async function askRequest(
  env: CommandEnv,
  git: GitExperience,
  account: AccountContext,
  scope: ProjectScope,
  active: { uri: vscode.Uri; info: WorkspaceGitInfo } | undefined,
): Promise<PipelineImportRequest | undefined> {
  const folderKey = active?.info.folderKey ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
  const defaults = gitDefaultsFor(git.links.gitDefaults(folderKey), active?.info);
  const connectorRef = await pickGitConnector(env, account, scope, defaults.connectorRef);
  if (!connectorRef) return undefined;
  const where = await askGitLocation('Import pipeline from Git', {
    ...defaults,
    filePath: active ? defaultGitFilePath(active.info.relativePath, 'pipeline') : '.harness/',
  });
  if (!where) return undefined;
  if (folderKey)
    await git.links.setGitDefaults(folderKey, {
      connectorRef,
      repoName: where.repoName,
      branch: where.branch,
    });
  return { connectorRef, ...where };
}

export async function importPipelineFromGit(
  env: CommandEnv,
  git: GitExperience,
  arg?: unknown,
): Promise<ImportResult> {
  const interactive = !isOptions(arg);
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  let scope: ProjectScope;
  let request: PipelineImportRequest;
  let linkUri: vscode.Uri | undefined;
  if (isOptions(arg)) {
    const parsed = parseImportOptions(arg);
    if ('error' in parsed) return { status: 'refused', reason: parsed.error };
    ({ scope, request } = parsed);
    const uri = str(arg.uri);
    if (uri) linkUri = vscode.Uri.parse(uri);
  } else {
    const picked = scopeOfNode(arg) ?? (await pickProject(env, account.api));
    if (!picked) return { status: 'cancelled' };
    scope = picked;
    const active = await activeFile(git);
    const asked = await askRequest(env, git, account, scope, active);
    if (!asked) return { status: 'cancelled' };
    request = asked;
    // The editor's file is this file when it is the same path in a checkout of the same repository.
    if (active && active.info.relativePath === request.filePath && active.info.repoName === request.repoName)
      linkUri = active.uri;
  }
  const where = `${request.repoName}@${request.branch}:${request.filePath}`;
  try {
    const saved = await withCancellableProgress(`Importing ${where} into ${scopeLabel(scope)}…`, (signal) =>
      account.api.importPipeline(scope, request, { signal }),
    );
    const identifier = saved.identifier ?? '';
    env.tree.refresh(pipelinesFolder(scope));
    const url = pipelineLink(
      account.baseUrl,
      account.accountId,
      scope.orgIdentifier,
      scope.projectIdentifier,
      identifier,
    );
    if (linkUri) {
      const link: PipelineLink = {
        accountId: account.accountId,
        orgIdentifier: scope.orgIdentifier,
        projectIdentifier: scope.projectIdentifier,
        identifier,
        storeType: 'REMOTE',
        repoName: request.repoName,
        branch: request.branch,
        filePath: request.filePath,
        ...(request.connectorRef ? { connectorRef: request.connectorRef } : {}),
      };
      await git.links.set(linkUri.toString(), link);
    }
    env.log.info(`import ${where}: pipeline ${identifier} in ${scopeLabel(scope)}`);
    if (interactive)
      void vscode.window
        .showInformationMessage(
          `Harness: pipeline ${identifier} imported into ${scopeLabel(scope)} from ${where}.`,
          'Open in Harness',
        )
        .then((c) => {
          if (c) void vscode.env.openExternal(vscode.Uri.parse(url));
        });
    return { status: 'ok', identifier, scope, url, ...(linkUri ? { linked: linkUri.toString() } : {}) };
  } catch (err) {
    if (isCancelled(err) && !isOutcomeUnknown(err)) return { status: 'cancelled' };
    if (isOutcomeUnknown(err)) {
      // Sent, answer lost: Harness may have created the pipeline. Never say it did not.
      const text = `${describeApiError(err, `import ${where}`)} The pipeline may have been imported: check the Pipelines folder of ${scopeLabel(scope)}.`;
      env.log.warn(text);
      if (interactive) void vscode.window.showWarningMessage(`Harness: ${text}`);
      env.tree.refresh(pipelinesFolder(scope));
    } else env.reportError(err, `import ${where}`);
    return failed(err);
  }
}
