// The execution rows of the tree: labels, descriptions and tooltips of runs and of their stages and
// steps, durations, the node tree built from an execution detail (the contract's documented
// graph), the context values the menus match on, and the step-log click target.
import * as assert from 'node:assert/strict';
import { parseExecutionDetailGraph } from '../../../../src/api/executionParsers';
import type { ExecutionNode, ExecutionSummary } from '../../../../src/api/types';
import { elapsed, formatDuration, statusText, triggerText } from '../../../../src/executions/format';
import {
  executionChildren,
  executionPartView,
  executionRowView,
  partChildren,
  stepLogCommand,
} from '../../../../src/executions/rows';
import { OPEN_STEP_LOG_COMMAND } from '../../../../src/executions/stepLogTarget';
import { contextValue, type ExecutionPartNode, type ExecutionRowNode } from '../../../../src/tree/nodes';
import { present } from '../../../../src/tree/presentation';
import { detailBody } from '../../../contract/runLoop';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };
const T0 = Date.UTC(2026, 11, 2, 14, 5, 30);

const summary = (over: Partial<ExecutionSummary> = {}): ExecutionSummary => ({
  pipelineIdentifier: 'deploy',
  planExecutionId: 'run1',
  name: 'Deploy',
  status: 'Success',
  runSequence: 42,
  startTs: T0,
  endTs: T0 + 192_000,
  trigger: { type: 'MANUAL', by: { identifier: 'Jane', email: 'jane@example.com' } },
  ...over,
});

const row = (s: ExecutionSummary): ExecutionRowNode => ({
  kind: 'execution',
  id: `execution:${s.planExecutionId}`,
  scope,
  pipelineIdentifier: s.pipelineIdentifier,
  summary: s,
});

const labels = (nodes: ExecutionPartNode[]): unknown[] =>
  nodes.map((n) => {
    const kids = partChildren(n);
    return kids.length > 0
      ? { [`${n.part.kind}:${n.part.identifier}`]: labels(kids) }
      : `${n.part.kind}:${n.part.identifier}`;
  });

describe('executions: durations and texts', () => {
  it('formats durations short enough for a row', () => {
    assert.equal(formatDuration(400), '<1s');
    assert.equal(formatDuration(45_000), '45s');
    assert.equal(formatDuration(192_000), '3m 12s');
    assert.equal(formatDuration(3_720_000), '1h 02m');
    assert.equal(formatDuration(2 * 86_400_000 + 3 * 3_600_000), '2d 3h');
    assert.equal(formatDuration(-5), '');
  });

  it('measures a finished node end − start and a running one against now', () => {
    assert.deepEqual(elapsed(T0, T0 + 5000, T0 + 99_000), { ms: 5000, running: false });
    assert.deepEqual(elapsed(T0, undefined, T0 + 7000), { ms: 7000, running: true });
    assert.equal(elapsed(undefined, undefined, T0), undefined);
  });

  it('names the trigger and who, and marks re-runs; an unnamed type is shown readable', () => {
    assert.equal(triggerText({ type: 'MANUAL', by: { identifier: 'Jane' } }), 'Manual by Jane');
    assert.equal(triggerText({ type: 'SCHEDULER_CRON' }), 'Cron');
    assert.equal(
      triggerText({ type: 'WEBHOOK', by: { identifier: 'pr_opened' }, isRerun: true }),
      'Webhook by pr_opened (re-run)',
    );
    assert.equal(triggerText({ type: 'SOME_NEW_KIND' }), 'Some new kind');
    assert.equal(triggerText(undefined), undefined);
  });

  it('says when a status is not one this extension knows, with the value as sent', () => {
    assert.equal(statusText('APPROVAL_WAITING'), 'ApprovalWaiting');
    assert.equal(statusText('Hibernating'), 'Hibernating (status not known to this extension)');
  });
});

