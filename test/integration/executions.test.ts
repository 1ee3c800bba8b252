// Executions in the real extension host against the simulator: a pipeline's Executions folder
// (latest first), an execution's stages and steps (step group, parallel block, matrix instances,
// the failure message, the step-log click), a running row that refreshes on its own while the
// view is visible, Abort (refused without the confirmation, then done), Re-run with the same
// inputs and Re-run from the failed stage, each started run appearing in the tree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExecutionRowNode, HarnessNode } from '../../src/tree/nodes';
import { harnessExports, signIn, signOutAll, type HarnessExports, type SimLike } from './accountSupport';
import { startSimulator } from './helpers/simulator';
import { waitFor } from './helpers/waitFor';

const ORG = 'default';
const PROJECT = 'default_project';
const PIPELINE = 'it_executions';
const OPEN_STEP_LOG = 'harness.openStepLog';

type Result = { status: string; [key: string]: unknown };

function step(id: string, script: string, indent: string): string {
  return `${indent}- step:
${indent}    type: ShellScript
${indent}    name: ${id}
${indent}    identifier: ${id}
${indent}    timeout: 10m
${indent}    spec:
${indent}      shell: Bash
${indent}      onDelegate: true
${indent}      source:
${indent}        type: Inline
${indent}        spec:
${indent}          script: ${script}
`;
}

/** Build (a step, a step group, a parallel block, a repeated step), then Deploy, whose step fails. */
const YAML = `pipeline:
  name: ${PIPELINE}
  identifier: ${PIPELINE}
  orgIdentifier: ${ORG}
  projectIdentifier: ${PROJECT}
  tags: {}
  stages:
    - stage:
        name: Build
        identifier: build
        type: Custom
        spec:
          execution:
            steps:
${step('compile', 'echo compile', '              ')}              - stepGroup:
                  name: checks
                  identifier: checks
                  steps:
${step('lint', 'echo lint', '                    ')}              - parallel:
${step('unit', 'echo unit', '                  ')}${step('e2e', 'echo e2e', '                  ')}${step('shard', 'echo shard', '              ').replace('    timeout: 10m\n', '    timeout: 10m\n                  strategy:\n                    repeat:\n                      times: 2\n')}    - stage:
        name: Deploy
        identifier: deploy
        type: Custom
        spec:
          execution:
            steps:
${step('release', 'exit 1', '              ')}`;

async function run(command: string, ...args: unknown[]): Promise<Result> {
  const result = await vscode.commands.executeCommand<Result>(command, ...args);
  assert.ok(result && typeof result.status === 'string', `${command} returned ${JSON.stringify(result)}`);
  return result;
}

