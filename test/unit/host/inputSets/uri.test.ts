import * as assert from 'node:assert/strict';
import { inputSetPath, parseInputSetPath } from '../../../../src/inputSets/uri';

describe('input sets: the read-only document URI', () => {
  const loc = {
    accountId: 'acc1',
    orgIdentifier: 'default',
    projectIdentifier: 'demo',
    pipelineIdentifier: 'cleanup',
    identifier: 'dev_$inputs',
  };

  it('names the input set by account, scope and pipeline, ending in .yaml (the yaml language)', () => {
    assert.equal(inputSetPath(loc), '/acc1/default/demo/cleanup/dev_$inputs.yaml');
  });

  it('reads back what it wrote, and nothing else', () => {
    assert.deepEqual(parseInputSetPath(inputSetPath(loc)), loc);
    assert.equal(parseInputSetPath('/acc1/default/demo/cleanup.yaml'), undefined);
    assert.equal(parseInputSetPath('/acc1/default/demo/cleanup/x/y.yaml'), undefined);
    assert.equal(parseInputSetPath('/acc1/default/demo/cleanup/x.json'), undefined);
  });
});
