// The benchmark measures the server as the extension runs it: the same Node flags.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/paths';

const flagsIn = (file: string): string[] => {
  const m = /const SERVER_NODE_FLAGS\s*=\s*\[([^\]]*)\]/.exec(
    fs.readFileSync(path.join(repoRoot, file), 'utf8'),
  );
  assert.ok(m, `${file} declares SERVER_NODE_FLAGS`);
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
};

describe('server process flags', () => {
  it('are the same in the desktop client and in npm run bench, and the bench uses them', () => {
    const client = flagsIn('src/language/nodeClient.ts');
    assert.ok(client.length > 0);
    assert.deepEqual(flagsIn('scripts/bench.mjs'), client);
    const bench = fs.readFileSync(path.join(repoRoot, 'scripts/bench.mjs'), 'utf8');
    assert.equal(
      bench.match(/new BenchServer\(\[SERVER,/g),
      null,
      'every server of ours starts with the flags',
    );
  });
});
