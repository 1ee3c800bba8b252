// The command's argument: checked (it may come from another extension), turned into a title and
// a URI that carries ids only.
import * as assert from 'node:assert/strict';
import {
  checkStepLogTarget,
  followsStream,
  stepLogLabel,
  stepLogTitle,
  stepLogUriParts,
} from '../../../../src/executions/logs/target';
import type { StepLogTarget } from '../../../../src/executions/stepLogTarget';

const target: StepLogTarget = {
  accountId: 'acc1',
  scope: { orgIdentifier: 'default', projectIdentifier: 'web' },
  pipelineIdentifier: 'deploy_web',
  planExecutionId: 'Xq9Lb2TmR0aYk3NcVw8EzA',
  runSequence: 42,
  stepIdentifier: 'run_tests',
  stepName: 'Run tests',
  logBaseKey: 'acc1/pipeline/deploy_web/42/-Xq9Lb2TmR0aYk3NcVw8EzA/build/run_tests',
  status: 'Running',
  nodeId: 'node-1',
};

describe('step log target', () => {
  it('titles the document by pipeline, step and run', () => {
    assert.equal(stepLogTitle(target), 'deploy_web › Run tests #42');
    const { runSequence: _r, ...noRun } = target;
    assert.equal(stepLogTitle(noRun), 'deploy_web › Run tests');
    assert.equal(stepLogLabel(target), 'Run tests (deploy_web #42)');
    assert.match(stepLogLabel(target), /^[\x20-\x7e]*$/, 'ASCII only in the document text');
  });

  it('puts the title in the path and ids in the query, never a slash of a name as a folder', () => {
    const parts = stepLogUriParts({ ...target, stepName: 'build/test' });
    assert.equal(parts.path, '/deploy_web › build∕test #42.log');
    assert.equal(parts.query, 'account=acc1&run=Xq9Lb2TmR0aYk3NcVw8EzA&step=node-1');
    assert.equal(stepLogUriParts({ ...target, nodeId: undefined }).query.endsWith('step=run_tests'), true);
  });

  it('follows the stream unless the step had a final status', () => {
    assert.equal(followsStream(target), true);
    assert.equal(followsStream({ ...target, status: 'AsyncWaiting' }), true);
    assert.equal(followsStream({ ...target, status: 'Success' }), false);
    assert.equal(followsStream({ ...target, status: 'Failed' }), false);
    assert.equal(
      followsStream({ ...target, status: 'SomethingNew' }),
      true,
      'unknown: follow, the stream ends at once if done',
    );
  });

  it('accepts a full target and names the step by its identifier when it has no name', () => {
    assert.deepEqual(checkStepLogTarget(target), target);
    const named = checkStepLogTarget({ ...target, stepName: '' });
    assert.equal(typeof named === 'object' && named.stepName, 'run_tests');
  });

  it('says what is missing from a bad argument', () => {
    assert.equal(checkStepLogTarget(undefined), 'no step was given');
    assert.equal(checkStepLogTarget({ ...target, logBaseKey: '' }), 'the step has no logBaseKey');
    assert.equal(
      checkStepLogTarget({ ...target, scope: { orgIdentifier: 'default' } }),
      'the step has no project scope',
    );
    assert.equal(checkStepLogTarget({ ...target, status: 3 }), 'the step has no status');
    assert.equal(checkStepLogTarget({ ...target, runSequence: '42' }), 'runSequence is not a number');
  });
});
