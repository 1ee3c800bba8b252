// Abort, Re-run and Re-run from failed stage, from an execution row of the Harness tree or with
// a plain options object (`{org, project, identifier, planExecutionId, …}`: no prompts). Writes
// happen only here, on the user's explicit action; a write whose answer was lost says so ("Not
// confirmed") instead of claiming success or failure. A started run is watched in the status bar
// and shows up in the pipeline's Executions folder.
import * as vscode from 'vscode';
import type { AccountContext } from '../account/accounts';
import type { PlanExecution, ProjectScope, RetryRunOptions } from '../api/types';
import type { CommandEnv } from '../commands/context';
import { executionLink } from '../commands/deepLinks';
import type { ExecutionWatcher } from '../commands/executionWatcher';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from '../commands/invocation';
import { nodeIds, type ExecutionsFolderNode, type HarnessNode, type PipelineNode } from '../tree/nodes';
import { isOutcomeUnknown, OUTCOME_UNKNOWN_CHECK } from '../ui/errorText';
import { showApiError } from '../ui/errors';
import { pickActive } from '../ui/pickActive';
import { choiceForStage, retryChoices, type RetryChoice } from './retryChoice';

/** The execution a command acts on. */
interface Target {
  interactive: boolean;
  options: Record<string, unknown>;
  account: AccountContext;
  scope: ProjectScope;
  pipelineIdentifier: string;
  planExecutionId: string;
  runSequence?: number;
  status?: string;
  /** The pipeline's tree node, when the command came from the tree (its last-run icon is updated). */
  pipelineNode?: PipelineNode;
}

export type StartedResult = CommandResult<{
  planExecutionId: string;
  url: string;
  finalStatus?: string;
}>;

async function resolveTarget(
  env: CommandEnv,
  arg: unknown,
): Promise<Target | { status: 'refused'; reason: string }> {
  const interactive = !isOptions(arg);
  const options = isOptions(arg) ? arg : {};
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  if (isTreeNode(arg) && arg.kind === 'execution') {
    const grand = arg.parent?.parent;
    return {
      interactive,
      options,
      account,
      scope: arg.scope,
      pipelineIdentifier: arg.pipelineIdentifier,
      planExecutionId: arg.summary.planExecutionId,
      ...(arg.summary.runSequence !== undefined ? { runSequence: arg.summary.runSequence } : {}),
      status: arg.summary.status,
      ...(grand?.kind === 'pipeline' ? { pipelineNode: grand } : {}),
    };
  }
  const org = str(options.org);
  const project = str(options.project);
  const identifier = str(options.identifier);
  const planExecutionId = str(options.planExecutionId);
  if (!org || !project || !identifier || !planExecutionId) {
    return {
      status: 'refused',
      reason: interactive
        ? 'choose an execution in the Harness view'
        : 'pass org, project, identifier (the pipeline) and planExecutionId',
    };
  }
  return {
    interactive,
    options,
    account,
    scope: { orgIdentifier: org, projectIdentifier: project },
    pipelineIdentifier: identifier,
    planExecutionId,
    ...(typeof options.runSequence === 'number' ? { runSequence: options.runSequence } : {}),
  };
}

function runName(t: Target): string {
  return `${t.pipelineIdentifier} ${t.runSequence !== undefined ? `#${t.runSequence}` : t.planExecutionId}`;
}

function linkOf(t: Target, planExecutionId = t.planExecutionId): string {
  return executionLink(
    t.account.baseUrl,
    t.account.accountId,
    t.scope.orgIdentifier,
    t.scope.projectIdentifier,
    t.pipelineIdentifier,
    planExecutionId,
  );
}

function executionsFolder(t: Target): HarnessNode {
  const folder: ExecutionsFolderNode = {
    kind: 'executions',
    id: nodeIds.executions(t.scope, t.pipelineIdentifier),
    scope: t.scope,
    pipelineIdentifier: t.pipelineIdentifier,
  };
  return folder;
}

function openExternal(url: string): void {
  void vscode.env.openExternal(vscode.Uri.parse(url));
}

