// The simulator's run-loop routes on the wire (the client's view is in test/unit/api/runLoop.sim):
// the log service's own error shape and parameters, the SSE text, the graph's holder nodes, the
// interrupt's checks and the input set merge of named list entries.
import * as assert from 'node:assert/strict';
import { mergeInputs } from '../../simulator/routes/inputSets';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, PLATFORM, simplePipelineYaml, waitFor } from './helpers';

describe('simulator: run loop routes', function () {
  this.timeout(15_000);
  let sim: Simulator;

  before(async () => {
    sim = await startSimulator({ seed: 5, executionStepMs: 600 });
  });
  after(() => sim.close());

  async function start(id: string): Promise<string> {
    data(
      await call(sim, 'POST', '/pipeline/api/pipelines/v2', {
        query: PLATFORM,
        yaml: simplePipelineYaml(id),
      }),
    );
    const run = data<{ planExecution: { uuid: string } }>(
      await call(sim, 'POST', `/pipeline/api/pipeline/execute/${id}`, { query: PLATFORM, yaml: '' }),
    );
    return run.planExecution.uuid;
  }

  async function stepNode(id: string): Promise<{ status: string; logBaseKey?: string; stepType: string }> {
    const d = data<{
      executionGraph: {
        nodeMap: Record<
          string,
          { status: string; logBaseKey?: string; stepType: string; identifier: string }
        >;
      };
    }>(
      await call(sim, 'GET', `/pipeline/api/pipelines/execution/v2/${id}`, {
        query: { ...PLATFORM, renderFullBottomGraph: true },
      }),
    );
    const node = Object.values(d.executionGraph.nodeMap).find((n) => n.identifier === 'echo');
    assert.ok(node);
    return node;
  }

  it('the graph has the stage node (setupId = layout id), its NG_EXECUTION section, then the steps', async () => {
    const id = await start('rl_graph');
    const d = data<{
      pipelineExecutionSummary: { startingNodeId: string };
      executionGraph: {
        rootNodeId: string;
        nodeMap: Record<string, { setupId: string; stepType: string }>;
        nodeAdjacencyListMap: Record<string, { children: string[] }>;
      };
    }>(await call(sim, 'GET', `/pipeline/api/pipelines/execution/v2/${id}`, { query: PLATFORM }));
    const g = d.executionGraph;
    assert.equal(g.nodeMap[g.rootNodeId].setupId, d.pipelineExecutionSummary.startingNodeId);
    const section = g.nodeAdjacencyListMap[g.rootNodeId].children[0];
    assert.equal(g.nodeMap[section].stepType, 'NG_EXECUTION');
    assert.equal(g.nodeMap[g.nodeAdjacencyListMap[section].children[0]].stepType, 'Run');
  });

  it('log service: accountID and key required, {error_msg} answers, SSE text while running, blob after', async () => {
    const id = await start('rl_logs');
    const node = await waitFor('a log key', async () => (await stepNode(id)).logBaseKey);
    const noAccount = await call(sim, 'GET', '/gateway/log-service/blob', {
      noAccount: true,
      query: { key: node },
    });
    assert.equal(noAccount.status, 400);
    assert.deepEqual(noAccount.body, { error_msg: 'no account ID in query params' });
    const noKey = await call(sim, 'GET', '/gateway/log-service/blob', {
      query: { accountID: sim.accountId },
    });
    assert.deepEqual([noKey.status, noKey.body], [400, { error_msg: 'no key exists in the URL' }]);
    const early = await call(sim, 'GET', '/gateway/log-service/blob', {
      query: { accountID: sim.accountId, key: node },
    });
    assert.equal(early.status, 404, 'no blob while the step runs');

    const live = await call(sim, 'GET', '/gateway/log-service/stream', {
      query: { accountID: sim.accountId, key: node },
    });
    assert.equal(live.status, 200);
    assert.match(live.headers.get('content-type') ?? '', /text\/event-stream/);
    assert.match(live.text, /^: ping\n/);
    assert.match(live.text, /\ndata: \{"level":"info","pos":0,"out":"Executing Run step Echo\\n"/);
    assert.match(live.text, /event: error\ndata: eof\n$/);

    const blob = await call(sim, 'GET', '/gateway/log-service/blob', {
      query: { accountID: sim.accountId, key: node },
    });
    assert.equal(blob.status, 200);
    const lines = blob.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { out: string });
    assert.deepEqual(
      lines.map((l) =>
        l.out
          .split('\u001b')
          .map((part) => part.replace(/^\[[0-9;]*m/, ''))
          .join(''),
      ),
      ['Executing Run step Echo\n', '+ echo hi\n', 'hi\n', 'Command completed successfully\n'],
    );
  });

  it('interrupt: AbortAll only, on a running execution', async () => {
    const id = await start('rl_abort');
    const wrong = await call(sim, 'PUT', `/pipeline/api/pipeline/execute/interrupt/${id}`, {
      query: { ...PLATFORM, interruptType: 'Pause' },
    });
    assert.equal(wrong.status, 400);
    const okAbort = data<{ type: string; planExecutionId: string }>(
      await call(sim, 'PUT', `/pipeline/api/pipeline/execute/interrupt/${id}`, {
        query: { ...PLATFORM, interruptType: 'AbortAll' },
      }),
    );
    assert.deepEqual([okAbort.type, okAbort.planExecutionId], ['AbortAll', id]);
    const missing = await call(sim, 'PUT', '/pipeline/api/pipeline/execute/interrupt/nope', {
      query: { ...PLATFORM, interruptType: 'AbortAll' },
    });
    assert.equal(missing.status, 404);
  });

  it('merge: objects key by key, named list entries entry by entry, the later input set winning', () => {
    const a = {
      identifier: 'p',
      variables: [
        { name: 'env', value: 'dev' },
        { name: 'tag', value: 'v1' },
      ],
      stages: [{ stage: { identifier: 's', spec: { x: 1 } } }],
    };
    const b = {
      variables: [{ name: 'env', value: 'prod' }],
      stages: [{ stage: { identifier: 's', spec: { y: 2 } } }],
    };
    assert.deepEqual(mergeInputs(a, b), {
      identifier: 'p',
      variables: [
        { name: 'env', value: 'prod' },
        { name: 'tag', value: 'v1' },
      ],
      stages: [{ stage: { identifier: 's', spec: { x: 1, y: 2 } } }],
    });
    assert.deepEqual(mergeInputs({ list: [1, 2] }, { list: [3] }), { list: [3] });
  });
});
