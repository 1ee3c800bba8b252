// What the graph marks on its nodes: each diagnostic on the innermost node whose YAML holds it,
// and a watched run's statuses on the nodes of the same pipeline (by baseFqn, identifier chain or
// a step identifier unique in its stage), with the step log target for steps that have a log.
import * as assert from 'node:assert/strict';
import type { ExecutionNode } from '../../../../src/api/types';
import type { ExecutionUpdate } from '../../../../src/executions/updates';
import { allNodes, buildGraph, type GraphNode, type PipelineGraph } from '../../../../src/graph/model';
import { markProblems } from '../../../../src/graph/problems';
import { markRun, mergeRun, runMatchesGraph } from '../../../../src/graph/runStatus';
import { SAMPLE } from './model.test';

const graph = buildGraph(SAMPLE);

function byIdentifier(g: PipelineGraph, identifier: string): GraphNode {
  const n = allNodes(g).find((x) => x.identifier === identifier);
  assert.ok(n, identifier);
  return n;
}

const at = (needle: string) => {
  const i = SAMPLE.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

describe('graph marks: diagnostics', () => {
  it('puts a problem on the innermost node containing it and counts per node, worst severity first', () => {
    const marks = markProblems(graph, [
      { offset: at('type: ShellScript'), severity: 'warning', message: 'Unknown field' },
      { offset: at('name: Scan'), severity: 'error', message: 'Bad name' },
      { offset: at('name: Checks'), severity: 'info', message: 'A note' },
      { offset: at('type: CI'), severity: 'error', message: 'Stage problem' },
      { offset: at('K8sRollingRollback'), severity: 'error', message: 'Rollback problem' },
    ]);
    const scan = marks.byNode.get(byIdentifier(graph, 'scan').id);
    assert.deepEqual(scan, { count: 2, severity: 'error', messages: ['Unknown field', 'Bad name'] });
    assert.deepEqual(marks.byNode.get(byIdentifier(graph, 'checks').id), {
      count: 1,
      severity: 'info',
      messages: ['A note'],
    });
    assert.deepEqual(marks.byNode.get(byIdentifier(graph, 'build').id)?.messages, ['Stage problem']);
    assert.deepEqual(marks.byNode.get(byIdentifier(graph, 'rollback').id)?.messages, ['Rollback problem']);
    // The step's problems are not also counted on its group or stage.
    assert.equal(marks.byNode.size, 4);
    assert.equal(marks.pipeline, undefined);
  });

  it('keeps problems outside every stage for the pipeline itself', () => {
    const marks = markProblems(graph, [
      { offset: at('name: Graph Sample'), severity: 'warning', message: 'Name too short' },
      { offset: SAMPLE.length, severity: 'error', message: 'At the very end' },
    ]);
    assert.equal(marks.byNode.size, 0);
    assert.deepEqual(marks.pipeline, {
      count: 2,
      severity: 'error',
      messages: ['Name too short', 'At the very end'],
    });
  });
});

const SCOPE = { orgIdentifier: 'default', projectIdentifier: 'default_project' };

function exec(
  kind: ExecutionNode['kind'],
  identifier: string,
  status: string,
  extra: Partial<ExecutionNode> = {},
  children: ExecutionNode[] = [],
): ExecutionNode {
  return { id: `uuid-${identifier}`, identifier, name: identifier, kind, status, children, ...extra };
}

function update(stages: ExecutionNode[], over: Partial<ExecutionUpdate> = {}): ExecutionUpdate {
  const summary = {
    pipelineIdentifier: 'graph_sample',
    planExecutionId: 'exec1',
    status: 'Running',
    runSequence: 7,
  };
  return {
    accountId: 'acct',
    scope: SCOPE,
    pipelineIdentifier: 'graph_sample',
    planExecutionId: 'exec1',
    summary,
    detail: { summary, stages, stagesWithSteps: [] },
    ended: false,
    ...over,
  };
}

describe('graph marks: a watched run', () => {
  it('maps stages, parallel stages, steps (by baseFqn), grouped steps (by identifiers) and rollback steps', () => {
    const u = update([
      exec('stage', 'build', 'Running', {}, [
        exec('step', 'compile', 'Success', {
          baseFqn: 'pipeline.stages.build.spec.execution.steps.compile',
          logBaseKey: 'acct/log/compile',
        }),
        exec('parallel', 'parallel_x', 'Running', {}, [
          exec('step', 'unit', 'Failed', { failureMessage: 'tests failed', logBaseKey: 'k-unit' }),
          exec('step', 'lint', 'Running'),
        ]),
        exec('stepGroup', 'checks', 'NotStarted', {}, [exec('step', 'scan', 'NotStarted')]),
      ]),
      exec('parallel', 'p', 'NotStarted', {}, [
        exec('stage', 'deploy_eu', 'ApprovalWaiting', {}, [
          // A baseFqn that names no YAML node falls back to the stage's unique identifier.
          exec('step', 'rollback', 'Skipped', { baseFqn: 'pipeline.stages.deploy_eu.something.rollback' }),
        ]),
      ]),
    ]);
    const marks = markRun(graph, u);
    const status = (id: string) => marks.byNode.get(byIdentifier(graph, id).id)?.status;
    assert.equal(status('build'), 'Running');
    assert.equal(status('compile'), 'Success');
    assert.equal(status('unit'), 'Failed');
    assert.equal(status('lint'), 'Running');
    assert.equal(status('checks'), 'NotStarted');
    assert.equal(status('scan'), 'NotStarted');
    assert.equal(status('deploy_eu'), 'ApprovalWaiting');
    assert.equal(status('rollback'), 'Skipped');
    assert.equal(status('from_template'), undefined);
    assert.equal(marks.byNode.get(byIdentifier(graph, 'unit').id)?.failureMessage, 'tests failed');
    assert.equal(marks.byNode.get(byIdentifier(graph, 'deploy_eu').id)?.group, 'waiting');
    assert.deepEqual(
      { status: marks.status, group: marks.group, runSequence: marks.runSequence, ended: marks.ended },
      { status: 'Running', group: 'running', runSequence: 7, ended: false },
    );
  });

  it('offers the step log target for steps that have a logBaseKey, and only for those', () => {
    const u = update([
      exec('stage', 'build', 'Running', {}, [
        exec('step', 'compile', 'Success', { logBaseKey: 'acct/log/compile', id: 'node-7', name: 'Compile' }),
        exec('step', 'shared', 'Running'),
      ]),
    ]);
    const marks = markRun(graph, u);
    assert.deepEqual(marks.byNode.get(byIdentifier(graph, 'compile').id)?.log, {
      accountId: 'acct',
      scope: SCOPE,
      pipelineIdentifier: 'graph_sample',
      planExecutionId: 'exec1',
      runSequence: 7,
      stepIdentifier: 'compile',
      stepName: 'Compile',
      logBaseKey: 'acct/log/compile',
      status: 'Success',
      nodeId: 'node-7',
    });
    assert.equal(marks.byNode.get(byIdentifier(graph, 'shared').id)?.log, undefined);
  });

  it('shows a matrix node by its strategy status, not by one of its instances', () => {
    const u = update([
      exec('stage', 'build', 'Running', {}, [
        exec('stepGroup', 'checks', 'Running', {}, [
          exec('strategy', 'scan', 'Running', {}, [
            exec('step', 'scan', 'Failed'),
            exec('step', 'scan', 'Success'),
          ]),
        ]),
      ]),
    ]);
    assert.equal(markRun(graph, u).byNode.get(byIdentifier(graph, 'scan').id)?.status, 'Running');
  });

  it('marks nothing for another pipeline, another project, or an update without a stage tree', () => {
    const stages = [exec('stage', 'build', 'Running')];
    assert.equal(markRun(graph, update(stages)).byNode.size, 1);
    const other = update(stages, { pipelineIdentifier: 'other' });
    assert.equal(runMatchesGraph(other, graph), false);
    assert.equal(markRun(graph, other).byNode.size, 0);
    const otherProject = update(stages, { scope: { orgIdentifier: 'default', projectIdentifier: 'p2' } });
    assert.equal(runMatchesGraph(otherProject, graph), false);
    assert.equal(markRun(graph, update(stages, { detail: undefined })).byNode.size, 0);
  });

  it('matches a pipeline whose YAML leaves org and project to the push (runtime or absent)', () => {
    const g = buildGraph(
      SAMPLE.replace('  orgIdentifier: default\n', '').replace('default_project', '<+input>'),
    );
    assert.equal(runMatchesGraph(update([]), g), true);
  });

  it('keeps the stage tree of the same run when a poll comes without one, not of another run', () => {
    const withTree = update([exec('stage', 'build', 'Running')]);
    const bare = update([], { detail: undefined, ended: true });
    const merged = mergeRun(withTree, bare);
    assert.equal(merged.ended, true);
    assert.equal(merged.detail, withTree.detail);
    assert.equal(markRun(graph, merged).byNode.size, 1);
    const nextRun = update([], { detail: undefined, planExecutionId: 'exec2' });
    assert.equal(mergeRun(withTree, nextRun), nextRun);
    const newer = update([exec('stage', 'build', 'Success')]);
    assert.equal(mergeRun(withTree, newer), newer);
    assert.equal(mergeRun(undefined, bare), bare);
  });
});
