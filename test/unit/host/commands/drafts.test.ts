// The draft store behind harness: saves that are not pushes: kept, replaced, discarded, read
// back after a "reload" (a new store over the same storage), with mtimes that only move forward.
import * as assert from 'node:assert/strict';
import {
  draftFileName,
  Drafts,
  isDraft,
  type Draft,
  type DraftStorage,
} from '../../../../src/commands/fs/drafts';

/** Storage in a Map, with the same JSON round trip a file would give. */
function memoryStorage(): DraftStorage & { files: Map<string, string>; writes: number } {
  const files = new Map<string, string>();
  const s = {
    files,
    writes: 0,
    async readAll() {
      return [...files.values()].map((t) => JSON.parse(t) as unknown).filter(isDraft);
    },
    async write(d: Draft) {
      s.writes++;
      files.set(d.key, JSON.stringify(d));
    },
    async remove(key: string) {
      files.delete(key);
    },
  };
  return s;
}

const KEY = '/account:acc/default/web/pipelines/build.yaml?';
const draft = (text: string) => ({
  key: KEY,
  uri: `harness:${KEY}`,
  text,
  base: 'pipeline: {}\n',
  label: '"Build" (build)',
});

describe('commands/fs/drafts', () => {
  it('keeps a draft, replaces it on the next save and reads it back in a new session', async () => {
    let clock = 1_000;
    const storage = memoryStorage();
    const drafts = new Drafts(storage, () => clock);
    const first = await drafts.keep(draft('pipeline: {a: 1}\n'));
    assert.equal(first.savedAt, 1_000);
    const second = await drafts.keep(draft('pipeline: {a: 2}\n'));
    assert.ok(second.savedAt > first.savedAt, 'mtime moves forward even when the clock does not');
    clock = 500; // a clock that went backwards
    const third = await drafts.keep(draft('pipeline: {a: 3}\n'));
    assert.ok(third.savedAt > second.savedAt);
    assert.equal(drafts.all().length, 1);

    const reloaded = new Drafts(storage);
    await reloaded.ready();
    assert.equal(reloaded.get(KEY)?.text, 'pipeline: {a: 3}\n');
    assert.equal(reloaded.get(KEY)?.base, 'pipeline: {}\n');
  });

  it('discards (pushed or thrown away) and says whether there was one', async () => {
    const storage = memoryStorage();
    const drafts = new Drafts(storage);
    await drafts.keep(draft('x: 1\n'));
    assert.equal(await drafts.discard(KEY), true);
    assert.equal(await drafts.discard(KEY), false);
    assert.equal(drafts.get(KEY), undefined);
    assert.equal(storage.files.size, 0);
  });

  it('tells listeners about each keep and discard', async () => {
    const drafts = new Drafts(memoryStorage());
    const seen: string[] = [];
    const sub = drafts.onDidChange((d, kept) => seen.push(`${kept ? 'kept' : 'dropped'} ${d.text.trim()}`));
    await drafts.keep(draft('x: 1\n'));
    await drafts.discard(KEY);
    sub.dispose();
    await drafts.keep(draft('x: 2\n'));
    assert.deepEqual(seen, ['kept x: 1', 'dropped x: 1']);
  });

  it('stores writes in call order even when storage is slow', async () => {
    const storage = memoryStorage();
    const slow: DraftStorage = {
      readAll: () => storage.readAll(),
      write: async (d) => {
        await new Promise((resolve) => setTimeout(resolve, d.text.includes('1') ? 30 : 1));
        await storage.write(d);
      },
      remove: (k) => storage.remove(k),
    };
    const drafts = new Drafts(slow);
    await Promise.all([drafts.keep(draft('x: 1\n')), drafts.keep(draft('x: 2\n'))]);
    const stored = JSON.parse(storage.files.get(KEY) ?? '{}') as Draft;
    assert.equal(stored.text, 'x: 2\n', 'the last save wins on disk too');
  });

  it('ignores stored records that are not drafts', () => {
    assert.equal(isDraft({ key: KEY, uri: 'harness:/x', text: 'a', label: 'l', savedAt: 1 }), true);
    assert.equal(isDraft({ key: KEY, uri: 'harness:/x', text: 'a', label: 'l' }), false);
    assert.equal(isDraft({ key: KEY, uri: 'harness:/x', text: 3, label: 'l', savedAt: 1 }), false);
    assert.equal(isDraft(null), false);
  });

  it('names draft files by a hash of the key: stable, distinct, file-system safe', async () => {
    const a = await draftFileName(KEY);
    assert.equal(a, await draftFileName(KEY));
    assert.notEqual(a, await draftFileName(`${KEY}main`));
    assert.match(a, /^[0-9a-f]{32}\.json$/);
  });
});
