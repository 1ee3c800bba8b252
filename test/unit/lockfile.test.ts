// `npm install` on a fresh clone must leave the tree clean (CI's "clean tree" step). npm rewrites
// package-lock.json's root entry from package.json, so any field that differs there (a new bin, an
// engines bump, a dependency range) would show up as a modified lock file on a user's first install.
// This catches it in `npm test`, before CI's cold run does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

type Fields = Record<string, unknown>;

// The package.json fields npm copies into the lock file's root entry (`packages[""]`).
const mirrored = [
  'name',
  'version',
  'license',
  'bin',
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'engines',
];

function readJson(file: string): Fields {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Fields;
}

/** npm writes a string `bin` as `{ [name]: path }`, and paths without a leading `./`. */
function normalise(field: string, value: unknown, name: string): unknown {
  if (field !== 'bin' || value === undefined) return value;
  const bin = typeof value === 'string' ? { [name]: value } : (value as Record<string, string>);
  return Object.fromEntries(Object.entries(bin).map(([k, v]) => [k, v.replace(/^\.\//, '')]));
}

describe('package-lock.json matches package.json', () => {
  const manifest = readJson('package.json');
  const lock = readJson('package-lock.json');
  const root = (lock.packages as Record<string, Fields>)[''];

  it('has a root entry and the same name and version', () => {
    assert.ok(root, 'package-lock.json has no packages[""] entry');
    assert.equal(lock.name, manifest.name);
    assert.equal(lock.version, manifest.version);
  });

  for (const field of mirrored) {
    it(`root entry's ${field} is what npm would write from package.json`, () => {
      const name = String(manifest.name);
      assert.deepEqual(
        normalise(field, root[field], name),
        normalise(field, manifest[field], name),
        `package-lock.json is stale in "${field}": run npm install and commit the lock file`,
      );
    });
  }
});