/**
 * A failed write. When its answer was lost it may have been applied: a warning that says so,
 * whose "Check in Harness" opens `checkUrl` (and the tree is reloaded to show what happened).
 */
function reportWriteError(env: CommandEnv, t: Target, err: unknown, operation: string, checkUrl: string) {
  if (isCancelled(err)) return { status: 'cancelled' } as const;
  if (isOutcomeUnknown(err)) {
    env.tree.refresh(executionsFolder(t));
    void showApiError(env.log, err, operation, OUTCOME_UNKNOWN_CHECK).then((c) => {
      if (c === OUTCOME_UNKNOWN_CHECK) openExternal(checkUrl);
    });
  } else {
    env.reportError(err, operation);
  }
  return failed(err);
}

// ---- Abort ----------------------------------------------------------------------------------

/** `harness.abortExecution(row | {org, project, identifier, planExecutionId, confirm})`. */
export async function abortExecution(env: CommandEnv, arg?: unknown): Promise<CommandResult> {
  const t = await resolveTarget(env, arg);
  if (!('account' in t)) return t;
  if (t.interactive) {
    const choice = await vscode.window.showWarningMessage(
      `Abort ${runName(t)}?`,
      {
        modal: true,
        detail: 'Harness stops every running stage and step of this execution. This cannot be undone.',
      },
      'Abort Execution',
    );
    if (choice !== 'Abort Execution') return { status: 'cancelled' };
  } else if (t.options.confirm !== true) {
    return { status: 'refused', reason: 'pass confirm: true to abort without asking' };
  }
  const operation = `abort execution ${runName(t)}`;
  try {
    const interrupt = await withCancellableProgress(`Aborting ${runName(t)}…`, (signal) =>
      t.account.api.abortExecution(t.scope, t.planExecutionId, { signal }),
    );
    env.log.info(`Abort of execution ${t.planExecutionId} registered (${interrupt.type ?? 'AbortAll'}).`);
    // Harness registered the interrupt; the run reaches Aborted on its own, which the tree shows.
    void vscode.window.showInformationMessage(`Harness: abort of ${runName(t)} requested.`);
    env.tree.refresh(executionsFolder(t));
    return { status: 'ok' };
  } catch (err) {
    return reportWriteError(env, t, err, operation, linkOf(t));
  }
}

// ---- Re-run and re-run from a stage -----------------------------------------------------------

/** The runtime inputs the run was started with ('' when it had none). */
async function sameInputs(t: Target, signal: AbortSignal): Promise<string> {
  const inputs = await t.account.api.getExecutionInputs(t.scope, t.planExecutionId, { signal });
  return inputs.inputSetYaml ?? '';
}

/** Says a run started (with a link), follows it in the status bar, and lists it in the tree. */
async function started(
  env: CommandEnv,
  watcher: ExecutionWatcher,
  t: Target,
  execution: PlanExecution,
  what: string,
): Promise<StartedResult> {
  const planExecutionId = execution.uuid;
  const url = linkOf(t, planExecutionId);
  void vscode.window
    .showInformationMessage(`Harness: ${what} started (${execution.status}).`, 'Open Execution')
    .then((c) => {
      if (c) openExternal(url);
    });
  env.tree.refresh(executionsFolder(t));
  const wait = t.options.wait === true;
  const watching = watcher.watch({
    api: t.account.api,
    baseUrl: t.account.baseUrl,
    accountId: t.account.accountId,
    scope: t.scope,
    pipelineIdentifier: t.pipelineIdentifier,
    planExecutionId,
    ...(t.pipelineNode ? { node: t.pipelineNode } : {}),
    ignoreFocus: wait,
  });
  if (!wait) return { status: 'ok', planExecutionId, url };
  const final = await watching;
  return { status: 'ok', planExecutionId, url, ...(final ? { finalStatus: final.status } : {}) };
}

