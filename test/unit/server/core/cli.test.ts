// The CLI as users run it: `node dist/cli.js validate …`, built with `node esbuild.mjs` first.
// Documents are written to a temporary directory by the test.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
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

  it('exits 0 for a valid file: only the summary line', () => {
    const r = run(['validate', '.harness/good.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings\n');
    assert.equal(r.stderr, '');
  });

  it('prints path:line:col severity message and exits 1 on errors; notes and the summary are lines of their own, in order', () => {
    const r = run(['validate', '.harness/nested/bad.yml', 'other.yaml'], dir);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.endsWith('\n'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      '.harness/nested/bad.yml:4:12 error "10 minutes" is not a valid timeout: use a number and a unit (s, m, h, d, w), e.g. 10m, 1h 30m, 1d — did you mean "10m"? [invalid-timeout]',
      lines[1],
      'Skipped other.yaml: no Harness root key (pipeline:, template:, inputSet:, overlayInputSet:, trigger:, service:, environment:, infrastructureDefinition:, connector:, secret:)',
      '1 file checked: 2 errors, 0 warnings',
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
    assert.match(r.stdout, /^Skipped other\.yaml/m);
    assert.match(r.stdout, /\n2 files checked: 2 errors, 0 warnings\n$/);
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
    assert.match(r.stderr, /^2 files checked: 2 errors, 0 warnings$/m);
  });

  it('--format sarif gives a SARIF 2.1.0 log for code scanning', () => {
    const r = run(['validate', '--format', 'sarif', '.harness/nested/bad.yml', '.harness/good.yaml'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId?: string };
              region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
            };
          }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const [run0] = log.runs;
    assert.equal(run0.tool.driver.name, 'harness-yaml');
    assert.deepEqual(
      run0.tool.driver.rules.map((x) => x.id),
      ['invalid-timeout', 'invalid-enum'],
    );
    assert.deepEqual(
      run0.results.map((x) => {
        const loc = x.locations[0].physicalLocation;
        return `${x.ruleId}#${x.ruleIndex} ${x.level} ${loc.artifactLocation.uriBaseId}/${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}-${loc.region.endLine}:${loc.region.endColumn}`;
      }),
      [
        'invalid-timeout#0 error %SRCROOT%/.harness/nested/bad.yml:4:12-4:22',
        'invalid-enum#1 error %SRCROOT%/.harness/nested/bad.yml:9:15-9:20',
      ],
    );
    assert.match(run0.results[0].message.text, /^"10 minutes" is not a valid timeout/);
    assert.match(r.stderr, /2 files checked: 2 errors, 0 warnings/);
  });

  it('--format github gives workflow annotations, with data and properties escaped', () => {
    fs.writeFileSync(path.join(dir, 'a,b:c.yaml'), BAD);
    const r = run(['validate', '--format=github', 'a,b:c.yaml', 'other.yaml'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.equal(
      lines[0],
      '::error file=a%2Cb%3Ac.yaml,line=4,col=12,endLine=4,endColumn=22,title=Harness YAML [invalid-timeout]::"10 minutes" is not a valid timeout: use a number and a unit (s, m, h, d, w), e.g. 10m, 1h 30m, 1d — did you mean "10m"?',
    );
    assert.match(
      lines[1],
      /^::error file=a%2Cb%3Ac\.yaml,line=9,col=15,.*title=Harness YAML \[invalid-enum\]::"Custm"/,
    );
    assert.equal(
      lines[2],
      '::notice::Skipped other.yaml: no Harness root key (pipeline:, template:, inputSet:, overlayInputSet:, trigger:, service:, environment:, infrastructureDefinition:, connector:, secret:)',
    );
    assert.equal(lines[3], '::notice::1 file checked: 2 errors, 0 warnings');
  });

  it('exits 0 with a note when there is nothing to check: no files, only deleted files, no match', () => {
    for (const [args, note] of [
      [['validate'], /^No Harness YAML files to check: nothing to do\.$/m],
      [
        ['validate', 'deleted.yaml', '.harness/gone.yml'],
        /^Skipped deleted\.yaml: no such file \(deleted\?\)$/m,
      ],
      [['validate', 'nowhere/**/*.yaml'], /^No YAML files match nowhere\/\*\*\/\*\.yaml$/m],
      [['validate', 'other.yaml'], /^Skipped other\.yaml/m],
    ] as const) {
      const r = run([...args], dir);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, note);
      assert.match(r.stdout, /^No Harness YAML files to check: nothing to do\.\n$/m);
    }
    // A deleted file next to a real one: the real one is still checked.
    const mixed = run(['validate', 'deleted.yaml', '.harness/nested/bad.yml'], dir);
    assert.equal(mixed.code, 1);
    assert.match(mixed.stdout, /^Skipped deleted\.yaml: no such file \(deleted\?\)\n.*bad\.yml:4:12 error/m);
  });

  it('runs as an installed command: a bin link to dist/cli.js (shebang), as npx and pre-commit run it', () => {
    const text = fs.readFileSync(cli, 'utf8');
    assert.ok(text.startsWith('#!/usr/bin/env node\n'), 'dist/cli.js starts with a node shebang');
    if (process.platform === 'win32') return;
    // What npm does for a package bin: node_modules/.bin/<name> -> the script, made executable.
    const bin = path.join(dir, 'node_modules', '.bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.chmodSync(cli, 0o755);
    fs.rmSync(path.join(bin, 'harness-yaml'), { force: true });
    fs.symlinkSync(cli, path.join(bin, 'harness-yaml'));
    const r = spawnSync('harness-yaml', ['validate', '.harness/good.yaml', 'deleted.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 file checked: 0 errors, 0 warnings/);
  });

  it('.pre-commit-hooks.yaml runs that command on staged YAML files', () => {
    const hooks = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      files: string;
    }[];
    const hook = hooks.find((h) => h.id === 'harness-yaml');
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'harness-yaml validate');
    const files = new RegExp(hook.files);
    assert.ok(files.test('.harness/p.yaml') && files.test('x.yml') && !files.test('README.md'));
    // pre-commit appends the staged file names to the entry.
    const [, ...args] = hook.entry.split(' ');
    const r = run([...args, '.harness/good.yaml', 'other.yaml'], dir);
    assert.equal(r.code, 0, r.stdout);
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
      ['validate', '--format', 'xml', 'a'],
      ['validate', '--bogus', 'a'],
      ['validate', '.harness'],
    ]) {
      const r = run(args, dir);
      assert.equal(r.code, args.length === 0 ? 0 : 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });
});
