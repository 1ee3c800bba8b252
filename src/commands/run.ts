// Run Pipeline: asks for runtime inputs (from the input-set template endpoint) when the pipeline
// has `<+input>` fields, starts the execution, and follows it in the status bar and the tree.
import * as vscode from 'vscode';
import type { ExecutionSummary, ProjectScope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import type { PipelineNode } from '../tree/nodes';
import type { CommandEnv } from './context';
import { executionLink } from './deepLinks';
import type { ExecutionWatcher } from './executionWatcher';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from './invocation';
import { pickProject } from './pickers';
import {
  fillRuntimeInputs,
  findRuntimeInputs,
  missingInputs,
  validateInputValue,
  allowedChoices,
  type RuntimeInputField,
} from './runtimeInputs';

export const RUN_OPTION_KEYS = ['org', 'project', 'identifier', 'inputs', 'inputYaml', 'branch', 'wait'];

export type RunResult = CommandResult<{
  planExecutionId: string;
  url: string;
  /** Final status when `wait` was set. */
  finalStatus?: string;
  execution?: ExecutionSummary;
}>;

/** One of the allowed values, the default highlighted; undefined when the user cancels. */
function pickAllowed(field: RuntimeInputField): Promise<string | undefined> {
  const { items, active } = allowedChoices(field);
  const pick = vscode.window.createQuickPick<{ label: string; description?: string }>();
  pick.title = `Runtime input: ${field.label}`;
  pick.placeholder = field.expression;
  pick.ignoreFocusOut = true;
  pick.items = items;
  pick.activeItems = [items[active]];
  return new Promise<string | undefined>((resolve) => {
    let value: string | undefined;
    pick.onDidAccept(() => {
      value = pick.selectedItems[0]?.label ?? pick.activeItems[0]?.label;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(value);
    });
    pick.show();
  });
}

/** Asks for each input in turn; undefined when the user cancels. */
async function askInputs(fields: RuntimeInputField[]): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (const field of fields.filter((f) => !f.executionInput)) {
    let value: string | undefined;
    if (field.allowedValues?.length) {
      value = await pickAllowed(field);
    } else {
      value = await vscode.window.showInputBox({
        title: `Runtime input: ${field.label}`,
        prompt: field.expression,
        value: field.defaultValue ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' ? 'A value is required' : validateInputValue(field, v)),
      });
    }
    if (value === undefined) return undefined;
    values[field.label] = value;
  }
  return values;
}

/** Opens the filled template in an editor and waits for the user to confirm; returns the edited YAML. */
async function editInputsAsYaml(template: string): Promise<string | undefined> {
  const doc = await vscode.workspace.openTextDocument({
    language: 'yaml',
    content: fillRuntimeInputs(template, {}),
  });
  await vscode.window.showTextDocument(doc, { preview: false });
  const choice = await vscode.window.showInformationMessage(
    'Harness: edit the runtime inputs in the editor, then choose Run.',
    'Run',
    'Cancel',
  );
  return choice === 'Run' ? doc.getText() : undefined;
}

/** What is run, once account, project, pipeline and branch are known. */
interface RunTarget {
  env: CommandEnv;
  interactive: boolean;
  options: Record<string, unknown>;
  account: AccountContext;
  scope: ProjectScope;
  identifier: string;
  branch?: string;
  /** The tree node it was run from: shows the latest execution. */
  node?: PipelineNode;
}

/**
 * `harness.runPipeline(node | options)`: which pipeline, its runtime inputs (asked for, or from
 * `inputs`/`inputYaml`), then the execution, followed in the status bar and the tree.
 */
export async function runPipeline(
  env: CommandEnv,
  watcher: ExecutionWatcher,
  arg?: unknown,
): Promise<RunResult> {
  const target = await resolveTarget(env, arg);
  if (!('account' in target)) return target;
  try {
    const body = await runtimeInputBody(target);
    if (typeof body !== 'string') return body;
    return await start(target, watcher, body);
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    env.reportError(err, `run pipeline ${target.identifier}`);
    return failed(err);
  }
}

