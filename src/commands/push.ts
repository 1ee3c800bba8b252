// Push Pipeline: sends pipeline YAML to Harness, creating it when the identifier is new and
// updating it when it exists. Used by the Push command (pushCommand.ts) for local files and
// `harness:` documents (Ctrl+S in a Harness editor is bound to it; saving alone never pushes).
// The user's text is never modified: failures leave the editor as it was, and the YAML sent is a
// copy with the scope filled in.
import * as vscode from 'vscode';
import { isHarnessApiError } from '../api/errors';
import type { GitParams, GovernanceMetadata, PipelineDetail, ProjectScope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import { showApiError } from '../ui/errors';
import { describeApiError, isOutcomeUnknown, isTransient, OUTCOME_UNKNOWN_CHECK } from '../ui/errorText';
import { pipelinesFolder, scopeLabel, type CommandEnv } from './context';
import { pipelineLink } from './deepLinks';
import type { Baselines } from './fs/baselines';
import type { PipelineLocation } from './fs/pipelineUri';
import type { RemoteSnapshots } from './fs/remoteSnapshots';
import { createCommitMessage } from './gitLocation';
import { askStore, type GitExperience } from './gitPrompts';
import { failed, isCancelled, withCancellableProgress, type CommandResult } from './invocation';
import type { PipelineLink } from './pipelineLinks';
import { pickProject } from './pickers';
import { readPipelineYaml, sameYaml, withPipelineScope } from './pipelineYaml';
import { describeProblems, type ProblemTracker } from './problems';

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
      /** Where the pipeline's YAML is kept (remembered for the local file). */
      link?: PipelineLink;
    }>
  | { status: 'conflict'; identifier: string }
  | { status: 'denied'; identifier: string; message: string };

function refused(reason: string, interactive: boolean): PushResult {
  if (interactive) void vscode.window.showErrorMessage(`Harness: ${reason}`);
  return { status: 'refused', reason };
}

