// Run Pipeline: asks for runtime inputs (from the input-set template endpoint) when the pipeline
// has `<+input>` fields, starts the execution, and follows it in the status bar and the tree.
import * as vscode from 'vscode';
import type { ExecutionSummary, InputSetSummary, ProjectScope } from '../api/types';
import type { AccountContext } from '../account/accounts';
import type { InputSetNode, PipelineNode } from '../tree/nodes';
import type { CommandEnv } from './context';
import { executionLink } from './deepLinks';
import type { ExecutionWatcher } from './executionWatcher';
import type { GitExperience } from './gitPrompts';
import {
  failed,
  isCancelled,
  isOptions,
  isTreeNode,
  str,
  withCancellableProgress,
  type CommandResult,
} from './invocation';
import { deriveIdentifier, validateName } from './identifiers';
import { fromMergedInputSets, inputSetChoices, inputSetYaml } from './inputSets';
import { pickActive } from '../ui/pickActive';
import { pickProject } from './pickers';
import { runBranch, type PipelineLink } from './pipelineLinks';
import {
  fillRuntimeInputs,
  findRuntimeInputs,
  missingInputs,
  validateInputValue,
  allowedChoices,
  type RuntimeInputField,
} from './runtimeInputs';

export const RUN_OPTION_KEYS = [
  'org',
  'project',
  'identifier',
  'inputs',
  'inputYaml',
  'inputSets',
  'saveInputSet',
  'branch',
  'wait',
  'uri',
];

export type RunResult = CommandResult<{
  planExecutionId: string;
  url: string;
  /** Final status when `wait` was set. */
  finalStatus?: string;
  execution?: ExecutionSummary;
  /** The input set the run's inputs were saved as (`saveInputSet`). */
  inputSet?: string;
}>;

/** The execute body, and whether its values were entered by hand (then they can be saved). */
interface RunInputs {
  body: string;
  byHand: boolean;
}

/** One of the allowed values, the default highlighted; undefined when the user cancels. */
async function pickAllowed(field: RuntimeInputField): Promise<string | undefined> {
  const { items, active } = allowedChoices(field);
  const picked = await pickActive(items, active, {
    title: `Runtime input: ${field.label}`,
    placeholder: field.expression,
    ignoreFocusOut: true,
  });
  return picked?.label;
}

/** Asks for each input in turn; undefined when the user cancels. */
async function askInputs(fields: readonly RuntimeInputField[]): Promise<Record<string, string> | undefined> {
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
  /** The linked local file's pipeline it runs (Run with that file active). */
  link?: PipelineLink;
  /** The input set row it was run from ("Run with this Input Set"): its values are used. */
  inputSet?: string;
}

/**
 * `harness.runPipeline(node | options)`: which pipeline, its runtime inputs (asked for, or from
 * `inputs`/`inputYaml`), then the execution, followed in the status bar and the tree.
 */
export async function runPipeline(
  env: CommandEnv,
  watcher: ExecutionWatcher,
  arg?: unknown,
  git?: GitExperience,
): Promise<RunResult> {
  const target = await resolveTarget(env, arg, git);
  if (!('account' in target)) return target;
  try {
    const inputs = await runtimeInputBody(target);
    if (!('body' in inputs)) return inputs;
    return await start(target, watcher, inputs);
  } catch (err) {
    if (isCancelled(err)) return { status: 'cancelled' };
    env.reportError(err, `run pipeline ${target.identifier}`);
    return failed(err);
  }
}

/** The pipeline to run: from the tree node, the options, or (interactive) picked. */
async function resolveTarget(
  env: CommandEnv,
  arg: unknown,
  git: GitExperience | undefined,
): Promise<RunTarget | RunResult> {
  const interactive = !isOptions(arg);
  const options = isOptions(arg) ? arg : {};
  // An input set row runs its pipeline (the row's grandparent in the tree) with that input set.
  const row = isTreeNode(arg) && arg.kind === 'inputSet' ? (arg as InputSetNode) : undefined;
  const rowPipeline = row?.parent?.parent?.kind === 'pipeline' ? row.parent.parent : undefined;
  const node = isTreeNode(arg) && arg.kind === 'pipeline' ? (arg as PipelineNode) : rowPipeline;
  const account = await env.activeAccount(interactive);
  if (!account) return { status: 'refused', reason: 'not signed in to Harness' };
  let scope: ProjectScope | undefined = node?.scope ?? row?.scope;
  const org = str(options.org);
  const project = str(options.project);
  if (!scope && org && project) scope = { orgIdentifier: org, projectIdentifier: project };
  // Run with a linked file active (or `uri`): the pipeline it was pushed to or imported as.
  const linked =
    !node && !scope && !str(options.identifier) ? await linkedTarget(git, account, options) : undefined;
  if (linked) return { env, interactive, options, account, ...linked };
  if (!scope && interactive) scope = await pickProject(env, account.api);
  let identifier = node?.pipeline.identifier ?? row?.pipelineIdentifier ?? str(options.identifier);
  if (scope && !identifier && interactive) identifier = await pickPipeline(env, account, scope);
  if (!scope || !identifier) {
    return interactive
      ? { status: 'cancelled' }
      : { status: 'refused', reason: 'pass org, project and identifier' };
  }
  const branch = str(options.branch) ?? node?.pipeline.gitDetails?.branch;
  const inputSet = row ? { inputSet: row.inputSet.identifier } : {};
  return {
    env,
    interactive,
    options,
    account,
    scope,
    identifier,
    node,
    ...inputSet,
    ...(branch ? { branch } : {}),
  };
}

