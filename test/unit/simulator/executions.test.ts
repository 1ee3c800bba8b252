import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/server';
import { call, data, PLATFORM, simplePipelineYaml, waitFor } from './helpers';

interface Summary {
  planExecutionId: string;
  pipelineIdentifier: string;
  status: string;
  runSequence: number;
  startTs: number;
  endTs?: number;
  successfulStagesCount: number;
  failedStagesCount: number;
  totalStagesCount: number;
  executionErrorInfo?: { message: string };
}

const TERMINAL = ['Success', 'Failed', 'Aborted', 'Expired'];

const INPUT_PIPELINE = `pipeline:
  name: Sim Inputs
  identifier: sim_inputs
  orgIdentifier: default
  projectIdentifier: platform
  variables:
    - name: env
      type: String
      value: <+input>.allowedValues(dev,prod)
    - name: note
      type: String
      value: <+input>.default(none)
  stages:
    - stage:
        name: Run
        identifier: run
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  type: ShellScript
                  name: One
                  identifier: one
                  spec:
                    source:
                      type: Inline
                      spec:
                        script: echo one
              - step:
                  type: ShellScript
                  name: Two
                  identifier: two
                  spec:
                    source:
                      type: Inline
                      spec:
                        script: echo two
`;

describe('simulator: executions', function () {
  // Bounded: these suites start servers and child processes on a possibly busy 2-core machine.
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ executionStepMs: 30 });
  });
  after(() => sim.close());

  const detail = async (id: string) =>
    data<{
      pipelineExecutionSummary: Summary;
      executionGraph: {
        rootNodeId: string;
        nodeMap: Record<string, { status: string; identifier: string; baseFqn: string }>;
      };
    }>(await call(sim, 'GET', `/pipeline/api/pipelines/execution/v2/${id}`, { query: PLATFORM }));

  const runToEnd = (id: string) =>
    waitFor(`execution ${id} to finish`, async () => {
      const d = await detail(id);
      return TERMINAL.includes(d.pipelineExecutionSummary.status) ? d : undefined;
    });

  it('refuses a run without a required runtime input, like the real service', async () => {
    data(await call(sim, 'POST', '/pipeline/api/pipelines/v2', { query: PLATFORM, yaml: INPUT_PIPELINE }));
    const r = await call(sim, 'POST', '/pipeline/api/pipeline/execute/sim_inputs', {
      query: PLATFORM,
      yaml: '',
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'INVALID_REQUEST');
    assert.match(
      String(r.body.message),
      /Value not provided for required variable: pipeline\.variables\.env/,
    );
    assert.doesNotMatch(String(r.body.message), /variables\.note/, 'inputs with a default are optional');
    const notAllowed = await call(sim, 'POST', '/pipeline/api/pipeline/execute/sim_inputs', {
      query: PLATFORM,
      yaml: 'pipeline:\n  identifier: sim_inputs\n  variables:\n    - name: env\n      type: String\n      value: staging\n',
    });
    assert.equal(notAllowed.status, 400);
    assert.match(String(notAllowed.body.message), /allowed values: dev, prod/);
  });

  it('runs Running → Success, updating the summary, the graph and the pipeline', async () => {
    const started = data<{ planExecution: { uuid: string; status: string; startTs: number } }>(
      await call(sim, 'POST', '/pipeline/api/pipeline/execute/sim_inputs', {
        query: { ...PLATFORM, moduleType: 'pms' },
        yaml: 'pipeline:\n  identifier: sim_inputs\n  variables:\n    - name: env\n      type: String\n      value: dev\n',
      }),
    );
    assert.equal(started.planExecution.status, 'RUNNING', 'the engine name, as PlanExecution sends it');
    assert.match(started.planExecution.uuid, /^[A-Za-z0-9_-]{22}$/);
    const done = await runToEnd(started.planExecution.uuid);
    const s = done.pipelineExecutionSummary;
    assert.equal(s.status, 'Success');
    assert.equal(s.pipelineIdentifier, 'sim_inputs');
    assert.equal(s.runSequence, 1);
    assert.ok((s.endTs ?? 0) > s.startTs);
    assert.deepEqual([s.successfulStagesCount, s.failedStagesCount, s.totalStagesCount], [1, 0, 1]);
    // The stage node and its execution section hold the steps (test/contract/runLoop.ts).
    const nodes = Object.values(done.executionGraph.nodeMap).filter((n) => n.baseFqn.includes('.steps.'));
    assert.deepEqual(
      nodes.map((n) => [n.identifier, n.status]),
      [
        ['one', 'Success'],
        ['two', 'Success'],
      ],
    );
    const list = data<{
      content: {
        identifier: string;
        executionSummaryInfo: { lastExecutionStatus: string; lastExecutionId: string };
      }[];
    }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/list', {
        query: PLATFORM,
        json: { filterType: 'PipelineSetup', pipelineIdentifiers: ['sim_inputs'] },
      }),
    );
    assert.equal(list.content[0].executionSummaryInfo.lastExecutionId, started.planExecution.uuid);
    assert.equal(list.content[0].executionSummaryInfo.lastExecutionStatus, 'Success');
  });

  it('fails at a step whose command exits 1', async () => {
    const yaml = simplePipelineYaml('sim_failing').replace(
      'command: echo hi',
      'command: make test || exit 1',
    );
    data(await call(sim, 'POST', '/pipeline/api/pipelines/v2', { query: PLATFORM, yaml }));
    const started = data<{ planExecution: { uuid: string } }>(
      await call(sim, 'POST', '/pipeline/api/pipeline/execute/sim_failing', { query: PLATFORM, yaml: '' }),
    );
    const done = await runToEnd(started.planExecution.uuid);
    assert.equal(done.pipelineExecutionSummary.status, 'Failed');
    assert.equal(done.pipelineExecutionSummary.failedStagesCount, 1);
    assert.match(done.pipelineExecutionSummary.executionErrorInfo?.message ?? '', /Echo/);
  });

  it('lists executions newest first in a Spring page, filtered by pipeline', async () => {
    const second = data<{ planExecution: { uuid: string } }>(
      await call(sim, 'POST', '/pipeline/api/pipeline/execute/sim_inputs', {
        query: PLATFORM,
        yaml: 'pipeline:\n  identifier: sim_inputs\n  variables:\n    - name: env\n      type: String\n      value: prod\n',
      }),
    );
    const page = data<{ content: Summary[]; totalElements: number; number: number }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/execution/summary', {
        query: { ...PLATFORM, pipelineIdentifier: 'sim_inputs', page: 0, size: 10 },
        json: { filterType: 'PipelineExecution' },
      }),
    );
    assert.equal(page.totalElements, 2);
    assert.equal(page.content[0].planExecutionId, second.planExecution.uuid);
    assert.equal(page.content[0].runSequence, 2);
    assert.ok(page.content.every((e) => e.pipelineIdentifier === 'sim_inputs'));
    const seeded = data<{ totalElements: number; content: Summary[] }>(
      await call(sim, 'POST', '/pipeline/api/pipelines/execution/summary', {
        query: { ...PLATFORM, size: 5 },
        json: { filterType: 'PipelineExecution' },
      }),
    );
    assert.ok(seeded.totalElements > 100, 'the big project has a run history');
    await runToEnd(second.planExecution.uuid);
  });

  it('shows Running, then ApprovalWaiting on approval steps, while a step is in progress', async () => {
    const slow = await startSimulator({ executionStepMs: 60_000 });
    try {
      const yaml = `pipeline:
  name: Sim Approval
  identifier: sim_approval
  orgIdentifier: default
  projectIdentifier: platform
  stages:
    - stage:
        name: Approve
        identifier: approve
        type: Approval
        spec:
          execution:
            steps:
              - step:
                  type: HarnessApproval
                  name: Approve
                  identifier: approve
                  timeout: 1d
                  spec: {}
`;
      data(await call(slow, 'POST', '/pipeline/api/pipelines/v2', { query: PLATFORM, yaml }));
      const started = data<{ planExecution: { uuid: string } }>(
        await call(slow, 'POST', '/pipeline/api/pipeline/execute/sim_approval', {
          query: PLATFORM,
          yaml: '',
        }),
      );
      const d = data<{ pipelineExecutionSummary: Summary }>(
        await call(slow, 'GET', `/pipeline/api/pipelines/execution/v2/${started.planExecution.uuid}`, {
          query: PLATFORM,
        }),
      );
      assert.equal(d.pipelineExecutionSummary.status, 'ApprovalWaiting');
      data(
        await call(slow, 'POST', '/pipeline/api/pipelines/v2', {
          query: PLATFORM,
          yaml: simplePipelineYaml('sim_running'),
        }),
      );
      const run = data<{ planExecution: { uuid: string } }>(
        await call(slow, 'POST', '/pipeline/api/pipeline/execute/sim_running', { query: PLATFORM, yaml: '' }),
      );
      const running = data<{
        pipelineExecutionSummary: Summary;
        executionGraph: { nodeMap: Record<string, { status: string; baseFqn: string }> };
      }>(
        await call(slow, 'GET', `/pipeline/api/pipelines/execution/v2/${run.planExecution.uuid}`, {
          query: PLATFORM,
        }),
      );
      assert.equal(running.pipelineExecutionSummary.status, 'Running');
      assert.equal(running.pipelineExecutionSummary.endTs, undefined);
      assert.deepEqual(
        Object.values(running.executionGraph.nodeMap).map((n) => [n.baseFqn.split('.').at(-1), n.status]),
        [
          ['build', 'Running'],
          ['execution', 'Running'],
          ['echo', 'Running'],
        ],
      );
      const p = slow.state.pipelines.find((x) => x.identifier === 'sim_running');
      assert.equal(p?.executionSummaryInfo.lastExecutionStatus, 'Running');
    } finally {
      await slow.close();
    }
  });
});