async function resolveScope(
  env: CommandEnv,
  req: PushRequest,
  account: AccountContext,
  yamlScope: { orgIdentifier?: string; projectIdentifier?: string },
  link: PipelineLink | undefined,
): Promise<ProjectScope | undefined> {
  if (req.location) {
    return { orgIdentifier: req.location.orgIdentifier, projectIdentifier: req.location.projectIdentifier };
  }
  const { org, project } = req.options;
  if (org && project) return { orgIdentifier: org, projectIdentifier: project };
  if (yamlScope.orgIdentifier && yamlScope.projectIdentifier) {
    return { orgIdentifier: yamlScope.orgIdentifier, projectIdentifier: yamlScope.projectIdentifier };
  }
  // Where this file went last time.
  if (link) return { orgIdentifier: link.orgIdentifier, projectIdentifier: link.projectIdentifier };
  const selected = env.tree.selectedScope();
  if (selected?.orgIdentifier && selected.projectIdentifier) {
    return { orgIdentifier: selected.orgIdentifier, projectIdentifier: selected.projectIdentifier };
  }
  return req.interactive ? pickProject(env, account.api, org ?? yamlScope.orgIdentifier) : undefined;
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

/** What a push is about, once the YAML, account and scope are known. */
/** What a push needs from the rest of the extension. */
export interface PushDeps {
  env: CommandEnv;
  /** What each open `harness:` document was read from (conflict check). */
  baselines: Baselines;
  /** Read-only copies of the remote YAML for the diff before an overwrite. */
  snapshots: RemoteSnapshots;
  /** The document's error diagnostics (push refuses while there are any). */
  problems: ProblemTracker;
  /** Git Experience: the Git questions for new pipelines and the file → pipeline links. */
  git?: GitExperience;
}

interface PushTarget {
  deps: PushDeps;
  req: PushRequest;
  account: AccountContext;
  scope: ProjectScope;
  identifier: string;
  /** `"Name" (identifier)`, as the user reads it. */
  label: string;
  /** The YAML sent: the user's text with the scope filled in. */
  body: string;
  /** Where this local file was pushed or imported before (same account and identifier). */
  link?: PipelineLink;
}

/** Where a saved pipeline's YAML is kept, as the link of the file records it. */
type Stored = Pick<PipelineLink, 'storeType' | 'connectorRef' | 'repoName' | 'branch' | 'filePath'>;

function storedOf(remote: PipelineDetail): Stored {
  if (remote.storeType !== 'REMOTE') return { storeType: 'INLINE' };
  const g = remote.gitDetails ?? {};
  return {
    storeType: 'REMOTE',
    ...(remote.connectorRef ? { connectorRef: remote.connectorRef } : {}),
    ...(g.repoName ? { repoName: g.repoName } : {}),
    ...(g.branch ? { branch: g.branch } : {}),
    ...(g.filePath ? { filePath: g.filePath } : {}),
  };
}

function storedOfParams(git: GitParams | undefined): Stored {
  if (!git || !(git.repoName || git.filePath)) return { storeType: 'INLINE' };
  const { connectorRef, repoName, branch, filePath } = git;
  return {
    storeType: 'REMOTE',
    ...(connectorRef ? { connectorRef } : {}),
    ...(repoName ? { repoName } : {}),
    ...(branch ? { branch } : {}),
    ...(filePath ? { filePath } : {}),
  };
}

type Transfer =
  | {
      kind: 'done';
      action: 'created' | 'updated' | 'unchanged';
      governance?: GovernanceMetadata;
      stored: Stored;
    }
  | { kind: 'conflict' }
  | { kind: 'cancelled' }
  | { kind: 'refused'; reason: string }
  | { kind: 'denied'; message: string };

/**
 * Pushes `req.text`: the error gate, then what is pushed and where (target), then one cancellable
 * progress notification while Harness is asked (transfer), then the outcome (finish or failure).
 */
export async function pushText(deps: PushDeps, req: PushRequest): Promise<PushResult> {
  const stop = await gate(deps, req);
  if (stop) return stop;
  const target = await resolveTarget(deps, req);
  if (!('deps' in target)) return target;
  try {
    const outcome = await withCancellableProgress(`Pushing pipeline ${target.label}…`, (signal, report) =>
      transfer(target, signal, report),
    );
    return finish(target, outcome);
  } catch (err) {
    return failure(target, err);
  }
}

/** Refuses while the language server reports errors (unless forced or confirmed); undefined to go on. */
async function gate(deps: PushDeps, req: PushRequest): Promise<PushResult | undefined> {
  if (!req.doc) return undefined;
  const errors = await deps.problems.errorDiagnostics(req.doc);
  if (errors.length === 0) return undefined;
  const go = await confirmDespiteErrors(req, errors.length, describeProblems(errors));
  if (go === 'refused')
    return { status: 'refused', reason: `the pipeline YAML has ${errors.length} error(s)` };
  return go ? undefined : { status: 'cancelled' };
}

/** What is being pushed, and where: the identifier, the account, the project and the YAML sent. */
async function resolveTarget(deps: PushDeps, req: PushRequest): Promise<PushTarget | PushResult> {
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
  const account = await deps.env.activeAccount(req.interactive);
  if (!account) return refused('Sign in to Harness to push pipelines.', req.interactive);
  if (req.location && req.location.accountId !== account.accountId) {
    return refused(
      `This pipeline belongs to account ${req.location.accountId}; switch to it (Harness: Switch Account) to save.`,
      req.interactive,
    );
  }
  const saved = !req.location && deps.git ? deps.git.links.get(req.sourceUri.toString()) : undefined;
  const link =
    saved && saved.accountId === account.accountId && saved.identifier === identifier ? saved : undefined;
  const scope = await resolveScope(deps.env, req, account, parsed.info, link);
  if (!scope) {
    return req.interactive
      ? { status: 'cancelled' }
      : {
          status: 'refused',
          reason: 'no organization/project: set orgIdentifier/projectIdentifier or pass org and project',
        };
  }
  const name = parsed.info.name;
  return {
    deps,
    req,
    account,
    scope,
    identifier,
    label: name && name !== identifier ? `"${name}" (${identifier})` : `"${identifier}"`,
    body: withPipelineScope(req.text, scope),
    ...(link &&
    link.orgIdentifier === scope.orgIdentifier &&
    link.projectIdentifier === scope.projectIdentifier
      ? { link }
      : {}),
  };
}

/** A push that threw: its answer lost, cancelled before sending, or failed. */
function failure(t: PushTarget, err: unknown): PushResult {
  const { req, identifier } = t;
  const { env } = t.deps;
  if (isOutcomeUnknown(err)) {
    // The write was sent and its answer lost (cut off, timed out, or cancelled after sending):
    // Harness may have applied it. Never say it did not; offer to read it back.
    if (req.interactive) void warnMaybeApplied(t, err);
    else env.log.warn(describeApiError(err, `push pipeline ${identifier}`));
    return failed(err);
  }
  if (isCancelled(err)) {
    // The transport reports a cancellation as such only when the write had not been sent.
    if (req.interactive)
      void vscode.window.showInformationMessage(
        `Harness: push of pipeline ${t.label} cancelled; nothing was sent.`,
      );
    return { status: 'cancelled' };
  }
  if (req.interactive && isTransient(err)) {
    // Retry pushes the document's text as it is then (and checks it again), not this copy.
    void showApiError(env.log, err, `push pipeline ${identifier}`, 'Retry').then((choice) => {
      if (choice === 'Retry') void vscode.commands.executeCommand('harness.pushPipeline', req.sourceUri);
    });
  } else env.reportError(err, `push pipeline ${identifier}`);
  return failed(err);
}

/** Asks Harness whether the pipeline exists, confirms overwrites, then creates or updates it. */
async function transfer(
  t: PushTarget,
  signal: AbortSignal,
  report: (message: string) => void,
): Promise<Transfer> {
  report('reading the pipeline in Harness…');
  const remote = await readRemote(t, signal);
  if (remote) {
    const stop = await confirmOverwrite(t, remote);
    if (stop) return stop;
  }
  if (signal.aborted) return { kind: 'cancelled' };
  let createGit: GitParams | undefined;
  if (!remote) {
    report('new pipeline…');
    const chosen = await createParams(t);
    if (chosen === undefined) return { kind: 'cancelled' };
    createGit = chosen ?? undefined;
  }
  if (signal.aborted) return { kind: 'cancelled' };
  report(remote ? 'updating…' : 'creating…');
  return write(t, remote, createGit, signal);
}

/**
 * Where a new pipeline's YAML goes: `options.git` (no prompt), inline when pushed without prompts or
 * from a `harness:` document, else the user's choice (Push asks "inline or Git?"). null = inline,
 * undefined = cancelled.
 */
async function createParams(t: PushTarget): Promise<GitParams | null | undefined> {
  const { req, identifier } = t;
  const commitMsg = req.options.commitMsg;
  if (req.options.git) return { ...req.options.git, commitMsg: commitMsg ?? createCommitMessage(identifier) };
  if (!req.interactive || req.location || !t.deps.git) return null;
  const asked = await askStore(t.deps.env, t.deps.git, t.account, t.scope, identifier, req.sourceUri);
  return asked && commitMsg ? { ...asked, commitMsg } : asked;
}

/** The pipeline as Harness has it, or undefined when it does not exist (GET also gives the Git details of remote pipelines). */
function readRemote(t: PushTarget, signal: AbortSignal): Promise<PipelineDetail | undefined> {
  const loc = t.req.location ?? (t.link?.storeType === 'REMOTE' ? t.link : undefined);
  const git = loc
    ? { branch: loc.branch, repoName: loc.repoName, connectorRef: loc.connectorRef }
    : undefined;
  return t.account.api.getPipeline(t.scope, t.identifier, git, { signal }).catch((err: unknown) => {
    if (isHarnessApiError(err, 'notFound')) return undefined;
    throw err;
  });
}

/**
 * Before overwriting an existing pipeline: nothing to do when it already holds this YAML; a
 * conflict check for `harness:` documents (changed in Harness since it was read); a diff and a
 * confirmation for local files. Undefined to go on and write.
 */
async function confirmOverwrite(t: PushTarget, remote: PipelineDetail): Promise<Transfer | undefined> {
  const { req, identifier } = t;
  if (sameYaml(remote.yamlPipeline, t.body)) {
    if (req.location) t.deps.baselines.set(req.location, remote.yamlPipeline);
    return { kind: 'done', action: 'unchanged', stored: storedOf(remote) };
  }
  if (req.options.overwrite) return undefined;
  const baseline = req.location ? t.deps.baselines.get(req.location) : undefined;
  if (baseline && !sameYaml(remote.yamlPipeline, baseline.yaml)) {
    if (!req.interactive) return { kind: 'conflict' };
    const choice = await vscode.window.showWarningMessage(
      `Pipeline ${t.label} was changed in Harness since you opened it.`,
      {
        modal: true,
        detail: 'Compare shows the remote version beside yours; Overwrite replaces it with yours.',
      },
      'Compare',
      'Overwrite',
    );
    if (choice === 'Compare') await t.deps.snapshots.showDiff(identifier, remote.yamlPipeline, req.sourceUri);
    return choice === 'Overwrite' ? undefined : { kind: 'conflict' };
  }
  if (req.location) return undefined;
  if (!req.interactive) {
    return {
      kind: 'refused',
      reason: `pipeline ${identifier} exists and differs; pass overwrite: true to replace it`,
    };
  }
  await t.deps.snapshots.showDiff(identifier, remote.yamlPipeline, req.sourceUri);
  const choice = await vscode.window.showWarningMessage(
    `Overwrite pipeline ${t.label} in ${scopeLabel(t.scope)} with your YAML?`,
    { modal: true, detail: 'The diff editor shows the version in Harness (left) and yours (right).' },
    'Overwrite',
  );
  return choice === 'Overwrite' ? undefined : { kind: 'cancelled' };
}

/** Creates or updates the pipeline; an OPA policy deny means Harness did not accept it. */
async function write(
  t: PushTarget,
  remote: PipelineDetail | undefined,
  createGit: GitParams | undefined,
  signal: AbortSignal,
): Promise<Transfer> {
  const { req, account, scope, identifier } = t;
  const result = remote
    ? await account.api.updatePipeline(
        scope,
        identifier,
        t.body,
        gitParamsForUpdate(remote, req, identifier),
        {
          signal,
        },
      )
    : await account.api.createPipeline(scope, t.body, createGit, { signal });
  const gov = result.governanceMetadata;
  if (gov?.deny) return { kind: 'denied', message: gov.message ?? 'denied by a Harness policy' };
  if (req.location) t.deps.baselines.set(req.location, t.body);
  t.deps.env.tree.refresh(pipelinesFolder(scope));
  return {
    kind: 'done',
    action: remote ? 'updated' : 'created',
    stored: remote ? storedOf(remote) : storedOfParams(createGit),
    ...(gov ? { governance: gov } : {}),
  };
}

/** Turns the transfer into the command's result and its one outcome message. */
function finish(t: PushTarget, outcome: Transfer): PushResult {
  const { req, account, scope, identifier } = t;
  switch (outcome.kind) {
    case 'cancelled':
      return { status: 'cancelled' };
    case 'conflict':
      return { status: 'conflict', identifier };
    case 'refused':
      return refused(outcome.reason, req.interactive);
    case 'denied':
      void vscode.window.showErrorMessage(
        `Harness: pipeline ${t.label} was not saved: policy evaluation failed: ${outcome.message}`,
      );
      return { status: 'denied', identifier, message: outcome.message };
    case 'done': {
      const url = pipelineLink(
        account.baseUrl,
        account.accountId,
        scope.orgIdentifier,
        scope.projectIdentifier,
        identifier,
      );
      const link: PipelineLink = {
        accountId: account.accountId,
        orgIdentifier: scope.orgIdentifier,
        projectIdentifier: scope.projectIdentifier,
        identifier,
        ...outcome.stored,
      };
      // A local file remembers where it went: the next Push and Run of it need no picking.
      if (!req.location && t.deps.git) void t.deps.git.links.set(req.sourceUri.toString(), link);
      const where =
        link.storeType === 'REMOTE'
          ? `${scopeLabel(scope)} (Git: ${link.repoName ?? '?'}@${link.branch ?? '?'}:${link.filePath ?? '?'})`
          : scopeLabel(scope);
      const text =
        outcome.action === 'unchanged'
          ? `Pipeline ${t.label} in ${where} is already up to date.`
          : `Pipeline ${t.label} ${outcome.action} in ${where}.`;
      const gov = outcome.governance;
      const warn = gov?.status && gov.status !== 'pass' ? ` Policy evaluation: ${gov.status}.` : '';
      t.deps.env.log.info(`push ${identifier}: ${outcome.action} in ${where}`);
      void vscode.window
        .showInformationMessage(`Harness: ${text}${warn}`, 'Open in Harness')
        .then((choice) => {
          if (choice) void vscode.env.openExternal(vscode.Uri.parse(url));
        });
      return {
        status: 'ok',
        action: outcome.action,
        identifier,
        scope,
        url,
        link,
        ...(gov ? { governance: gov } : {}),
      };
    }
  }
}

/** Says a write may have been applied, and offers to find out by reading the pipeline back. */
async function warnMaybeApplied(t: PushTarget, err: unknown): Promise<void> {
  const choice = await showApiError(
    t.deps.env.log,
    err,
    `push pipeline ${t.identifier}`,
    OUTCOME_UNKNOWN_CHECK,
  );
  if (choice !== OUTCOME_UNKNOWN_CHECK) return;
  try {
    const now = await t.account.api.getPipeline(t.scope, t.identifier);
    const applied = sameYaml(now.yamlPipeline, t.body);
    if (applied && t.req.location) t.deps.baselines.set(t.req.location, now.yamlPipeline);
    void vscode.window.showInformationMessage(
      applied
        ? `Harness: pipeline ${t.label} in Harness is your version: the push was applied.`
        : `Harness: pipeline ${t.label} in Harness is not your version: the push was not applied; push again when ready.`,
    );
  } catch (readErr) {
    t.deps.env.reportError(readErr, `read pipeline ${t.identifier}`);
  }
}