describe('executions: the Harness tree and the execution commands (real host, simulator)', function () {
  this.timeout(60_000);
  let sim: SimLike;
  let api: HarnessExports;
  let dir: string;

  const children = (node?: HarnessNode) => Promise.resolve(api.tree.getChildren(node));
  const item = (node: HarnessNode) => api.tree.getTreeItem(node);
  const label = (node: HarnessNode) => {
    const l = item(node).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  async function child(parent: HarnessNode | undefined, pick: (n: HarnessNode) => boolean, what: string) {
    const found = (await children(parent)).find(pick);
    assert.ok(found, `expected ${what} under ${parent ? parent.id : 'the root'}`);
    return found;
  }
  async function executionsFolder(): Promise<HarnessNode> {
    const account = await child(undefined, (n) => n.kind === 'account', 'the account');
    const org = await child(account, (n) => n.kind === 'org' && n.org.identifier === ORG, 'the org');
    const project = await child(
      org,
      (n) => n.kind === 'project' && n.project.identifier === PROJECT,
      'the project',
    );
    const pipelines = await child(project, (n) => n.kind === 'pipelines', 'Pipelines');
    assert.equal(pipelines.kind, 'pipelines');
    if (pipelines.kind === 'pipelines') api.tree.setNodeFilter(pipelines, PIPELINE);
    const pipeline = await child(
      pipelines,
      (n) => n.kind === 'pipeline' && n.pipeline.identifier === PIPELINE,
      'the pushed pipeline',
    );
    assert.equal(item(pipeline).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const kids = await children(pipeline);
    assert.deepEqual(
      kids.map((n) => [n.kind, label(n), item(n).contextValue]),
      [
        ['executions', 'Executions', 'harness.executions'],
        ['inputSets', 'Input Sets', 'harness.inputSets'],
      ],
    );
    return kids[0];
  }
  async function rows(): Promise<ExecutionRowNode[]> {
    const folder = await executionsFolder();
    api.tree.refresh(folder);
    return (await children(folder)).filter((n): n is ExecutionRowNode => n.kind === 'execution');
  }
  const runOptions = (extra: Record<string, unknown> = {}) => ({
    org: ORG,
    project: PROJECT,
    identifier: PIPELINE,
    ...extra,
  });
  const executionRequests = (id: string) =>
    sim.requests.filter((r) => r.method === 'GET' && r.path === `/pipeline/api/pipelines/execution/v2/${id}`);

  before(async () => {
    api = await harnessExports();
    await signOutAll(api);
    sim = (await startSimulator({ executionStepMs: 400 })) as SimLike;
    const r = await signIn({ baseUrl: sim.url, token: sim.tokens.admin });
    assert.ok(r.ok, JSON.stringify(r));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-exec-'));
    const file = path.join(dir, `${PIPELINE}.yaml`);
    fs.writeFileSync(file, YAML);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const pushed = await run('harness.pushPipeline', doc.uri, {
      org: ORG,
      project: PROJECT,
      overwrite: true,
    });
    assert.equal(pushed.status, 'ok', JSON.stringify(pushed));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The view is shown: running rows refresh on their own only while it is visible.
    await vscode.commands.executeCommand('harness.resources.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await signOutAll(api);
    await sim?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists runs latest first with run number, status, trigger, start time and duration', async () => {
    const first = await run('harness.runPipeline', runOptions({ wait: true }));
    assert.equal(first.finalStatus, 'Failed');
    const second = await run('harness.runPipeline', runOptions({ wait: true }));
    assert.equal(second.finalStatus, 'Failed');
    const list = await rows();
    assert.deepEqual(
      list.map((n) => label(n)),
      ['#2', '#1'],
    );
    const top = item(list[0]);
    assert.equal(top.contextValue, 'harness.execution.retryable');
    assert.equal((top.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(String(top.description), /^Manual by .+ · \d{4}-\d\d-\d\d \d\d:\d\d UTC · \d+s$/);
    assert.match((top.tooltip as vscode.MarkdownString).value, /Status: Failed/);
  });

  it('expands a run into stages, then steps with group, parallel block, matrix instances and failures', async () => {
    const [latest] = await rows();
    const stages = await children(latest);
    assert.deepEqual(
      stages.map((n) => [label(n), item(n).contextValue]),
      [
        ['Build', 'harness.executionStage'],
        ['Deploy', 'harness.executionStage'],
      ],
    );
    const build = await children(stages[0]);
    assert.deepEqual(
      build.map((n) => label(n)),
      ['compile', 'checks', 'parallel', 'shard'],
    );
    assert.deepEqual((await children(build[1])).map(label), ['lint']);
    assert.deepEqual((await children(build[2])).map(label), ['unit', 'e2e']);
    assert.deepEqual((await children(build[3])).map(label), ['shard_0', 'shard_1']);
    const compile = item(build[0]);
    assert.equal(compile.contextValue, 'harness.executionStep');
    assert.equal((compile.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(compile.command?.command, OPEN_STEP_LOG);
    const target = compile.command?.arguments?.[0] as Record<string, unknown>;
    assert.equal(target.stepIdentifier, 'compile');
    assert.equal(target.planExecutionId, latest.summary.planExecutionId);
    assert.equal(target.runSequence, 2);
    assert.ok(
      String(target.logBaseKey).endsWith(`${latest.summary.planExecutionId}/build/compile`),
      String(target.logBaseKey),
    );
    const [release] = await children(stages[1]);
    const failed = item(release);
    assert.equal((failed.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(String(failed.description), /^Failed · .* · .*command exited with status 1/);
    assert.match((item(stages[1]).tooltip as vscode.MarkdownString).value, /Failure: /);
  });

  it('refreshes a running row on its own while the view is visible, not while it is hidden', async () => {
    // Started through the API, not the Run command: no status-bar watcher follows it, only the tree.
    const account = api.currentAccount();
    assert.ok(account);
    const scope = { orgIdentifier: ORG, projectIdentifier: PROJECT };
    const hidden = await account.api.executePipeline(scope, PIPELINE, '');
    await vscode.commands.executeCommand('workbench.view.explorer');
    const hiddenRow = (await rows()).find((n) => n.summary.planExecutionId === hidden.uuid);
    assert.ok(hiddenRow, 'the new run is listed');
    assert.equal(hiddenRow.summary.status, 'Running');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    assert.equal(hiddenRow.summary.status, 'Running', 'no polling while the view is hidden');
    assert.equal(executionRequests(hidden.uuid).length, 0);

    await vscode.commands.executeCommand('harness.resources.focus');
    const shown = await account.api.executePipeline(scope, PIPELINE, '');
    const row = (await rows()).find((n) => n.summary.planExecutionId === shown.uuid);
    assert.ok(row);
    assert.equal(item(row).contextValue, 'harness.execution.running');
    // No reload from here on: the shared poller's updates reach the same row object.
    await waitFor(() => row.summary.status === 'Failed', {
      message: 'the running row reaches its final status without a reload',
      timeoutMs: 20_000,
    });
    assert.equal(item(row).contextValue, 'harness.execution.retryable');
  });

  it('aborts a running execution only after the confirmation', async () => {
    sim.requests.length = 0;
    const started = await run('harness.runPipeline', runOptions());
    const id = String(started.planExecutionId);
    const target = runOptions({ planExecutionId: id });
    const refused = await run('harness.abortExecution', target);
    assert.equal(refused.status, 'refused');
    assert.match(String(refused.reason), /confirm/);
    assert.equal(
      sim.requests.filter((r) => r.path.includes('/interrupt/')).length,
      0,
      'nothing sent without it',
    );
    const row = (await rows()).find((n) => n.summary.planExecutionId === id);
    assert.ok(row);
    assert.equal(item(row).contextValue, 'harness.execution.running');
    const aborted = await run('harness.abortExecution', { ...target, confirm: true });
    assert.equal(aborted.status, 'ok', JSON.stringify(aborted));
    const interrupts = sim.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/interrupt/${id}`));
    assert.equal(interrupts.length, 1);
    assert.equal(interrupts[0].query.interruptType, 'AbortAll');
    const after = await waitFor(
      async () =>
        (await rows()).find((n) => n.summary.planExecutionId === id && n.summary.status === 'Aborted'),
      { message: 'the aborted run shows Aborted' },
    );
    assert.equal((item(after).iconPath as vscode.ThemeIcon).id, 'circle-slash');
  });

  it('re-runs an execution with the same inputs; the new run is listed as a re-run', async () => {
    const first = (await rows()).find((n) => n.summary.runSequence === 1);
    assert.ok(first);
    const rerun = await run(
      'harness.rerunExecution',
      runOptions({ planExecutionId: first.summary.planExecutionId, wait: true }),
    );
    assert.equal(rerun.status, 'ok', JSON.stringify(rerun));
    assert.equal(rerun.finalStatus, 'Failed');
    assert.ok(
      sim.requests.some(
        (r) => r.path === `/pipeline/api/pipelines/execution/${first.summary.planExecutionId}/inputsetV2`,
      ),
      'read the inputs of the run',
    );
    const list = await rows();
    assert.equal(list[0].summary.planExecutionId, rerun.planExecutionId);
    assert.match(String(item(list[0]).description), /\(re-run\)/);
  });

  it('says a re-run whose answer was cut off may have started, and the tree shows that it did', async () => {
    const first = (await rows()).find((n) => n.summary.runSequence === 1);
    assert.ok(first);
    const before = (await rows()).length;
    sim.faults.inject({
      method: 'POST',
      path: `/pipeline/api/pipeline/execute/rerun/${first.summary.planExecutionId}/${PIPELINE}`,
      kind: 'truncated',
    });
    const result = await run(
      'harness.rerunExecution',
      runOptions({ planExecutionId: first.summary.planExecutionId }),
    );
    assert.equal(result.status, 'failed', JSON.stringify(result));
    assert.equal((result.error as { kind?: string }).kind, 'outcomeUnknown');
    assert.ok(
      api.logLines().some((l) => /Not confirmed: re-run it_executions /.test(l)),
      'the log and the warning say it is not confirmed, not that it failed',
    );
    // Harness had started it before the answer was lost: the Executions folder lists it.
    assert.equal((await rows()).length, before + 1);
  });

  it('re-runs from the failed stage (the default when options name none)', async () => {
    const failedRun = (await rows()).find(
      (n) => n.summary.status === 'Failed' && n.summary.canRetry === true,
    );
    assert.ok(failedRun);
    const retried = await run(
      'harness.retryExecution',
      runOptions({ planExecutionId: failedRun.summary.planExecutionId, wait: true }),
    );
    assert.equal(retried.status, 'ok', JSON.stringify(retried));
    const post = sim.requests.find(
      (r) => r.method === 'POST' && r.path === `/pipeline/api/pipeline/execute/retry/${PIPELINE}`,
    );
    assert.ok(post);
    assert.deepEqual([post.query.retryStages].flat(), ['deploy']);
    const list = await rows();
    assert.equal(list[0].summary.planExecutionId, retried.planExecutionId);
    // Harness refuses a second retry of the same run: the command says so instead of trying.
    const again = await run(
      'harness.retryExecution',
      runOptions({ planExecutionId: failedRun.summary.planExecutionId }),
    );
    assert.equal(again.status, 'refused');
    assert.match(String(again.reason), /retried already/);
  });
});
