import * as assert from 'node:assert/strict';
import { Baselines } from '../../../../src/commands/fs/baselines';

describe('commands/fs/baselines', () => {
  const loc = { accountId: 'acc_1', orgIdentifier: 'default', projectIdentifier: 'web', identifier: 'build' };
  const onBranch = { ...loc, branch: 'dev' };

  it('keeps the mtime when the same YAML is read again, and moves it forward on a change', () => {
    let now = 1000;
    const baselines = new Baselines(() => now);
    const first = baselines.set(loc, 'a: 1\n');
    assert.equal(first.mtime, 1000);
    now = 2000;
    assert.equal(baselines.set(loc, 'a: 1\n'), first, 'same text: same version');
    now = 500; // a clock that went back still moves mtime forward
    assert.equal(baselines.set(loc, 'a: 2\n').mtime, 1001);
    assert.equal(baselines.get(loc)?.yaml, 'a: 2\n');
  });

  it('keeps two branches apart and forgets a closed document', () => {
    const baselines = new Baselines();
    baselines.set(loc, 'main\n');
    baselines.set(onBranch, 'dev\n');
    assert.equal(baselines.size, 2);
    baselines.forget(loc);
    assert.equal(baselines.get(loc), undefined);
    assert.equal(baselines.get(onBranch)?.yaml, 'dev\n');
    assert.equal(baselines.size, 1);
  });
});
