// "Re-run from failed stage": the stages a retry may start from (the failed group or one before
// it, never one after), the failed group as the default, parallel groups, and refusals.
import * as assert from 'node:assert/strict';
import type { RetryInfo } from '../../../../src/api/types';
import { choiceForStage, retryChoices } from '../../../../src/executions/retryChoice';

const st = (identifier: string, status: string) => ({ identifier, name: identifier.toUpperCase(), status });

describe('executions: re-run from a stage', () => {
  it('offers the groups up to the failed one, which is the default', () => {
    const info: RetryInfo = {
      resumable: true,
      groups: [[st('build', 'Success')], [st('test', 'Failed')], [st('deploy', 'NotStarted')]],
    };
    const c = retryChoices(info);
    assert.deepEqual(
      c.choices.map((x) => [x.retryStages, x.failed, x.runAllStages]),
      [
        [['build'], false, false],
        [['test'], true, false],
      ],
    );
    assert.equal(c.defaultIndex, 1);
    assert.match(c.choices[1].description, /Failed — re-run from here/);
  });

  it('retries only the failed stages of a failed parallel group, every stage of an earlier one', () => {
    const info: RetryInfo = {
      resumable: true,
      groups: [
        [st('lint', 'Success'), st('unit', 'Success')],
        [st('api', 'Success'), st('web', 'Aborted'), st('db', 'Failed')],
      ],
    };
    const c = retryChoices(info);
    assert.deepEqual(c.choices[0].retryStages, ['lint', 'unit']);
    assert.equal(c.choices[0].runAllStages, true);
    assert.deepEqual(c.choices[1].retryStages, ['web', 'db']);
    assert.equal(c.choices[1].runAllStages, false);
    assert.match(c.choices[1].description, /parallel with API/);
  });

  it('needs no question when the first stage failed (one choice)', () => {
    const c = retryChoices({
      resumable: true,
      groups: [[st('only', 'Errored')], [st('next', 'NotStarted')]],
    });
    assert.equal(c.choices.length, 1);
    assert.deepEqual(c.choices[0].retryStages, ['only']);
  });

  it('offers nothing when Harness says the run cannot be retried', () => {
    const c = retryChoices({
      resumable: false,
      errorMessage: 'retried already',
      groups: [[st('a', 'Failed')]],
    });
    assert.deepEqual(c.choices, []);
    assert.equal(c.defaultIndex, -1);
  });

  it('finds the choice holding a stage (options mode)', () => {
    const c = retryChoices({
      resumable: true,
      groups: [[st('build', 'Success')], [st('test', 'Failed')]],
    });
    assert.deepEqual(choiceForStage(c, 'build')?.retryStages, ['build']);
    assert.equal(choiceForStage(c, 'nope'), undefined);
  });
});
