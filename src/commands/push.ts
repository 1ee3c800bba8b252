// Push Pipeline: sends pipeline YAML to Harness, creating it when the identifier is new and
// updating it when it exists. Used by the command (local files and `harness:` documents) and by
// saving a `harness:` document (fs/provider.ts). The user's text is never modified: failures
// leave the editor as it was, and the YAML sent is a copy with the scope filled in.
import * as vscode from 'vscode';
import type { GitParams, GovernanceMetadata, PipelineDetail, ProjectScope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import { getSelectedScope } from '../tree/selection';
import { showApiError } from '../ui/errors';
import { activeAccount, pipelinesFolder, refreshTree, reportError, scopeLabel } from './context';
import { pipelineLink } from './deepLinks';
import { getBaseline, setBaseline } from './fs/baselines';
import type { PipelineLocation } from './fs/pipelineUri';
import { showRemoteDiff } from './fs/remoteSnapshots';
import { failed, isCancelled, withCancellableProgress, type CommandResult } from './invocation';
import { pickProject } from './pickers';
import { readPipelineYaml, sameYaml, withPipelineScope } from './pipelineYaml';
import { describeProblems, errorDiagnostics } from './problems';

export interface PushOptions {
  org?: string;
  project?: string;
  /** Push even when the document has error diagnostics. */
  force?: boolean;
  /** Replace the remote YAML without showing the diff, and over changes made since it was opened. */
  overwrite?: boolean;
  commitMsg?: string;
  /** For creating a remote (Git) pipeline. */
  git?: Pick<GitParams, 'connectorRef' | 'repoName' | 'branch' | 'filePath' | 'isNewBranch' | 'baseBranch'>;
}

export const PUSH_OPTION_KEYS = ['org', 'project', 'force', 'overwrite', 'commitMsg', 'git'];

export interface PushRequest {
  text: string;
  /** Where the text comes from (shown on the right of a diff). */
  sourceUri: vscode.Uri;
  /** The open document, for its diagnostics. */
  doc?: vscode.TextDocument;
  /** Set for `harness:` documents: the pipeline they were read from. */
  location?: PipelineLocation;
  options: PushOptions;
  interactive: boolean;
}

export type PushResult =
  | CommandResult<{
      action: 'created' | 'updated' | 'unchanged';
      identifier: string;
      scope: ProjectScope;
      url: string;
      governance?: GovernanceMetadata;
    }>
  | { status: 'conflict'; identifier: string }
  | { status: 'denied'; identifier: string; message: string };

function refused(reason: string, interactive: boolean): PushResult {
  if (interactive) void vscode.window.showErrorMessage(`Harness: ${reason}`);
  return { status: 'refused', reason };
}

async function resolveScope(
  req: PushRequest,
  account: AccountContext,
  yamlScope: { orgIdentifier?: string; projectIdentifier?: string },
): Promise<ProjectScope | undefined> {
  if (req.location) {
    return { orgIdentifier: req.location.orgIdentifier, projectIdentifier: req.location.projectIdentifier };
  }
  const { org, project } = req.options;
  if (org && project) return { orgIdentifier: org, projectIdentifier: project };
  if (yamlScope.orgIdentifier && yamlScope.projectIdentifier) {
    return { orgIdentifier: yamlScope.orgIdentifier, projectIdentifier: yamlScope.projectIdentifier };
  }
  const selected = getSelectedScope();
  if (selected?.orgIdentifier && selected.projectIdentifier) {
    return { orgIdentifier: selected.orgIdentifier, projectIdentifier: selected.projectIdentifier };
  }
  return req.interactive ? pickProject(account.api, org ?? yamlScope.orgIdentifier) : undefined;
}

function gitParamsForUpdate(
  remote: PipelineDetail,
  req: PushRequest,
  identifier: string,
): GitParams | undefined {
  if (remote.storeType !== 'REMOTE') return undefined;
  const g = remote.gitDetails ?? {};
  return {
    connectorRef: remote.connectorRef,
    repoName: req.location?.repoName ?? g.repoName,
    branch: req.location?.branch ?? g.branch,
    filePath: g.filePath,
    commitMsg: req.options.commitMsg ?? `Update pipeline ${identifier} from VS Code`,
    // The version that was read: Harness refuses the commit if the file moved on since.
    lastObjectId: g.objectId,
    lastCommitId: g.commitId,
  };
}

/** Asks whether to push despite errors; resolves true to continue. */
async function confirmDespiteErrors(
  req: PushRequest,
  count: number,
  details: string,
): Promise<boolean | 'refused'> {
  if (req.options.force) return true;
  if (!req.interactive) return 'refused';
  const choice = await vscode.window.showWarningMessage(
    `The pipeline YAML has ${count} error${count === 1 ? '' : 's'}. Push it anyway?`,
    { modal: true, detail: details },
    'Show Problems',
    'Push Anyway',
  );
  if (choice === 'Push Anyway') return true;
  if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  return false;
}

export async function pushText(req: PushRequest): Promise<PushResult> {
  // 1. Refuse while the language server reports errors (unless forced / confirmed).
  if (req.doc) {
    const errors = await errorDiagnostics(req.doc);
    if (errors.length > 0) {
      const go = await confirmDespiteErrors(req, errors.length, describeProblems(errors));
      if (go === 'refused') {
        return { status: 'refused', reason: `the pipeline YAML has ${errors.length} error(s)` };
      }
      if (!go) return { status: 'cancelled' };
    }
  }

  // 2. What is being pushed, and where.
  const parsed = readPipelineYaml(req.text);
  if (!parsed.ok) return refused(parsed.error, req.interactive);
  const identifier = parsed.info.identifier ?? req.location?.identifier;
  if (!identifier)
    return refused('The pipeline has no `identifier`: add one under `pipeline:`.', req.interactive);
  if (req.location && identifier !== req.location.identifier) {
    return refused(
      `The identifier was changed to "${identifier}"; this document is pipeline "${req.location.identifier}". Use Push Pipeline from a local file to create a new pipeline.`,
      req.interactive,
    );
  }
  const account = await activeAccount(req.interactive);
  if (!account) return refused('Sign in to Harness to push pipelines.', req.interactive);
  if (req.location && req.location.accountId !== account.accountId) {
    return refused(
      `This pipeline belongs to account ${req.location.accountId}; switch to it (Harness: Switch Account) to save.`,
      req.interactive,
    );
  }
  const scope = await resolveScope(req, account, parsed.info);
  if (!scope) {
    return req.interactive
      ? { status: 'cancelled' }
      : {
          status: 'refused',
          reason: 'no organization/project: set orgIdentifier/projectIdentifier or pass org and project',
        };
  }
  const body = withPipelineScope(req.text, scope);
  const name = parsed.info.name ?? identifier;

  try {
    // 3. Does it exist? (GET also gives the Git details of remote pipelines.)
    const remote = await withCancellableProgress(`Checking pipeline ${identifier}…`, (signal) =>
      account.api
        .getPipeline(
          scope,
          identifier,
          req.location
            ? {
                branch: req.location.branch,
                repoName: req.location.repoName,
                connectorRef: req.location.connectorRef,
              }
            : undefined,
          { signal },
        )
        .catch((err: unknown) => {
          if (typeof err === 'object' && err !== null && (err as { kind?: unknown }).kind === 'notFound') {
            return undefined;
          }
          throw err;
        }),
    );

    // 4. Before overwriting: conflicts for harness: documents, a diff for local files.
    if (remote) {
      if (sameYaml(remote.yamlPipeline, body)) {
        if (req.location) setBaseline(req.location, remote.yamlPipeline);
        return ok('unchanged', undefined);
      }
      const baseline = req.location ? getBaseline(req.location) : undefined;
      if (baseline && !sameYaml(remote.yamlPipeline, baseline.yaml) && !req.options.overwrite) {
        if (!req.interactive) return { status: 'conflict', identifier };
        const choice = await vscode.window.showWarningMessage(
          `Pipeline "${name}" was changed in Harness since you opened it.`,
          {
            modal: true,
            detail: 'Compare shows the remote version beside yours; Overwrite replaces it with yours.',
          },
          'Compare',
          'Overwrite',
        );
        if (choice === 'Compare') await showRemoteDiff(identifier, remote.yamlPipeline, req.sourceUri);
        if (choice !== 'Overwrite') return { status: 'conflict', identifier };
      } else if (!req.location && !req.options.overwrite) {
        if (!req.interactive) {
          return {
            status: 'refused',
            reason: `pipeline ${identifier} exists and differs; pass overwrite: true to replace it`,
          };
        }
        await showRemoteDiff(identifier, remote.yamlPipeline, req.sourceUri);
        const choice = await vscode.window.showWarningMessage(
          `Overwrite pipeline "${name}" in ${scopeLabel(scope)} with your YAML?`,
          { modal: true, detail: 'The diff editor shows the version in Harness (left) and yours (right).' },
          'Overwrite',
        );
        if (choice !== 'Overwrite') return { status: 'cancelled' };
      }
    }

    // 5. Create or update.
    const result = await withCancellableProgress(
      `${remote ? 'Updating' : 'Creating'} pipeline ${identifier}…`,
      (signal) =>
        remote
          ? account.api.updatePipeline(scope, identifier, body, gitParamsForUpdate(remote, req, identifier), {
              signal,
            })
          : account.api.createPipeline(
              scope,
              body,
              req.options.git
                ? {
                    ...req.options.git,
                    commitMsg: req.options.commitMsg ?? `Create pipeline ${identifier} from VS Code`,
                  }
                : undefined,
              { signal },
            ),
    );

    // 6. OPA policies: a deny means Harness did not accept it.
    const gov = result.governanceMetadata;
    if (gov?.deny) {
      const message = gov.message ?? 'denied by a Harness policy';
      void vscode.window.showErrorMessage(
        `Harness: pipeline "${name}" was not saved: policy evaluation failed: ${message}`,
      );
      return { status: 'denied', identifier, message };
    }
    if (req.location) setBaseline(req.location, body);
    refreshTree(pipelinesFolder(scope));
    return ok(remote ? 'updated' : 'created', gov);
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    if (req.interactive && isRetryable(err)) {
      void showApiError(err, `push pipeline ${identifier}`, 'Retry').then((choice) => {
        if (choice === 'Retry') void pushText(req);
      });
    } else reportError(err, `push pipeline ${identifier}`);
    return failed(err);
  }

  function ok(
    action: 'created' | 'updated' | 'unchanged',
    governance: GovernanceMetadata | undefined,
  ): PushResult {
    const url = pipelineLink(
      account!.baseUrl,
      account!.accountId,
      scope!.orgIdentifier,
      scope!.projectIdentifier,
      identifier!,
    );
    const where = scopeLabel(scope!);
    const text =
      action === 'unchanged'
        ? `Pipeline "${name}" in ${where} is already up to date.`
        : `Pipeline "${name}" ${action} in ${where}.`;
    const warn =
      governance?.status && governance.status !== 'pass' ? ` Policy evaluation: ${governance.status}.` : '';
    void vscode.window.showInformationMessage(`Harness: ${text}${warn}`, 'Open in Harness').then((choice) => {
      if (choice) void vscode.env.openExternal(vscode.Uri.parse(url));
    });
    return {
      status: 'ok',
      action,
      identifier: identifier!,
      scope: scope!,
      url,
      ...(governance ? { governance } : {}),
    };
  }
}

function isRetryable(err: unknown): boolean {
  const kind = typeof err === 'object' && err !== null ? (err as { kind?: unknown }).kind : undefined;
  return kind === 'rateLimited' || kind === 'server' || kind === 'network' || kind === 'timeout';
}