/**
 * The pipeline linked to `options.uri` or (from the palette) the active editor's file, when it was
 * pushed or imported with this account; for a Git pipeline, the branch to run (runBranch).
 */
async function linkedTarget(
  git: GitExperience | undefined,
  account: AccountContext,
  options: Record<string, unknown>,
): Promise<Pick<RunTarget, 'scope' | 'identifier' | 'branch' | 'link'> | undefined> {
  if (!git) return undefined;
  const given = str(options.uri);
  const uri = given ? vscode.Uri.parse(given) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const link = git.links.get(uri.toString());
  if (!link || link.accountId !== account.accountId) return undefined;
  const info =
    link.storeType === 'REMOTE' && uri.scheme === 'file' ? await git.workspace.infoFor(uri) : undefined;
  const branch = str(options.branch) ?? runBranch(link, info);
  return {
    scope: { orgIdentifier: link.orgIdentifier, projectIdentifier: link.projectIdentifier },
    identifier: link.identifier,
    link,
    ...(branch ? { branch } : {}),
  };
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
 * The execute body: '' without runtime inputs; else `inputYaml`, the template filled from
 * `inputSets` (merged by Harness) and `inputs` (refused while one has no value), or what the
 * user chooses: input sets, each value, or the YAML.
 */
async function runtimeInputBody(t: RunTarget): Promise<RunInputs | RunResult> {
  const [template, sets] = await withCancellableProgress(
    `Reading runtime inputs of ${t.identifier}…`,
    (signal) =>
      Promise.all([
        t.account.api.getInputSetTemplate(t.scope, t.identifier, t.branch, { signal }),
        t.interactive && !t.inputSet ? listInputSets(t, signal) : Promise.resolve([]),
      ]),
  );
  const templateYaml = template.inputSetTemplateYaml ?? '';
  const fields = findRuntimeInputs(templateYaml);
  if (fields.length === 0) return { body: '', byHand: false };
  const inputYaml = str(t.options.inputYaml);
  if (inputYaml !== undefined) return { body: inputYaml, byHand: false };
  if (t.inputSet) return withInputSets(t, templateYaml, [t.inputSet]);
  if (!t.interactive) {
    const values = (
      typeof t.options.inputs === 'object' && t.options.inputs !== null ? t.options.inputs : {}
    ) as Record<string, string>;
    const refs = stringList(t.options.inputSets);
    if (refs.length > 0) {
      const merged = await mergeInputSets(t, templateYaml, refs);
      if (!('missing' in merged)) return merged;
      const missing = merged.missing.filter((f) => values[f.label] === undefined);
      if (missing.length > 0) return missingResult(missing);
      return { body: merged.body(values), byHand: false };
    }
    const missing = missingInputs(fields, values);
    if (missing.length > 0) return missingResult(missing);
    return { body: fillRuntimeInputs(templateYaml, values), byHand: Object.keys(values).length > 0 };
  }
  const how = await vscode.window.showQuickPick(
    [
      ...(sets.length > 0
        ? [{ label: `$(layers) Use input sets (${sets.length})`, value: 'sets' as const }]
        : []),
      { label: '$(list-flat) Enter each value', value: 'ask' as const },
      { label: '$(edit) Edit the inputs as YAML', value: 'yaml' as const },
    ],
    { placeHolder: `${t.identifier} has ${fields.length} runtime input(s)` },
  );
  if (!how) return { status: 'cancelled' };
  if (how.value === 'sets') {
    const picked = await vscode.window.showQuickPick(inputSetChoices(sets), {
      canPickMany: true,
      title: `Input sets of ${t.identifier}`,
      placeHolder: 'Choose one or more: where they overlap, the later ones in this list win',
      ignoreFocusOut: true,
    });
    if (!picked || picked.length === 0) return { status: 'cancelled' };
    const merged = await mergeInputSets(
      t,
      templateYaml,
      picked.map((p) => p.identifier),
    );
    if (!('missing' in merged)) return merged;
    // What the input sets leave open is asked for, as when entering each value.
    const entered = merged.missing.length > 0 ? await askInputs(merged.missing) : {};
    return entered ? { body: merged.body(entered), byHand: false } : { status: 'cancelled' };
  }
  if (how.value === 'ask') {
    const values = await askInputs(fields);
    return values ? { body: fillRuntimeInputs(templateYaml, values), byHand: true } : { status: 'cancelled' };
  }
  const edited = await editInputsAsYaml(templateYaml);
  return edited !== undefined ? { body: edited, byHand: true } : { status: 'cancelled' };
}

/** The input sets' merged values; what they leave open is asked for, as when entering each value. */
async function withInputSets(
  t: RunTarget,
  templateYaml: string,
  refs: string[],
): Promise<RunInputs | RunResult> {
  const merged = await mergeInputSets(t, templateYaml, refs);
  if (!('missing' in merged)) return merged;
  if (merged.missing.length > 0 && !t.interactive) return missingResult(merged.missing);
  const entered = merged.missing.length > 0 ? await askInputs(merged.missing) : {};
  return entered ? { body: merged.body(entered), byHand: false } : { status: 'cancelled' };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

function missingResult(missing: readonly RuntimeInputField[]): RunResult {
  return {
    status: 'refused',
    reason: `runtime inputs without a value: ${missing.map((f) => f.label).join(', ')}`,
  };
}

/** The pipeline's input sets (first page); none when they cannot be listed (the Run dialog goes on). */
async function listInputSets(t: RunTarget, signal: AbortSignal): Promise<InputSetSummary[]> {
  try {
    const page = await t.account.api.listInputSets(
      t.scope,
      t.identifier,
      { pageIndex: 0, pageSize: 100 },
      { signal },
    );
    return page.items;
  } catch (err) {
    if (isCancelled(err)) throw err;
    t.env.log.warn(
      `input sets of ${t.identifier} could not be listed: ${err instanceof Error ? err.message : String(err)}`,
    );
    return [];
  }
}

/** Harness merges the input sets (later ones win); refused with Harness's reasons when they do not merge. */
async function mergeInputSets(
  t: RunTarget,
  templateYaml: string,
  refs: string[],
): Promise<ReturnType<typeof fromMergedInputSets> | RunResult> {
  const merged = await withCancellableProgress(`Merging input sets ${refs.join(', ')}…`, (signal) =>
    t.account.api.mergeInputSets(t.scope, t.identifier, refs, false, { signal }),
  );
  if (merged.isErrorResponse) {
    const reasons = (merged.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    const reason = `the input sets do not merge: ${reasons.join('; ') || 'Harness gave no reason'}`;
    if (t.interactive) void vscode.window.showErrorMessage(`Harness: ${t.identifier}: ${reason}.`);
    return { status: 'refused', reason };
  }
  return fromMergedInputSets(templateYaml, merged.pipelineYaml);
}

/**
 * Saves a run's runtime inputs as a new input set of the pipeline: under `name` (options), or
 * a name the user enters. Returns its identifier, or undefined when cancelled or refused.
 */
async function saveAsInputSet(t: RunTarget, body: string, name?: string): Promise<string | undefined> {
  const chosen =
    name ??
    (await vscode.window.showInputBox({
      title: `Save the inputs as an input set of ${t.identifier}`,
      prompt: 'Input set name',
      value: `${t.identifier} inputs`,
      ignoreFocusOut: true,
      validateInput: (v) => validateName(v) ?? (deriveIdentifier(v) ? undefined : 'Use letters or digits'),
    }));
  if (!chosen) return undefined;
  const identifier = deriveIdentifier(chosen);
  const yaml = inputSetYaml(
    { name: chosen, identifier, scope: t.scope, pipelineIdentifier: t.identifier },
    body,
  );
  try {
    const saved = await withCancellableProgress(`Saving input set ${chosen}…`, (signal) =>
      t.account.api.createInputSet(t.scope, t.identifier, yaml, { signal }),
    );
    t.env.log.info(`input set ${saved.identifier} saved for ${t.identifier}`);
    if (t.interactive)
      void vscode.window.showInformationMessage(
        `Harness: input set "${chosen}" (${saved.identifier}) saved for ${t.identifier}.`,
      );
    return saved.identifier;
  } catch (err) {
    t.env.reportError(err, `save input set ${identifier}`);
    return undefined;
  }
}

/** Starts the execution, says so (with a link), and follows it; with `wait`, until it ends. */
async function start(t: RunTarget, watcher: ExecutionWatcher, inputs: RunInputs): Promise<RunResult> {
  const { account, scope, identifier, branch } = t;
  const { body } = inputs;
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
  // Inputs entered by hand can be kept for the next run (Harness's run form offers the same).
  const SAVE = 'Save Inputs as Input Set';
  const actions = inputs.byHand && body && t.interactive ? ['Open Execution', SAVE] : ['Open Execution'];
  void vscode.window
    .showInformationMessage(
      `Harness: ${identifier} started${branch ? ` on branch ${branch}` : ''} (${execution.status}).`,
      ...actions,
    )
    .then((c) => {
      if (c === 'Open Execution') void vscode.env.openExternal(vscode.Uri.parse(url));
      else if (c === SAVE) void saveAsInputSet(t, body);
    });
  const saveName = str(t.options.saveInputSet);
  const inputSet = saveName && body ? await saveAsInputSet(t, body, saveName) : undefined;
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
  const saved = inputSet ? { inputSet } : {};
  if (!wait) return { status: 'ok', planExecutionId, url, ...saved };
  const final = await watching;
  return { status: 'ok', planExecutionId, url, finalStatus: final?.status, execution: final, ...saved };
}
