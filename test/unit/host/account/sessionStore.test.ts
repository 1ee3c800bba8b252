import * as assert from 'node:assert/strict';
import {
  INDEX_KEY,
  SecretStoreError,
  SessionStore,
  tokenKey,
  type StoredSession,
} from '../../../../src/account/sessionStore';

class FakeSecrets {
  readonly data = new Map<string, string>();
  failReads = false;
  failWrites = false;
  readonly ops: string[] = [];
  async get(key: string) {
    this.ops.push(`get ${key}`);
    if (this.failReads) throw new Error('keyring locked');
    return this.data.get(key);
  }
  async store(key: string, value: string) {
    this.ops.push(`store ${key}`);
    if (this.failWrites) throw new Error('no keyring');
    this.data.set(key, value);
  }
  async delete(key: string) {
    this.ops.push(`delete ${key}`);
    if (this.failWrites) throw new Error('no keyring');
    this.data.delete(key);
  }
}

const session = (id: string, over: Partial<StoredSession> = {}): StoredSession => ({
  id,
  baseUrl: 'https://app.harness.io',
  accountId: 'acc1',
  accountName: 'Acme',
  createdAt: 1,
  ...over,
});

describe('SessionStore', () => {
  it('keeps tokens out of the index and writes the token before the index', async () => {
    const secrets = new FakeSecrets();
    const store = new SessionStore(secrets);
    await store.add(session('a'), 'pat.acc1.t.secretvalue');
    assert.ok(!secrets.data.get(INDEX_KEY)?.includes('secretvalue'));
    assert.equal(secrets.data.get(tokenKey('a')), 'pat.acc1.t.secretvalue');
    const writes = secrets.ops.filter((o) => o.startsWith('store'));
    assert.deepEqual(writes, [`store ${tokenKey('a')}`, `store ${INDEX_KEY}`]);
  });

  it('lists sessions without reading any token', async () => {
    const secrets = new FakeSecrets();
    const store = new SessionStore(secrets);
    await store.add(session('a'), 'tok-a-123456');
    await store.add(session('b', { accountId: 'acc2' }), 'tok-b-123456');
    secrets.ops.length = 0;
    const { sessions } = await store.list();
    assert.deepEqual(
      sessions.map((s) => s.id),
      ['a', 'b'],
    );
    assert.deepEqual(secrets.ops, [`get ${INDEX_KEY}`]);
  });

  it('replaces a sign-in to the same account and user, deleting the old token', async () => {
    const secrets = new FakeSecrets();
    const store = new SessionStore(secrets);
    await store.add(session('a', { userLabel: 'me@x' }), 'old-token-1');
    const next = await store.add(session('b', { userLabel: 'me@x' }), 'new-token-1');
    assert.deepEqual(
      next.map((s) => s.id),
      ['b'],
    );
    assert.equal(secrets.data.has(tokenKey('a')), false);
  });

  it('removes the index entry before the token', async () => {
    const secrets = new FakeSecrets();
    const store = new SessionStore(secrets);
    await store.add(session('a'), 'tok-a-123456');
    secrets.ops.length = 0;
    const removed = await store.remove('a');
    assert.equal(removed?.id, 'a');
    assert.deepEqual(
      secrets.ops.filter((o) => !o.startsWith('get')),
      [`store ${INDEX_KEY}`, `delete ${tokenKey('a')}`],
    );
    assert.equal(await store.remove('a'), undefined);
  });

  it('reports a failing secret store as SecretStoreError instead of "no sessions"', async () => {
    const secrets = new FakeSecrets();
    const store = new SessionStore(secrets);
    await store.add(session('a'), 'tok-a-123456');
    secrets.failReads = true;
    await assert.rejects(
      store.list(),
      (e: unknown) => e instanceof SecretStoreError && /keyring/.test(e.message),
    );
    await assert.rejects(store.getToken('a'), SecretStoreError);
  });

  it('keeps stored data when a write fails', async () => {
    const secrets = new FakeSecrets();
    const store = new SessionStore(secrets);
    await store.add(session('a'), 'tok-a-123456');
    secrets.failWrites = true;
    await assert.rejects(store.add(session('b', { accountId: 'other' }), 'tok-b-123456'), SecretStoreError);
    await assert.rejects(store.remove('a'), SecretStoreError);
    secrets.failWrites = false;
    assert.deepEqual(
      (await store.list()).sessions.map((s) => s.id),
      ['a'],
    );
    assert.equal(await store.getToken('a'), 'tok-a-123456');
  });

  it('says so when the index is unreadable, and drops only malformed entries', async () => {
    const secrets = new FakeSecrets();
    secrets.data.set(INDEX_KEY, '{not json');
    const broken = await new SessionStore(secrets).list();
    assert.deepEqual(broken.sessions, []);
    assert.match(broken.problem ?? '', /unreadable/);
    secrets.data.set(INDEX_KEY, JSON.stringify([session('a'), { id: 3 }]));
    const partial = await new SessionStore(secrets).list();
    assert.deepEqual(
      partial.sessions.map((s) => s.id),
      ['a'],
    );
    assert.match(partial.problem ?? '', /1 stored entries/);
  });
});
