// The client's status tables against the enum values Harness documents (test/contract/enums.ts),
// and how unknown and PENDING values look in the tree: never a failure, the raw value visible.
import * as assert from 'node:assert/strict';
import {
  CONNECTIVITY_STATUSES,
  TERMINAL_EXECUTION_STATUSES,
  executionStatusInfo,
  type Connector,
  type PipelineSummary,
} from '../../../src/api/types';
import type { HarnessNode } from '../../../src/tree/nodes';
import { executionIcon, present } from '../../../src/tree/presentation';
import * as facts from '../../contract/enums';

const connectorNode = (status: Connector['status']): HarnessNode => ({
  kind: 'connector',
  id: 'c',
  scope: { orgIdentifier: 'o' },
  connector: {
    connector: { name: 'gh', identifier: 'gh', type: 'Github', spec: {} },
    ...(status ? { status } : {}),
  },
});

const pipelineNode = (p: Partial<PipelineSummary>): HarnessNode => ({
  kind: 'pipeline',
  id: 'p',
  scope: { orgIdentifier: 'o', projectIdentifier: 'p' },
  pipeline: { identifier: 'build', name: 'Build', ...p },
});

describe('contract: status values Harness documents', () => {
  it('knows every connectivity status, PENDING included', () => {
    assert.deepEqual([...CONNECTIVITY_STATUSES], [...facts.CONNECTIVITY_STATUSES.values]);
  });

  it('maps every execution summary status to its name and knows which are final', () => {
    for (const fact of facts.EXECUTION_SUMMARY_STATUSES) {
      const info = executionStatusInfo(fact.value);
      assert.deepEqual(
        { status: info.status, known: info.known, final: info.final },
        { status: fact.name, known: true, final: fact.final },
        fact.value,
      );
    }
  });

  it('maps every engine status of the execute answer (RUNNING, SUCCEEDED, …) and leaves NO_OP/UNRECOGNIZED unknown', () => {
    for (const fact of facts.ENGINE_STATUSES) {
      const info = executionStatusInfo(fact.value);
      if (fact.name === undefined) assert.equal(info.known, false, fact.value);
      else assert.deepEqual([info.status, info.final], [fact.name, fact.final], fact.value);
    }
  });

  it('ends a run at exactly the final statuses Harness documents', () => {
    const finals = new Set(facts.EXECUTION_SUMMARY_STATUSES.filter((f) => f.final).map((f) => f.name));
    assert.deepEqual(new Set(TERMINAL_EXECUTION_STATUSES), finals);
  });

  it('keeps a status it does not know as sent, not final, group unknown', () => {
    assert.deepEqual(executionStatusInfo('QueuedPlanCreation'), {
      status: 'QueuedPlanCreation',
      known: false,
      final: false,
      group: 'unknown',
    });
  });
});

describe('contract: unknown and PENDING values in the tree', () => {
  it('shows a PENDING connector as pending', () => {
    const v = present(connectorNode({ status: 'PENDING' }));
    assert.equal(v.description, 'Github · pending');
    assert.equal(v.color, 'charts.yellow');
    assert.match(v.tooltip ?? '', /Connectivity: PENDING/);
  });

  it('shows a connectivity status it does not know as UNKNOWN with the raw value in the tooltip', () => {
    const v = present(connectorNode({ status: 'UNKNOWN', rawStatus: 'DEGRADED' }));
    assert.equal(v.description, 'Github');
    assert.equal(v.color, undefined);
    assert.match(v.tooltip ?? '', /Connectivity: UNKNOWN \\\("DEGRADED" from Harness/);
    assert.doesNotMatch(present(connectorNode({ status: 'UNKNOWN' })).tooltip ?? '', /from Harness/);
  });

  it('gives every documented execution status an icon, and an unknown one a question mark', () => {
    for (const fact of facts.EXECUTION_SUMMARY_STATUSES)
      assert.notEqual(executionIcon(fact.value).icon, 'question', fact.value);
    assert.deepEqual(executionIcon('APPROVAL_REJECTED'), { icon: 'error', color: 'testing.iconFailed' });
    assert.equal(executionIcon('InterventionWaiting').icon, 'watch');
    assert.deepEqual(executionIcon('QueuedPlanCreation'), { icon: 'question' });
  });

  it('names an unknown last-execution status in the pipeline tooltip', () => {
    const v = present(
      pipelineNode({
        executionSummaryInfo: { lastExecutionStatus: 'QueuedPlanCreation', lastExecutionTs: 0 },
      }),
    );
    assert.equal(v.icon, 'question');
    assert.match(
      v.tooltip ?? '',
      /Last execution: QueuedPlanCreation \\\(status not known to this extension\\\)/,
    );
    const known = present(
      pipelineNode({ executionSummaryInfo: { lastExecutionStatus: 'ApprovalRejected' } }),
    );
    assert.match(known.tooltip ?? '', /Last execution: ApprovalRejected {2}/);
  });
});