/** The pipeline to run: from the tree node, the options, or (interactive) picked. */
async function resolveTarget(env: CommandEnv, arg: unknown): Promise<RunTarget | RunResult> {
  const interactive = !isOptions(arg);
  const options = isOptions(arg) ? arg : {};
  const node = isTreeNode(arg) && arg.kind === 'pipeline' ? (arg as PipelineNode) : undefined;
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  let scope: ProjectScope | undefined = node?.scope;
  const org = str(options.org);
  const project = str(options.project);
  if (!scope && org && project) scope = { orgIdentifier: org, projectIdentifier: project };
  if (!scope && interactive) scope = await pickProject(env, account.api);
  let identifier = node?.pipeline.identifier ?? str(options.identifier);
  if (scope && !identifier && interactive) identifier = await pickPipeline(env, account, scope);
  if (!scope || !identifier) {
    return interactive
      ? { status: 'cancelled' }
      : { status: 'refused', reason: 'pass org, project and identifier' };
  }
  const branch = str(options.branch) ?? node?.pipeline.gitDetails?.branch;
  return { env, interactive, options, account, scope, identifier, node, ...(branch ? { branch } : {}) };
}

/** A quick pick of the project's pipelines (first page). */
async function pickPipeline(
  env: CommandEnv,
  account: AccountContext,
  scope: ProjectScope,
): Promise<string | undefined> {
  const page = await account.api
    .listPipelines(scope, { pageIndex: 0, pageSize: 100 })
    .catch((err: unknown) => {
      env.reportError(err, 'list pipelines');
      return undefined;
    });
  if (!page) return undefined;
  const picked = await vscode.window.showQuickPick(
    page.items.map((p) => ({ label: p.name, description: p.identifier, id: p.identifier })),
    { placeHolder: 'Pipeline to run' },
  );
  return picked?.id;
}

/**
 * The execute body: '' without runtime inputs; else `inputYaml`, the template filled with
 * `inputs` (refused while one has no value), or what the user enters (each value, or the YAML).
 */
async function runtimeInputBody(t: RunTarget): Promise<string | RunResult> {
  const template = await withCancellableProgress(`Reading runtime inputs of ${t.identifier}…`, (signal) =>
    t.account.api.getInputSetTemplate(t.scope, t.identifier, t.branch, { signal }),
  );
  const templateYaml = template.inputSetTemplateYaml ?? '';
  const fields = findRuntimeInputs(templateYaml);
  if (fields.length === 0) return '';
  const inputYaml = str(t.options.inputYaml);
  if (inputYaml !== undefined) return inputYaml;
  if (!t.interactive) {
    const values = (
      typeof t.options.inputs === 'object' && t.options.inputs !== null ? t.options.inputs : {}
    ) as Record<string, string>;
    const missing = missingInputs(fields, values);
    if (missing.length > 0) {
      return {
        status: 'refused',
        reason: `runtime inputs without a value: ${missing.map((f) => f.label).join(', ')}`,
      };
    }
    return fillRuntimeInputs(templateYaml, values);
  }
  const how = await vscode.window.showQuickPick(
    [
      { label: '$(list-flat) Enter each value', value: 'ask' },
      { label: '$(edit) Edit the inputs as YAML', value: 'yaml' },
    ],
    { placeHolder: `${t.identifier} has ${fields.length} runtime input(s)` },
  );
  if (!how) return { status: 'cancelled' };
  if (how.value === 'ask') {
    const values = await askInputs(fields);
    return values ? fillRuntimeInputs(templateYaml, values) : { status: 'cancelled' };
  }
  const edited = await editInputsAsYaml(templateYaml);
  return edited ?? { status: 'cancelled' };
}

/** Starts the execution, says so (with a link), and follows it; with `wait`, until it ends. */
async function start(t: RunTarget, watcher: ExecutionWatcher, body: string): Promise<RunResult> {
  const { account, scope, identifier, branch } = t;
  const execution = await withCancellableProgress(`Starting ${identifier}…`, (signal) =>
    account.api.executePipeline(scope, identifier, body, { signal, branch }),
  );
  const planExecutionId = execution.uuid;
  const url = executionLink(
    account.baseUrl,
    account.accountId,
    scope.orgIdentifier,
    scope.projectIdentifier,
    identifier,
    planExecutionId,
  );
  void vscode.window
    .showInformationMessage(`Harness: ${identifier} started (${execution.status}).`, 'Open Execution')
    .then((c) => {
      if (c) void vscode.env.openExternal(vscode.Uri.parse(url));
    });
  const wait = t.options.wait === true;
  const watching = watcher.watch({
    api: account.api,
    baseUrl: account.baseUrl,
    accountId: account.accountId,
    scope,
    pipelineIdentifier: identifier,
    planExecutionId,
    node: t.node,
    ignoreFocus: wait,
  });
  if (!wait) return { status: 'ok', planExecutionId, url };
  const final = await watching;
  return { status: 'ok', planExecutionId, url, finalStatus: final?.status, execution: final };
}
