// The execution detail as a tree: stages from layoutNodeMap (parallel and matrix stages held by
// their block), each stage's steps from executionGraph (sections replaced by what they hold, step
// groups, parallel blocks, matrix instances), statuses normalised, failures and log keys kept.
// A malformed graph (cycles, missing nodes, unlinked stages) loses nothing and never loops.
import * as assert from 'node:assert/strict';
import { flattenExecution, parseExecutionDetailGraph } from '../../../src/api/executionParsers';
import type { ExecutionNode } from '../../../src/api/types';
import { detailBody } from '../../contract/runLoop';

type Obj = Record<string, unknown>;

function shape(nodes: ExecutionNode[]): unknown[] {
  return nodes.map((n) =>
    n.children.length > 0
      ? { [`${n.kind}:${n.identifier}`]: shape(n.children) }
      : `${n.kind}:${n.identifier}`,
  );
}

function summary(layoutNodeMap: Obj, startingNodeId: string): Obj {
  return { pipelineIdentifier: 'p', planExecutionId: 'r1', status: 'Running', layoutNodeMap, startingNodeId };
}

function layout(id: string, over: Obj = {}): Obj {
  return {
    nodeType: 'Custom',
    nodeGroup: 'STAGE',
    nodeIdentifier: id,
    name: id,
    nodeUuid: id,
    status: 'Success',
    edgeLayoutList: { currentNodeChildren: [], nextIds: [] },
    ...over,
  };
}

describe('execution detail: the stage → step tree', () => {
  it('the documented shapes: sections hoisted, group, parallel block and matrix under the stage', () => {
    const detail = parseExecutionDetailGraph(detailBody());
    assert.deepEqual(shape(detail.stages), [
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
    const failed = flattenExecution(detail.stages).filter((n) => n.kind === 'step' && n.status === 'Failed');
    assert.deepEqual(
      failed.map((n) => [n.identifier, n.failureMessage, n.logBaseKey]),
      [['test_1', '1 error occurred: exit status 1', 'k/test_1']],
    );
    assert.deepEqual(detail.stagesWithSteps, ['st1', 'st2']);
  });

  it('normalises node statuses like summaries and keeps an unknown one as sent', () => {
    const body = detailBody();
    const graph = body.executionGraph as { nodeMap: Record<string, Obj> };
    graph.nodeMap.nCompile.status = 'RUNNING';
    graph.nodeMap.nLint.status = 'BrandNewStatus';
    graph.nodeMap.nUnit.status = null;
    const all = flattenExecution(parseExecutionDetailGraph(body).stages);
    const byId = (id: string): ExecutionNode | undefined => all.find((n) => n.identifier === id);
    assert.deepEqual([byId('compile')?.status, byId('compile')?.rawStatus], ['Running', 'RUNNING']);
    assert.deepEqual([byId('lint')?.status, byId('lint')?.rawStatus], ['BrandNewStatus', undefined]);
    assert.deepEqual([byId('unit')?.status, byId('unit')?.rawStatus], ['Unknown', 'null']);
  });

  it('a stage with steps only in the graph asked for (stageNodeId): the others have none', () => {
    const body = detailBody();
    const graph = body.executionGraph as { nodeMap: Record<string, Obj> };
    delete graph.nodeMap.nDeploy;
    const detail = parseExecutionDetailGraph(body);
    assert.deepEqual(detail.stagesWithSteps, ['st1']);
    assert.equal(detail.stages[1].children.length, 0);
  });

  it('finds a stage by its layout nodeExecutionId or its baseFqn when setupId does not match', () => {
    const body = detailBody();
    const graph = body.executionGraph as { nodeMap: Record<string, Obj> };
    graph.nodeMap.nStage.setupId = 'other';
    const sum = body.pipelineExecutionSummary as { layoutNodeMap: Record<string, Obj> };
    sum.layoutNodeMap.st1.nodeExecutionId = 'nStage';
    assert.equal(parseExecutionDetailGraph(body).stages[0].children.length, 4);
    delete sum.layoutNodeMap.st1.nodeExecutionId;
    assert.equal(parseExecutionDetailGraph(body).stages[0].children.length, 4, 'by baseFqn');
  });

  it('matrix stages in a strategy layout node, parallel stages in a parallel one, in run order', () => {
    const detail = parseExecutionDetailGraph({
      pipelineExecutionSummary: summary(
        {
          a: layout('a', { edgeLayoutList: { currentNodeChildren: [], nextIds: ['m'] } }),
          m: layout('m', {
            nodeType: 'STRATEGY',
            nodeGroup: 'STRATEGY',
            edgeLayoutList: { currentNodeChildren: ['m0', 'm1'], nextIds: ['p'] },
          }),
          m0: layout('m0'),
          m1: layout('m1'),
          p: layout('p', {
            nodeType: 'parallel',
            edgeLayoutList: { currentNodeChildren: ['x', 'y'], nextIds: ['z'] },
          }),
          x: layout('x', { edgeLayoutList: { currentNodeChildren: [], nextIds: ['z'] } }),
          y: layout('y'),
          z: layout('z'),
        },
        'a',
      ),
      executionGraph: null,
    });
    assert.deepEqual(shape(detail.stages), [
      'stage:a',
      { 'strategy:m': ['stage:m0', 'stage:m1'] },
      { 'parallel:p': ['stage:x', 'stage:y'] },
      'stage:z',
    ]);
  });

  it('a cycle, a dangling id and a stage not linked from the start: no loop, nothing lost', () => {
    const detail = parseExecutionDetailGraph({
      pipelineExecutionSummary: summary(
        {
          a: layout('a', { edgeLayoutList: { currentNodeChildren: [], nextIds: ['b', 'gone'] } }),
          b: layout('b', { edgeLayoutList: { currentNodeChildren: [], nextIds: ['a'] } }),
          lost: layout('lost'),
        },
        'missing',
      ),
      executionGraph: {
        nodeMap: {
          s: { uuid: 's', setupId: 'a', identifier: 'a', stepType: 'Custom', status: 'Running' },
          one: { uuid: 'one', identifier: 'one', stepType: 'ShellScript', status: 'Success' },
          two: { uuid: 'two', identifier: 'two', stepType: 'ShellScript', status: 'Running' },
        },
        nodeAdjacencyListMap: {
          s: { children: ['one'], nextIds: [] },
          one: { children: [], nextIds: ['two', 'nowhere'] },
          two: { children: [], nextIds: ['one'] },
        },
      },
    });
    assert.deepEqual(shape(detail.stages), [
      { 'stage:a': ['step:one', 'step:two'] },
      'stage:b',
      'stage:lost',
    ]);
  });

  it('an answer without pipelineExecutionSummary is a bad response; no layout gives no stages', () => {
    assert.throws(() => parseExecutionDetailGraph({ executionGraph: {} }), /pipelineExecutionSummary/);
    const detail = parseExecutionDetailGraph({
      pipelineExecutionSummary: { pipelineIdentifier: 'p', planExecutionId: 'r' },
    });
    assert.deepEqual(detail.stages, []);
    assert.equal(detail.summary.status, 'Unknown');
  });
});