/** `harness.rerunExecution(row | {org, project, identifier, planExecutionId, wait})`: the whole run again, same inputs. */
export async function rerunExecution(
  env: CommandEnv,
  watcher: ExecutionWatcher,
  arg?: unknown,
): Promise<StartedResult> {
  const t = await resolveTarget(env, arg);
  if (!('account' in t)) return t;
  let inputs: string;
  try {
    inputs = await withCancellableProgress(`Reading the inputs of ${runName(t)}…`, (signal) =>
      sameInputs(t, signal),
    );
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    env.reportError(err, `read the inputs of ${runName(t)}`);
    return failed(err);
  }
  try {
    const execution = await withCancellableProgress(`Re-running ${runName(t)}…`, (signal) =>
      t.account.api.rerunExecution(t.scope, t.pipelineIdentifier, t.planExecutionId, inputs, { signal }),
    );
    return await started(env, watcher, t, execution, `re-run of ${runName(t)}`);
  } catch (err) {
    return reportWriteError(env, t, err, `re-run ${runName(t)}`, linkOf(t));
  }
}

/** Asks which group to start from when there are several; the failed one is preselected. */
async function pickRetry(
  t: Target,
  choices: ReturnType<typeof retryChoices>,
): Promise<RetryChoice | undefined> {
  if (choices.choices.length === 1) return choices.choices[0];
  const stage = str(t.options.stage);
  if (!t.interactive) {
    return stage ? choiceForStage(choices, stage) : choices.choices[choices.defaultIndex];
  }
  const items = choices.choices.map((c) => ({
    label: c.failed ? `$(error) ${c.label}` : `$(pass) ${c.label}`,
    description: c.description,
    choice: c,
  }));
  const picked = await pickActive(items, choices.defaultIndex, {
    title: `Re-run ${runName(t)} from stage`,
    placeholder: 'Stage to start from (the stages before it keep their results)',
  });
  return picked?.choice;
}

/**
 * `harness.retryExecution(row | {org, project, identifier, planExecutionId, stage?, wait})`:
 * re-run from the failed stage (or an earlier one), with the same inputs, where Harness allows it.
 */
export async function retryExecution(
  env: CommandEnv,
  watcher: ExecutionWatcher,
  arg?: unknown,
): Promise<StartedResult> {
  const t = await resolveTarget(env, arg);
  if (!('account' in t)) return t;
  let plan: { choices: ReturnType<typeof retryChoices>; inputs: string; why?: string };
  try {
    plan = await withCancellableProgress(`Reading the stages of ${runName(t)}…`, async (signal) => {
      const info = await t.account.api.getRetryStages(t.scope, t.pipelineIdentifier, t.planExecutionId, {
        signal,
      });
      const choices = retryChoices(info);
      if (choices.choices.length === 0)
        return { choices, inputs: '', why: info.errorMessage ?? 'Harness does not allow a retry of it' };
      return { choices, inputs: await sameInputs(t, signal) };
    });
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    env.reportError(err, `read the stages of ${runName(t)}`);
    return failed(err);
  }
  if (plan.why !== undefined) {
    const reason = `${runName(t)} cannot be re-run from a stage: ${plan.why}`;
    if (t.interactive) void vscode.window.showInformationMessage(`Harness: ${reason}`);
    return { status: 'refused', reason };
  }
  const choice = await pickRetry(t, plan.choices);
  if (!choice) {
    return t.interactive
      ? { status: 'cancelled' }
      : { status: 'refused', reason: `no stage ${str(t.options.stage) ?? ''} to re-run from` };
  }
  const retry: RetryRunOptions = {
    retryStages: choice.retryStages,
    runAllStages: choice.runAllStages,
    runtimeInputYaml: plan.inputs,
  };
  try {
    const execution = await withCancellableProgress(
      `Re-running ${runName(t)} from ${choice.label}…`,
      (signal) =>
        t.account.api.retryExecution(t.scope, t.pipelineIdentifier, t.planExecutionId, retry, { signal }),
    );
    return await started(env, watcher, t, execution, `re-run of ${runName(t)} from ${choice.label}`);
  } catch (err) {
    return reportWriteError(env, t, err, `re-run ${runName(t)} from ${choice.label}`, linkOf(t));
  }
}
