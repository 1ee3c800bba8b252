// "Open in Harness" on a stage or step row: the execution page with the stage (layout node id)
// and the step (execution graph node id) selected.
import * as assert from 'node:assert/strict';
import { executionLink, executionPartLink } from '../../../../src/commands/deepLinks';

const args = ['https://app.harness.io/gateway', 'acc 1', 'default', 'web', 'deploy', 'run1'] as const;
const base =
  'https://app.harness.io/ng/account/acc%201/all/orgs/default/projects/web/pipelines/deploy/deployments/run1/pipeline';

describe('executions: links into the Harness UI', () => {
  it('opens an execution at its pipeline view', () => {
    assert.equal(executionLink(...args), base);
  });

  it('selects the stage and the step, encoded', () => {
    assert.equal(executionPartLink(...args, 'L1'), `${base}?stage=L1`);
    assert.equal(executionPartLink(...args, 'L1', 'G 7'), `${base}?stage=L1&step=G+7`);
    assert.equal(executionPartLink(...args, undefined, 'G7'), base, 'no stage known: the execution page');
  });
});
