// The run loop end to end, the real client against the simulator: push a pipeline with a step
// group, a parallel block, a matrix and a failing step; run it; follow the graph and the failing
// step's log (stream while it runs, blob once it ended); fix the YAML; retry from the failed stage
// and see success; re-run with the same inputs; abort; input sets saved, listed, read and merged.
import * as assert from 'node:assert/strict';
import { type HarnessClient, createHarnessClient } from '../../../src/api/client';
import { HarnessApiError } from '../../../src/api/errors';
import { flattenExecution } from '../../../src/api/executionParsers';
import type { ExecutionDetail, ExecutionNode, LogLine } from '../../../src/api/types';
import { type Simulator, startSimulator } from '../../simulator/server';
import { TRANSPORTS } from './transports';

const SCOPE = { orgIdentifier: 'default', projectIdentifier: 'platform' };
// Long enough for a poll to see each step running on a busy machine.
const STEP_MS = 400;

function loopYaml(id: string, testScript: string): string {
  return `pipeline:
  name: ${id}
  identifier: ${id}
  orgIdentifier: default
  projectIdentifier: platform
  variables:
    - name: env
      type: String
      value: <+input>.default(dev)
  stages:
    - stage:
        name: Build
        identifier: build
        type: CI
        spec:
          execution:
            steps:
              - step:
                  type: Run
                  name: Compile
                  identifier: compile
                  spec:
                    command: echo compiling
              - stepGroup:
                  name: Checks
                  identifier: checks
                  steps:
                    - parallel:
                        - step:
                            type: Run
                            name: Lint
                            identifier: lint
                            spec:
                              command: echo lint
                        - step:
                            type: Run
                            name: Unit
                            identifier: unit
                            spec:
                              command: echo unit
    - stage:
        name: Test
        identifier: test
        type: CI
        spec:
          execution:
            steps:
              - step:
                  type: Run
                  name: Suite
                  identifier: suite
                  strategy:
                    matrix:
                      shard: [a, b]
                  spec:
                    command: ${testScript}
`;
}

