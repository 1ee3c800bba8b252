#!/usr/bin/env node
// `npm test`: every check and test suite, in order, with one summary at the end.
//   node scripts/test-all.mjs                 lint, build, unit, lsp, host, e2e, web
//   node scripts/test-all.mjs unit host       only those (plus the build they need)
// Stages: lint (eslint, prettier --check, tsc --noEmit) · build (esbuild dev build, tsc of the
// tests) · unit · lsp · host (integration tests in the real VS Code extension host) · e2e (browser
// checks with screenshots) · web (the browser build in web worker extension hosts: a browser-only
// VS Code on a virtual workspace, and code-server's web worker host; screenshots too) · fuzz (the
// property tests over thousands of mutated documents, test/unit/**/*.fuzz.ts; CI runs it, the
// default run does not) · conformance (reads ../shared).
// fuzz and conformance are never part of the default run.
// Tests that cannot quietly not run: a `.only` fails its stage (--forbid-only), and a stage that
// ran no test fails, whether its files were deleted or hold no `it` (only conformance may skip,
// and only when ../shared/fixtures is not beside the clone).
// Every stage runs even after an earlier one failed, so one run shows everything that is wrong;
// the exit code is non-zero if anything failed. The last line is always
// `tests: N passed, M failed`.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(repoRoot, 'node_modules', pkg, file);
const MOCHA = bin('mocha', 'bin/mocha.js');
const ALL = ['lint', 'build', 'unit', 'lsp', 'host', 'e2e', 'web', 'fuzz', 'conformance'];
const DEFAULT = ['lint', 'build', 'unit', 'lsp', 'host', 'e2e', 'web'];
const NEEDS_BUILD = new Set(['unit', 'lsp', 'host', 'e2e', 'web', 'fuzz', 'conformance']);
/** Unit-style suites are large: the dot reporter keeps the log short (failures still print in full). */
const COMPACT_REPORTER = process.env.HARNESS_TEST_REPORTER || 'dot';

function parseStages(argv) {
  if (argv.length === 0) return DEFAULT;
  const unknown = argv.filter((a) => !ALL.includes(a));
  if (unknown.length > 0) {
    console.error(`unknown stage(s): ${unknown.join(', ')}; stages: ${ALL.join(', ')}`);
    process.exit(2);
  }
  const wanted = new Set(argv);
  if (argv.some((a) => NEEDS_BUILD.has(a))) wanted.add('build');
  return ALL.filter((s) => wanted.has(s));
}