describe('executions: run rows', () => {
  it('shows #sequence, trigger, branch, start time and duration', () => {
    const v = executionRowView(summary({ branch: 'main' }), T0 + 1_000_000);
    assert.equal(v.label, '#42');
    assert.equal(v.description, 'Manual by Jane · ⎇ main · 2026-12-02 14:05 UTC · 3m 12s');
    assert.equal(v.collapsible, 'collapsed');
    assert.match(v.tooltip, /Status: Success/);
    assert.match(v.tooltip, /Execution id: run1/);
  });

  it('counts a running run up to now, and shows the CI branch when the pipeline is not in Git', () => {
    const v = executionRowView(
      summary({ status: 'Running', endTs: undefined, ciBranch: 'feature/x' }),
      T0 + 65_000,
    );
    assert.equal(v.description, 'Manual by Jane · ⎇ feature/x · 2026-12-02 14:05 UTC · 1m 05s so far');
  });

  it('puts the error message and stage counts in the tooltip of a failed run', () => {
    const v = executionRowView(
      summary({
        status: 'Failed',
        executionErrorInfo: { message: 'Step test failed' },
        totalStagesCount: 3,
        successfulStagesCount: 1,
        failedStagesCount: 1,
      }),
      T0,
    );
    assert.match(v.tooltip, /Error: Step test failed/);
    assert.match(v.tooltip, /Stages: 1 of 3 succeeded, 1 failed/);
  });

  it('falls back to the execution id without a run sequence', () => {
    assert.equal(executionRowView(summary({ runSequence: undefined }), T0).label, 'run1');
  });

  it('gives menus running / retryable / plain context values; an unknown status is neither', () => {
    assert.equal(contextValue(row(summary({ status: 'Running' }))), 'harness.execution.running');
    assert.equal(contextValue(row(summary({ status: 'ApprovalWaiting' }))), 'harness.execution.running');
    assert.equal(
      contextValue(row(summary({ status: 'Failed', canRetry: true }))),
      'harness.execution.retryable',
    );
    assert.equal(contextValue(row(summary({ status: 'Failed', canRetry: false }))), 'harness.execution');
    assert.equal(contextValue(row(summary({ status: 'Hibernating', canRetry: true }))), 'harness.execution');
  });

  it('uses the status icon on the row (the tree presentation)', () => {
    assert.equal(present(row(summary({ status: 'Running' })), undefined, T0).icon, 'sync~spin');
    assert.equal(present(row(summary({ status: 'Failed' })), undefined, T0).icon, 'error');
  });
});

describe('executions: stages and steps of a run', () => {
  const detail = parseExecutionDetailGraph(detailBody());
  const run = row(summary({ planExecutionId: detail.summary.planExecutionId, runSequence: 41 }));
  const stages = executionChildren(run, detail);

  it('builds stages, then steps with step groups, parallel blocks and matrix instances', () => {
    assert.deepEqual(labels(stages), [
      {
        'stage:build': [
          'step:compile',
          { 'stepGroup:checks': ['step:lint'] },
          { 'parallel:parallel1': ['step:unit', 'step:e2e'] },
          { 'strategy:test': ['step:test_0', 'step:test_1'] },
        ],
      },
      'stage:deploy',
    ]);
  });

  it('gives every node a stable id and the layout id of its stage', () => {
    const build = stages[0];
    const steps = partChildren(build);
    const again = partChildren(executionChildren(run, detail)[0]);
    assert.deepEqual(
      steps.map((n) => n.id),
      again.map((n) => n.id),
    );
    assert.equal(new Set(steps.map((n) => n.id)).size, steps.length);
    for (const n of steps) assert.equal(n.stageNodeId, build.part.id);
    assert.equal(contextValue(build), 'harness.executionStage');
    assert.equal(contextValue(steps[0]), 'harness.executionStep');
  });

  it('shows the failure message on a failed step (description and tooltip) and its duration', () => {
    const matrix = partChildren(stages[0]).find((n) => n.part.kind === 'strategy');
    assert.ok(matrix);
    const failed = partChildren(matrix).find((n) => n.part.status === 'Failed');
    assert.ok(failed);
    const v = executionPartView(failed.part, Date.now());
    assert.match(v.description ?? '', /^Failed · .*1 error occurred: exit status 1$/);
    assert.match(v.tooltip, /Failure: 1 error occurred: exit status 1/);
    assert.equal(v.collapsible, 'none');
  });

  it('a step with a log key opens its log with a StepLogTarget; one without has no command', () => {
    const compile = partChildren(stages[0])[0];
    const cmd = stepLogCommand('acct', compile);
    assert.ok(cmd);
    assert.equal(cmd.command, OPEN_STEP_LOG_COMMAND);
    const [target] = cmd.arguments;
    assert.equal(target.accountId, 'acct');
    assert.deepEqual(target.scope, scope);
    assert.equal(target.planExecutionId, detail.summary.planExecutionId);
    assert.equal(target.runSequence, 41);
    assert.equal(target.stepIdentifier, 'compile');
    assert.equal(target.logBaseKey, compile.part.logBaseKey);
    assert.equal(target.nodeId, compile.part.id);
    const noLog: ExecutionNode = { ...compile.part, logBaseKey: undefined };
    assert.equal(stepLogCommand('acct', { ...compile, part: noLog }), undefined);
    assert.equal(stepLogCommand('acct', stages[0]), undefined, 'a stage has no log');
  });
});
