// What the tree keeps polling: running rows of an expanded Executions folder while the view is
// visible; the graph of an expanded running row; nothing for finished rows, a hidden view or a
// collapsed folder; a poller that gave up is not restarted until the folder reloads.
import * as assert from 'node:assert/strict';
import type { ExecutionSummary } from '../../../../src/api/types';
import type { Follow, PollEnd, PollTarget } from '../../../../src/executions/pollers';
import { TreeFollows, type FollowHub } from '../../../../src/executions/treeFollows';
import type { ExecutionRowNode, ExecutionsFolderNode } from '../../../../src/tree/nodes';

const scope = { orgIdentifier: 'o', projectIdentifier: 'p' };
const folder: ExecutionsFolderNode = {
  kind: 'executions',
  id: 'executions:o/p:build',
  scope,
  pipelineIdentifier: 'build',
};

const row = (id: string, status: string): ExecutionRowNode => ({
  kind: 'execution',
  id: `execution:${id}`,
  parent: folder,
  scope,
  pipelineIdentifier: 'build',
  summary: { pipelineIdentifier: 'build', planExecutionId: id, status },
});

class FakeHub implements FollowHub {
  readonly following = new Map<string, (end: PollEnd) => void>();
  readonly wanting = new Set<string>();
  follows = 0;
  follow(target: PollTarget): Follow {
    this.follows++;
    let finish!: (end: PollEnd) => void;
    const ended = new Promise<PollEnd>((r) => (finish = r));
    this.following.set(target.planExecutionId, finish);
    return {
      ended,
      dispose: () => {
        this.following.delete(target.planExecutionId);
        finish({ reason: 'released' });
      },
    };
  }
  want(id: string) {
    this.wanting.add(id);
    return { dispose: () => this.wanting.delete(id) };
  }
}

function setup() {
  const hub = new FakeHub();
  const follows = new TreeFollows(hub, (r) => ({
    api: {} as PollTarget['api'],
    accountId: 'acct',
    scope: r.scope,
    pipelineIdentifier: r.pipelineIdentifier,
    planExecutionId: r.summary.planExecutionId,
  }));
  return { hub, follows };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('executions: what the tree follows', () => {
  it('follows the running rows a folder shows, not the finished ones', () => {
    const { hub, follows } = setup();
    follows.shown(folder, [
      row('a', 'Running'),
      row('b', 'Success'),
      row('c', 'ApprovalWaiting'),
      row('d', 'Hibernating'),
    ]);
    assert.deepEqual(follows.followed().sort(), ['a', 'c']);
    assert.deepEqual([...hub.following.keys()].sort(), ['a', 'c']);
  });

  it('lets go while the view is hidden or the folder collapsed, and follows again after', () => {
    const { hub, follows } = setup();
    follows.shown(folder, [row('a', 'Running')]);
    follows.setVisible(false);
    assert.deepEqual(follows.followed(), []);
    assert.equal(hub.following.size, 0);
    follows.setVisible(true);
    assert.deepEqual(follows.followed(), ['a']);
    follows.collapsed(folder);
    assert.deepEqual(follows.followed(), []);
    follows.expanded(folder);
    assert.deepEqual(follows.followed(), ['a']);
    assert.equal(hub.follows, 3);
  });

  it('wants the graph of an expanded running row only', () => {
    const { hub, follows } = setup();
    const running = row('a', 'Running');
    const done = row('b', 'Failed');
    follows.shown(folder, [running, done]);
    follows.expanded(running);
    follows.expanded(done);
    assert.deepEqual([...hub.wanting], ['a']);
    follows.collapsed(running);
    assert.deepEqual([...hub.wanting], []);
    follows.expanded(running);
    follows.setVisible(false);
    assert.deepEqual([...hub.wanting], [], 'a hidden view wants nothing');
  });

  it('lets go of a row once an update says it ended', () => {
    const { hub, follows } = setup();
    follows.shown(folder, [row('a', 'Running')]);
    const done: ExecutionSummary = { pipelineIdentifier: 'build', planExecutionId: 'a', status: 'Aborted' };
    follows.updated('a', done);
    assert.deepEqual(follows.followed(), []);
    assert.equal(hub.following.size, 0);
  });

  it('does not restart a poller that gave up until the folder reloads', async () => {
    const { hub, follows } = setup();
    follows.shown(folder, [row('a', 'Running')]);
    hub.following.get('a')?.({ reason: 'error', error: new Error('boom') });
    await tick();
    assert.deepEqual(follows.followed(), []);
    follows.setVisible(false);
    follows.setVisible(true);
    assert.deepEqual(follows.followed(), [], 'not restarted by a visibility change');
    follows.shown(folder, [row('a', 'Running')]);
    assert.deepEqual(follows.followed(), ['a']);
  });

  it('forgets everything on clear (signed out, other account)', () => {
    const { hub, follows } = setup();
    follows.shown(folder, [row('a', 'Running')]);
    follows.clear();
    assert.deepEqual(follows.followed(), []);
    assert.equal(hub.following.size, 0);
  });
});