/** Runs a command, streaming its output, and resolves to { code, output } (output = last ~256 KB). */
function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: repoRoot,
      env: { ...process.env, ...(options.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (stream) => (chunk) => {
      stream.write(chunk);
      output += chunk.toString();
      if (output.length > 512_000) output = output.slice(-256_000);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Mocha's closing summary ("N passing", "N failing", "N pending"), from any of its reporters. */
export function parseMochaSummary(output) {
  // Only the last summary counts (a reporter may print intermediate text that looks similar).
  const last = (re) => {
    const all = [...output.matchAll(re)];
    return all.length > 0 ? Number(all[all.length - 1][1]) : 0;
  };
  return {
    passed: last(/^\s*(\d+) passing\b/gm),
    failed: last(/^\s*(\d+) failing\b/gm),
    pending: last(/^\s*(\d+) pending\b/gm),
    found: /^\s*\d+ (passing|failing)\b/m.test(output),
  };
}

function findFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * Deletes compiled files in out/ whose TypeScript source is gone, so a removed or renamed test
 * never keeps running from a stale .js (deleting out/ wholesale would disturb parallel runs).
 */
function pruneStaleOutput() {
  const outDir = path.join(repoRoot, 'out');
  let removed = 0;
  for (const file of findFiles(outDir, '.js')) {
    const rel = path.relative(outDir, file).replace(/\.js$/, '');
    if (!['.ts', '.mts', '.cts', '.tsx'].some((ext) => fs.existsSync(path.join(repoRoot, rel + ext)))) {
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.map`, { force: true });
      removed++;
    }
  }
  if (removed > 0) console.log(`pruned ${removed} stale compiled file(s) from out/`);
}

/** A step that is a check (no test counts): ok when the command exits 0. */
async function check(label, cmd, args) {
  console.log(`\n$ ${label}`);
  const { code } = await run(cmd, args);
  return { ok: code === 0, note: code === 0 ? '' : `${label} failed` };
}

/** A mocha-style test run: counts come from the summary it prints. */
async function testRun(cmd, args, options) {
  const { code, output } = await run(cmd, args, options);
  const summary = parseMochaSummary(output);
  let failed = summary.failed;
  let note = summary.pending > 0 ? `${summary.pending} pending` : '';
  if (code !== 0 && failed === 0) {
    // The run broke before mocha could report (harness, build or start-up failure): count it.
    failed = 1;
    note = summary.found ? `exit code ${code}` : 'the run failed before reporting results';
  }
  if (code === 0 && !summary.found) note = 'no mocha summary found';
  if (code === 0 && summary.found && summary.passed + summary.failed === 0) {
    // "0 passing": the files are there but hold no test that ran (all removed, or all skipped).
    return { ok: false, passed: 0, failed: 1, counted: true, note: 'no test ran (0 passing)' };
  }
  return { ok: code === 0 && summary.found, passed: summary.passed, failed, note, counted: true };
}

/** A stage whose suite is gone: a failure, counted as one failed test so the totals show it. */
function noTests(what) {
  console.log(`FAILED: ${what}`);
  return { ok: false, passed: 0, failed: 1, counted: true, note: what };
}

/**
 * Runs mocha over `pattern` (a directory under out/, any depth, files ending in a suffix). A
 * pattern that matches no compiled file fails the stage: its suite was deleted (or never
 * compiled), which must not pass as "skipped".
 */
function mochaRun(pattern, extra = [], reporter = COMPACT_REPORTER) {
  const [base, glob] = pattern.split('/**/');
  const suffix = glob.replace(/^\*/, '');
  const files = findFiles(path.join(repoRoot, base), suffix);
  if (files.length === 0) {
    const source = `${base.replace(/^out\//, '')}/**/*${suffix.replace(/\.js$/, '.ts')}`;
    return noTests(`no test files (${source}): the suite is gone`);
  }
  // --forbid-only (also in .mocharc.json): a forgotten `.only` fails the stage.
  const args = ['--forbid-only', '--reporter', reporter, ...extra, pattern];
  console.log(`\n$ mocha ${args.join(' ')}`);
  return testRun(process.execPath, [MOCHA, ...args]);
}

const STAGES = {
  async lint() {
    const results = [
      await check('eslint .', process.execPath, [bin('eslint', 'bin/eslint.js'), '.']),
      await check('prettier --check .', process.execPath, [
        bin('prettier', 'bin/prettier.cjs'),
        '--check',
        '.',
      ]),
      await check('tsc -p . --noEmit', process.execPath, [
        bin('typescript', 'bin/tsc'),
        '-p',
        '.',
        '--noEmit',
      ]),
    ];
    return {
      ok: results.every((r) => r.ok),
      note: results
        .map((r) => r.note)
        .filter(Boolean)
        .join('; '),
    };
  },
  async build() {
    const results = [await check('node esbuild.mjs', process.execPath, ['esbuild.mjs'])];
    results.push(
      await check('tsc -p tsconfig.test.json', process.execPath, [
        bin('typescript', 'bin/tsc'),
        '-p',
        'tsconfig.test.json',
      ]),
    );
    pruneStaleOutput();
    return {
      ok: results.every((r) => r.ok),
      note: results
        .map((r) => r.note)
        .filter(Boolean)
        .join('; '),
    };
  },
  unit() {
    return mochaRun('out/test/unit/**/*.test.js');
  },
  lsp() {
    return mochaRun('out/test/lsp/**/*.test.js', ['--timeout', '20000']);
  },
  async host() {
    const install = await check('node scripts/host/install.mjs', process.execPath, [
      'scripts/host/install.mjs',
    ]);
    if (!install.ok)
      return { ok: false, failed: 1, counted: true, note: 'host tools could not be installed' };
    console.log('\n$ node scripts/host/run-integration.mjs');
    return testRun(process.execPath, ['scripts/host/run-integration.mjs']);
  },
  async e2e() {
    const install = await check('node scripts/host/install.mjs', process.execPath, [
      'scripts/host/install.mjs',
    ]);
    if (!install.ok)
      return { ok: false, failed: 1, counted: true, note: 'host tools could not be installed' };
    return mochaRun('out/test/e2e/**/*.test.js', ['--timeout', '180000'], 'spec');
  },
  async web() {
    // Its tools (test-web, the VS Code web build; the host tools first) install themselves here, as
    // the host tools do for host and e2e; a failure to install is the stage's failure.
    console.log('\n$ node scripts/host/run-web-tests.mjs');
    return testRun(process.execPath, ['scripts/host/run-web-tests.mjs']);
  },
  fuzz() {
    // Each property test sets its own (long) timeout; spec prints the figures they log.
    return mochaRun('out/test/unit/**/*.fuzz.js', [], 'spec');
  },
  conformance() {
    // The one stage that may skip: its data is not part of the clone.
    if (!fs.existsSync(path.join(repoRoot, '..', 'shared', 'fixtures'))) {
      console.log('skipped: ../shared/fixtures is not present beside the clone');
      return { ok: true, skipped: true, note: 'skipped: no ../shared/fixtures' };
    }
    return mochaRun('out/test/conformance/**/*.test.js', ['--timeout', '60000']);
  },
};

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

async function main() {
  const stages = parseStages(process.argv.slice(2));
  const rows = [];
  for (const stage of stages) {
    console.log(`\n━━━ ${stage} ${'━'.repeat(Math.max(0, 60 - stage.length))}`);
    const started = Date.now();
    let result;
    try {
      result = await STAGES[stage]();
    } catch (error) {
      result = { ok: false, note: error instanceof Error ? error.message : String(error) };
    }
    rows.push({ stage, seconds: (Date.now() - started) / 1000, ...result });
  }

  console.log(
    `\n${pad('stage', 12)} ${pad('result', 7)} ${pad('passed', 7, true)} ${pad('failed', 7, true)} ${pad('time', 8, true)}  note`,
  );
  for (const r of rows) {
    const result = r.skipped ? 'skip' : r.ok ? 'ok' : 'FAIL';
    const passed = r.counted ? (r.passed ?? 0) : '-';
    const failed = r.counted ? (r.failed ?? 0) : '-';
    console.log(
      `${pad(r.stage, 12)} ${pad(result, 7)} ${pad(passed, 7, true)} ${pad(failed, 7, true)} ${pad(`${r.seconds.toFixed(1)}s`, 8, true)}  ${r.note ?? ''}`.trimEnd(),
    );
  }
  const passed = rows.reduce((n, r) => n + (r.passed ?? 0), 0);
  const failed = rows.reduce((n, r) => n + (r.failed ?? 0), 0);
  const failedStages = rows.filter((r) => !r.ok).map((r) => r.stage);
  if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(', ')}`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  return failedStages.length > 0 || failed > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main();
}
