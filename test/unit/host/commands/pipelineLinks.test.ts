import * as assert from 'node:assert/strict';
import {
  PipelineLinkStore,
  describeLink,
  gitDefaultsFor,
  linkStatusText,
  parseLink,
  runBranch,
  type KeyValueStore,
  type PipelineLink,
} from '../../../../src/commands/pipelineLinks';

/** workspaceState as VS Code keeps it: values go through JSON. */
class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

const REMOTE: PipelineLink = {
  accountId: 'acc1',
  orgIdentifier: 'default',
  projectIdentifier: 'web',
  identifier: 'deploy',
  storeType: 'REMOTE',
  connectorRef: 'account.github',
  repoName: 'app',
  branch: 'main',
  filePath: '.harness/deploy.yaml',
};

describe('pipeline links', () => {
  it('remembers a link per file and forgets it', async () => {
    const store = new PipelineLinkStore(new MemoryStore());
    await store.set('file:///w/a.yaml', REMOTE);
    await store.set('file:///w/b.yaml', { ...REMOTE, identifier: 'other', storeType: 'INLINE' });
    assert.deepEqual(store.get('file:///w/a.yaml'), REMOTE);
    assert.equal(store.get('file:///w/b.yaml')?.identifier, 'other');
    await store.delete('file:///w/a.yaml');
    assert.equal(store.get('file:///w/a.yaml'), undefined);
    assert.equal(store.get('file:///w/b.yaml')?.identifier, 'other');
  });

  it('ignores damaged entries instead of trusting them', async () => {
    const raw = new MemoryStore();
    await raw.update('harness.pipelineLinks', {
      'file:///x.yaml': { accountId: 'a', orgIdentifier: 'o', identifier: 'p', storeType: 'REMOTE' },
      'file:///y.yaml': 'nonsense',
    });
    const store = new PipelineLinkStore(raw);
    assert.equal(store.get('file:///x.yaml'), undefined, 'no project');
    assert.equal(store.get('file:///y.yaml'), undefined);
    assert.equal(parseLink({ ...REMOTE, storeType: 'SOMEWHERE' }), undefined);
    // An empty value is dropped, unknown keys are not kept.
    assert.deepEqual(parseLink({ ...REMOTE, branch: '', extra: 1 }), {
      accountId: 'acc1',
      orgIdentifier: 'default',
      projectIdentifier: 'web',
      identifier: 'deploy',
      storeType: 'REMOTE',
      connectorRef: 'account.github',
      repoName: 'app',
      filePath: '.harness/deploy.yaml',
    });
  });

  it('keeps Git defaults per workspace folder', async () => {
    const store = new PipelineLinkStore(new MemoryStore());
    await store.setGitDefaults('file:///w1', {
      connectorRef: 'account.github',
      repoName: 'app',
      branch: 'dev',
    });
    assert.deepEqual(store.gitDefaults('file:///w1'), {
      connectorRef: 'account.github',
      repoName: 'app',
      branch: 'dev',
    });
    assert.deepEqual(store.gitDefaults('file:///w2'), {});
  });

  it('tells its listener when a link is set or deleted', async () => {
    let changes = 0;
    const store = new PipelineLinkStore(new MemoryStore(), () => changes++);
    await store.set('file:///w/a.yaml', REMOTE);
    await store.delete('file:///w/a.yaml');
    await store.setGitDefaults('file:///w', { branch: 'x' });
    assert.equal(changes, 2);
  });

  it('shows a linked file in the status bar: pipeline and branch, or inline', () => {
    assert.equal(linkStatusText(REMOTE), '$(link) deploy · $(source-control) main');
    assert.equal(linkStatusText({ ...REMOTE, storeType: 'INLINE' }), '$(link) deploy · $(database) inline');
  });

  it('describes where a link goes', () => {
    assert.equal(describeLink(REMOTE), 'default/web · deploy (Git: app@main:.harness/deploy.yaml)');
    assert.equal(describeLink({ ...REMOTE, storeType: 'INLINE' }), 'default/web · deploy');
  });

  describe('runBranch', () => {
    it('runs on the checked-out branch of the same repository', () => {
      assert.equal(runBranch(REMOTE, { repoName: 'app', branch: 'feature/x' }), 'feature/x');
    });
    it("falls back to the pipeline's branch in another repository or without Git", () => {
      assert.equal(runBranch(REMOTE, { repoName: 'other', branch: 'feature/x' }), 'main');
      assert.equal(runBranch(REMOTE, undefined), 'main');
    });
    it('has no branch for an inline pipeline', () => {
      assert.equal(
        runBranch({ ...REMOTE, storeType: 'INLINE' }, { repoName: 'app', branch: 'x' }),
        undefined,
      );
    });
  });

  describe('gitDefaultsFor', () => {
    it('prefers the last answers for connector and repository, and the checked-out branch', () => {
      assert.deepEqual(
        gitDefaultsFor(
          { connectorRef: 'gh', repoName: 'saved', branch: 'old' },
          { repoName: 'app', branch: 'feature' },
        ),
        { connectorRef: 'gh', repoName: 'saved', branch: 'feature' },
      );
    });
    it('takes the checkout when nothing was answered, and the last branch without Git', () => {
      assert.deepEqual(gitDefaultsFor({}, { repoName: 'app', branch: 'main' }), {
        repoName: 'app',
        branch: 'main',
      });
      assert.deepEqual(gitDefaultsFor({ branch: 'dev' }, undefined), { branch: 'dev' });
      assert.deepEqual(gitDefaultsFor({}, undefined), {});
    });
  });
});