function shape(nodes: ExecutionNode[]): unknown[] {
  return nodes.map((n) =>
    n.children.length > 0
      ? { [`${n.kind}:${n.identifier}`]: shape(n.children) }
      : `${n.kind}:${n.identifier}`,
  );
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const { name, factory } of TRANSPORTS)
  describe(`run loop against the simulator (${name})`, function () {
    this.timeout(30_000);
    let sim: Simulator;
    let api: HarnessClient;

    before(async () => {
      sim = await startSimulator({ seed: 3, executionStepMs: STEP_MS });
      api = createHarnessClient({
        baseUrl: sim.url,
        token: sim.tokens.admin,
        transport: factory,
        rateLimit: false,
      });
    });
    after(async () => {
      await api.close();
      await sim.close();
    });

    const detail = (id: string): Promise<ExecutionDetail> =>
      api.getExecutionDetail(SCOPE, id, { fullGraph: true });

    it('push, run, watch the graph, read the failed step log, fix, retry from the failed stage, succeed', async () => {
      await api.createPipeline(SCOPE, loopYaml('loop_a', 'echo testing && exit 1'));
      const run = await api.executePipeline(
        SCOPE,
        'loop_a',
        'pipeline:\n  identifier: loop_a\n  variables:\n    - name: env\n      type: String\n      value: prod\n',
      );

      const first = await detail(run.uuid);
      assert.deepEqual(shape(first.stages), [
        {
          'stage:build': [
            'step:compile',
            { 'stepGroup:checks': [{ 'parallel:parallel_lint': ['step:lint', 'step:unit'] }] },
          ],
        },
        { 'stage:test': [{ 'strategy:suite': ['step:suite_0', 'step:suite_1'] }] },
      ]);
      assert.equal(first.summary.trigger?.type, 'MANUAL');

      // Follow the first matrix instance's log while it runs (it is the step that fails).
      const running = await until(
        'suite_0 running',
        () => detail(run.uuid),
        (d) => flattenExecution(d.stages).some((n) => n.identifier === 'suite_0' && n.status === 'Running'),
      );
      const step = flattenExecution(running.stages).find((n) => n.identifier === 'suite_0');
      assert.ok(step?.logBaseKey, 'a running step has its log key');
      await assert.rejects(
        api.getStepLog(step.logBaseKey),
        (e: unknown) => e instanceof HarnessApiError && e.kind === 'notFound',
      );
      const streamed: LogLine[] = [];
      const end = await api.streamStepLog(step.logBaseKey, (lines) => streamed.push(...lines), {
        timeoutMs: 5000,
      });
      assert.equal(end.ended, true);
      assert.ok(
        streamed.some((l) => l.out.includes('exit 1')),
        JSON.stringify(streamed),
      );

      const failed = await until(
        'run failed',
        () => detail(run.uuid),
        (d) => d.summary.status === 'Failed',
      );
      assert.equal(failed.summary.canRetry, true);
      const failedStep = flattenExecution(failed.stages).find(
        (n) => n.kind === 'step' && n.status === 'Failed',
      );
      assert.equal(failedStep?.identifier, 'suite_0');
      assert.match(failedStep?.failureMessage ?? '', /exited with status 1/);
      const log = await api.getStepLog(failedStep?.logBaseKey ?? '');
      assert.equal(log.truncated, false);
      assert.deepEqual(
        log.lines.map((l) => l.out),
        streamed.map((l) => l.out),
      );
      assert.equal(log.lines.at(-1)?.level, 'error');
      assert.ok((log.lines.at(-1)?.out ?? '').startsWith('\u001b[31m'), 'ANSI colour kept as sent');
      // A finished step has no stream any more: eof at once.
      assert.deepEqual(await api.streamStepLog(failedStep?.logBaseKey ?? '', () => undefined), {
        ended: true,
        truncated: false,
        lines: 0,
      });

      const inputs = await api.getExecutionInputs(SCOPE, run.uuid);
      assert.match(inputs.inputSetYaml ?? '', /value: prod/);

      const retry = await api.getRetryStages(SCOPE, 'loop_a', run.uuid);
      assert.equal(retry.resumable, true);
      assert.deepEqual(
        retry.groups.map((g) => g.map((s) => [s.identifier, s.status])),
        [[['build', 'Success']], [['test', 'Failed']]],
      );

      await api.updatePipeline(SCOPE, 'loop_a', loopYaml('loop_a', 'echo testing'));
      const retried = await api.retryExecution(SCOPE, 'loop_a', run.uuid, { retryStages: ['test'] });
      const done = await until(
        'retry succeeded',
        () => detail(retried.uuid),
        (d) => d.summary.status === 'Success',
      );
      assert.deepEqual(
        done.stages.map((s) => s.identifier),
        ['test'],
        'a retry runs from the failed stage',
      );
      assert.equal((await api.getRetryStages(SCOPE, 'loop_a', run.uuid)).resumable, false, 'retried once');
      await assert.rejects(
        api.retryExecution(SCOPE, 'loop_a', run.uuid, { retryStages: ['test'] }),
        (e: unknown) => e instanceof HarnessApiError && e.kind === 'invalid',
      );

      const rerun = await api.rerunExecution(SCOPE, 'loop_a', run.uuid, inputs.inputSetYaml);
      const rerunDetail = await detail(rerun.uuid);
      assert.equal(rerunDetail.summary.trigger?.isRerun, true);
      assert.equal(rerunDetail.stages.length, 2);

      const page = await api.listExecutions(SCOPE, 'loop_a', { pageIndex: 0, pageSize: 2 });
      assert.deepEqual(
        page.items.map((e) => e.runSequence),
        [3, 2],
      );
      assert.equal(page.hasMore, true);
    });

    it('a stage asked for by its node id has its steps; the others have none', async () => {
      await api.createPipeline(SCOPE, loopYaml('loop_b', 'echo ok'));
      const run = await api.executePipeline(SCOPE, 'loop_b', '');
      const full = await detail(run.uuid);
      const testStage = full.stages[1];
      const one = await api.getExecutionDetail(SCOPE, run.uuid, { stageNodeId: testStage.id });
      assert.deepEqual(one.stagesWithSteps, [testStage.id]);
      assert.equal(one.stages[0].children.length, 0);
      assert.equal(one.stages[1].children.length, 1);
    });

    it('abort ends a running execution Aborted; aborting it again is refused', async () => {
      await api.createPipeline(SCOPE, loopYaml('loop_c', 'echo ok'));
      const run = await api.executePipeline(SCOPE, 'loop_c', '');
      const result = await api.abortExecution(SCOPE, run.uuid);
      assert.equal(result.planExecutionId, run.uuid);
      const d = await detail(run.uuid);
      assert.equal(d.summary.status, 'Aborted');
      assert.ok(flattenExecution(d.stages).some((n) => n.status === 'Aborted'));
      await assert.rejects(
        api.abortExecution(SCOPE, run.uuid),
        (e: unknown) =>
          e instanceof HarnessApiError && e.kind === 'invalid' && /already finished/.test(e.message),
      );
    });

    it('input sets: create, list, get, merge (later wins), duplicate refused, missing one not found', async () => {
      await api.createPipeline(SCOPE, loopYaml('loop_d', 'echo ok'));
      const set = (id: string, env: string): string =>
        `inputSet:\n  name: ${id}\n  identifier: ${id}\n  orgIdentifier: default\n  projectIdentifier: platform\n  pipeline:\n    identifier: loop_d\n    variables:\n      - name: env\n        type: String\n        value: ${env}\n`;
      const created = await api.createInputSet(SCOPE, 'loop_d', set('prod', 'prod'));
      assert.equal(created.identifier, 'prod');
      await api.createInputSet(SCOPE, 'loop_d', set('eu', 'eu'));
      const page = await api.listInputSets(SCOPE, 'loop_d');
      assert.deepEqual(page.items.map((s) => [s.identifier, s.inputSetType]).sort(), [
        ['eu', 'INPUT_SET'],
        ['prod', 'INPUT_SET'],
      ]);
      assert.match((await api.getInputSet(SCOPE, 'loop_d', 'prod')).inputSetYaml, /value: prod/);
      const merged = await api.mergeInputSets(SCOPE, 'loop_d', ['prod', 'eu']);
      assert.equal(merged.isErrorResponse, false);
      assert.match(merged.pipelineYaml, /value: eu/);
      assert.doesNotMatch(merged.pipelineYaml, /value: prod/);
      const run = await api.executePipeline(SCOPE, 'loop_d', merged.pipelineYaml);
      assert.match((await api.getExecutionInputs(SCOPE, run.uuid)).inputSetYaml ?? '', /value: eu/);
      await assert.rejects(
        api.createInputSet(SCOPE, 'loop_d', set('prod', 'x')),
        (e: unknown) => e instanceof HarnessApiError && e.kind === 'duplicate',
      );
      await assert.rejects(
        api.getInputSet(SCOPE, 'loop_d', 'nope'),
        (e: unknown) => e instanceof HarnessApiError && e.kind === 'notFound',
      );
    });

    it('the log service: an unknown key is 404, a token it does not accept 400 {error_msg}', async () => {
      await assert.rejects(
        api.getStepLog('nope'),
        (e: unknown) => e instanceof HarnessApiError && e.kind === 'notFound',
      );
      const other = createHarnessClient({
        baseUrl: sim.url,
        token: `pat.${sim.accountId}.unknownTok.n0tAValidSecretValue`,
        transport: factory,
        rateLimit: false,
        retry: { maxAttempts: 1 },
      });
      try {
        await assert.rejects(
          other.getStepLog('k'),
          (e: unknown) =>
            e instanceof HarnessApiError && e.kind === 'invalid' && /not authorized/.test(e.message),
        );
      } finally {
        await other.close();
      }
    });
  });
