// The CLI as users run it: `node dist/cli.js validate …`, built with `node esbuild.mjs` first.
// Documents are written to a temporary directory by the test.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../../helpers/paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = [
  'pipeline:',
  '  name: Good',
  '  identifier: good',
  '  stages:',
  '    - stage:',
  '        name: Wait',
  '        identifier: wait',
  '        type: Custom',
  '        spec:',
  '          execution:',
  '            steps:',
  '              - step:',
  '                  name: Wait',
  '                  identifier: wait',
  '                  type: Wait',
  '                  spec:',
  '                    duration: 1m',
  '',
].join('\n');
const BAD = GOOD.replace('type: Custom', 'type: Custm').replace(
  '  identifier: good',
  '  identifier: good\n  timeout: 10 minutes',
);

describe('core: CLI (dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    // The CLI entry exactly as esbuild.mjs bundles it (only this entry: the others may be mid-edit).
    const build = esbuild.buildSync({
      entryPoints: { cli: path.join(repoRoot, 'server', 'cli.ts') },
      outdir: path.join(repoRoot, 'dist'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    assert.deepEqual(build.errors, []);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-cli-'));
    fs.mkdirSync(path.join(dir, '.harness', 'nested'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.harness', 'good.yaml'), GOOD);
    fs.writeFileSync(path.join(dir, '.harness', 'nested', 'bad.yml'), BAD);
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'bad.yaml'), BAD);
    fs.writeFileSync(path.join(dir, 'other.yaml'), 'just: data\n');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 and prints nothing on stdout for a valid file', () => {
    const r = run(['validate', '.harness/good.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /1 file checked: 0 errors, 0 warnings/);
  });

  it('prints path:line:col severity message and exits 1 on errors', () => {
    const r = run(['validate', '.harness/nested/bad.yml'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines, [
      '.harness/nested/bad.yml:4:12 error "10 minutes" is not a valid timeout: use a number and a unit (s, m, h, d, w), e.g. 10m, 1h 30m, 1d — did you mean "10m"? [invalid-timeout]',
      lines[1],
    ]);
    assert.match(
      lines[1],
      /^\.harness\/nested\/bad\.yml:9:15 error "Custm" is not a stage type; did you mean "Custom"\? expected one of .*\[invalid-enum\]$/,
    );
  });

  it('expands globs (**, {a,b}), skipping node_modules and non-Harness YAML', () => {
    const r = run(['validate', '**/*.{yaml,yml}'], dir);
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('node_modules'));
    assert.match(r.stderr, /Skipped other\.yaml/);
    assert.match(r.stderr, /2 files checked: 2 errors, 0 warnings/);
  });

  it('--format json gives structured diagnostics', () => {
    const r = run(['validate', '--format', 'json', '.harness/nested/bad.yml', '.harness/good.yaml'], dir);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as {
      file: string;
      diagnostics: { line: number; column: number; severity: string; code: string }[];
    }[];
    assert.deepEqual(
      report.map((f) => [f.file, f.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)]),
      [
        ['.harness/nested/bad.yml', ['4:12 error invalid-timeout', '9:15 error invalid-enum']],
        ['.harness/good.yaml', []],
      ],
    );
  });

  it('--schema validates against another schema and refuses a broken one', () => {
    fs.writeFileSync(
      path.join(dir, 'strict.json'),
      JSON.stringify({
        type: 'object',
        properties: {
          pipeline: {
            type: 'object',
            properties: { name: { type: 'string', pattern: '^[a-z]+$' } },
          },
        },
      }),
    );
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ nope');
    const r = run(['validate', '--schema', 'strict.json', '.harness/good.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /good\.yaml:2:9 error "Good" does not match the expected format/);
    const b = run(['validate', '--schema', 'broken.json', '.harness/good.yaml'], dir);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /Cannot read schema broken\.json/);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [
      [],
      ['lint', 'x'],
      ['validate'],
      ['validate', '--format', 'xml', 'a'],
      ['validate', 'missing.yaml'],
      ['validate', '--bogus', 'a'],
    ]) {
      const r = run(args, dir);
      assert.equal(r.code, args.length === 0 ? 0 : 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });
});
