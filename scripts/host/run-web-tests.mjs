#!/usr/bin/env node
// The `web` stage: the extension's web build (package.json `browser`) tested in real web worker
// extension hosts, offline, with screenshots. The same mocha tests (test/web/**/*.test.ts,
// bundled for the browser) run in two hosts:
//  - test-web: a browser-only VS Code (no server, no Node extension host: what vscode.dev is),
//    served by @vscode/test-web from a VS Code build derived from code-server's (web-tools.mjs),
//    on a virtual workspace (vscode-test-web://mount/, a copy of demo/workspace);
//  - code-server: its web worker extension host, which it uses for the extension because of the
//    user setting `remote.extensionKind: {"harness-community.harness-vscode": ["web"]}`.
// Both are driven by headless Debian chromium (playwright-core), with the workbench forwarding the
// extension host's console (codeAutomationLog) and the result (codeAutomationExit). The Harness API
// is the simulator with CORS on (the browser's fetch needs it). A small control server (CORS, on
// loopback) gives the tests their configuration, takes screenshots when they ask, tells them what
// the simulator received, and collects the figures they report (activation times).
// The last lines are one mocha-style summary over both hosts ("N passing", "N failing").
//
//   node scripts/host/run-web-tests.mjs [--host test-web|code-server] [--verbose]
// Needs `npm run build` and `tsc -p tsconfig.test.json` first (dist/web/*, out/test/simulator).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { registerCleanup, stopAllResources } from './cleanup.mjs';
import { findFreePort, startCodeServer } from './code-server.mjs';
import { ensureWebTools } from './web-tools.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
export const HOSTS = ['test-web', 'code-server'];
const EXTENSION_ID = 'harness-community.harness-vscode';
const TESTS_START_MARKER = '[harness-web-tests] running';
const TEST_BUNDLE = path.join(repoRoot, 'out', 'web-test', 'index.js');
const SHOTS = path.join(repoRoot, 'test-results', 'screenshots');
/** Workbench output that is expected offline and says nothing about the tests. */
const NOISE = [
  /open-vsx|marketplace|gallery/i,
  /vsda/i,
  /github.*auth|auth.*github/i,
  /Failed to fetch|ERR_NAME_NOT_RESOLVED/,
];

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[web] ${message}`);

function findTestFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Bundles test/web/index.ts and every test file, in that order, into one CommonJS file for the worker. */
async function bundleTests(files, controlUrl) {
  const entry = [
    `const { run } = require(${JSON.stringify(path.join(repoRoot, 'test', 'web', 'index.ts'))});`,
    ...files.map((f) => `require(${JSON.stringify(f)});`),
    'module.exports = { run };',
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: repoRoot, sourcefile: 'web-tests.js', loader: 'js' },
    outfile: TEST_BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: {
      HARNESS_WEB_CONTROL: JSON.stringify(controlUrl),
      HARNESS_WEB_TEST_FILES: String(files.length),
    },
    logLevel: 'warning',
  });
}

/**
 * The control server the tests call (CORS: they run in the browser). `state.page` is the page of
 * the host running now, `state.host` its name.
 */
async function startControl(state) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET' });
      res.end();
      return;
    }
    try {
      switch (url.pathname) {
        case '/config':
          return send(200, {
            host: state.host,
            simUrl: state.sim.url,
            accountId: state.sim.accountId,
            token: state.sim.tokens.admin,
          });
        case '/shot': {
          const name = (url.searchParams.get('name') ?? 'shot').replace(/[^\w.-]/g, '_');
          const file = path.join(SHOTS, `web-${state.host}-${name}.png`);
          fs.mkdirSync(SHOTS, { recursive: true });
          await state.page.screenshot({ path: file });
          state.shots.push(path.relative(repoRoot, file));
          return send(200, { path: path.relative(repoRoot, file) });
        }
        case '/sim-requests':
          return send(
            200,
            state.sim.requests.map((r) => ({
              method: r.method,
              path: r.path,
              ...(r.headers.origin ? { origin: r.headers.origin } : {}),
            })),
          );
        case '/report':
          state.reports.push(
            `${state.host}: ${url.searchParams.get('name')}: ${url.searchParams.get('value')}`,
          );
          return send(200, {});
        default:
          return send(404, { error: `no ${url.pathname}` });
      }
    } catch (error) {
      return send(500, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  const port = await findFreePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = registerCleanup(
    () => new Promise((resolve) => server.close(() => resolve())),
    () => server.closeAllConnections(),
  );
  return { url: `http://127.0.0.1:${port}`, stop };
}

/**
 * Opens `url` in a fresh chromium and waits for the tests to settle. Resolves to
 * { code, passed, failed, reason? } with mocha's counts from the forwarded output.
 */
async function drive(state, url, { timeoutMs, verbose, beforeGoto = async () => {} }) {
  const browser = await launchBrowser();
  const { page } = browser;
  state.page = page;
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  let testsStarted = !!verbose;
  const early = [];
  const output = [];
  try {
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) || 0 }));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const list = Array.isArray(args) ? args : [args];
      const text =
        typeof list[0] === 'string' ? format(...list) : list.map((x) => JSON.stringify(x)).join(' ');
      if (!testsStarted) {
        if (text.includes(TESTS_START_MARKER)) testsStarted = true;
        else {
          early.push(text);
          if (early.length > 300) early.shift();
          return;
        }
      }
      if ((type === 'error' || type === 'warn') && !verbose && NOISE.some((re) => re.test(text))) return;
      output.push(text);
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`  ${text}\n`);
    });
    page.on('crash', () => settle({ code: 1, reason: 'the workbench page crashed' }));
    await beforeGoto(settle);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(
        () =>
          resolve({ code: 1, reason: `timed out after ${timeoutMs / 1000} s without the tests finishing` }),
        timeoutMs,
      );
    });
    const result = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    if (!testsStarted) {
      console.error(`[web] ${state.host}: the test module never started; workbench output:`);
      for (const line of early) console.error(`  ${line}`);
    }
    const all = output.join('\n');
    const count = (re) => Number(re.exec(all)?.[1] ?? 0);
    return {
      ...result,
      passed: count(/^\s*(\d+) passing\b/m),
      failed: count(/^\s*(\d+) failing\b/m),
    };
  } finally {
    state.page = undefined;
    await browser.close();
  }
}

async function runTestWeb(state, tools, workspace, verbose) {
  const { runServer } = require(tools.testWebServer);
  const port = await findFreePort(3123);
  // test-web prints a line per request; quiet unless verbose.
  const log = console.log;
  if (!verbose) console.log = () => {};
  let server;
  try {
    server = await runServer('localhost', port, {
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: TEST_BUNDLE,
      build: { type: 'static', location: tools.vscodeWeb },
      folderMountPath: workspace,
      printServerLog: verbose,
      esm: true,
    });
  } finally {
    console.log = log;
  }
  const stop = registerCleanup(
    () => new Promise((resolve) => server.close(() => resolve())),
    () => server.closeAllConnections?.(),
  );
  try {
    // `localhost`, not 127.0.0.1: test-web gives each extension a `<uuid>.localhost` origin.
    return await drive(state, `http://localhost:${port}/`, { timeoutMs: 180_000, verbose });
  } finally {
    await stop();
  }
}

async function runCodeServer(state, workspace, verbose) {
  const server = await startCodeServer({
    smokeTestDriver: true,
    label: 'code-server',
    verbose,
    // The extension has `main` and `browser`: this makes code-server run its browser entry in the
    // web worker extension host instead of its Node one.
    settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
  });
  try {
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(TEST_BUNDLE)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${server.folderUrl(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return await drive(state, url, {
      timeoutMs: 180_000,
      verbose,
      beforeGoto: async (settle) => {
        void server
          .exited()
          .then((code) => settle({ code: 1, reason: `code-server exited early (${code})` }));
      },
    });
  } finally {
    await server.stop();
  }
}

/** Runs the web tests in `hosts`; resolves to the exit code (0 = every host passed). */
export async function runWebTests({ hosts = HOSTS, verbose = false } = {}) {
  for (const file of ['dist/web/extension.js', 'dist/web/server.js']) {
    if (!fs.existsSync(path.join(repoRoot, file)))
      throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const simModule = path.join(repoRoot, 'out', 'test', 'simulator', 'server.js');
  if (!fs.existsSync(simModule))
    throw new Error('out/test/simulator is missing: run `npx tsc -p tsconfig.test.json` first');
  const files = findTestFiles(path.join(repoRoot, 'test', 'web'));
  if (files.length === 0) {
    console.log('no web test files (test/web/**/*.test.ts): the suite is gone');
    console.log('  0 passing\n  1 failing');
    return 1;
  }
  const tools = ensureWebTools();
  say(`tools ready (${elapsed()})`);

  const { startSimulator } = require(simModule);
  const sim = await startSimulator({ seed: 1, cors: true });
  const stopSim = registerCleanup(() => sim.close());
  const state = { host: '', sim, page: undefined, shots: [], reports: [] };
  const control = await startControl(state);
  const workspaces = [];
  const results = [];
  try {
    await bundleTests(files, control.url);
    say(
      `${files.length} test file(s) bundled into ${path.relative(repoRoot, TEST_BUNDLE)}; simulator ${sim.url} (CORS on)`,
    );
    for (const host of hosts) {
      state.host = host;
      sim.requests.length = 0;
      // A fresh copy of demo/workspace per host: the tests edit (and the web defaults auto-save).
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-web-workspace-'));
      workspaces.push(workspace);
      fs.cpSync(path.join(repoRoot, 'demo', 'workspace'), workspace, { recursive: true });
      const t0 = Date.now();
      say(
        `${host}: ${host === 'test-web' ? 'browser-only VS Code, virtual workspace' : "code-server's web worker extension host"}`,
      );
      let result;
      try {
        result =
          host === 'test-web'
            ? await runTestWeb(state, tools, workspace, verbose)
            : await runCodeServer(state, workspace, verbose);
      } catch (error) {
        result = {
          code: 1,
          passed: 0,
          failed: 0,
          reason: error instanceof Error ? error.message : String(error),
        };
      }
      if (result.reason) console.error(`[web] ${host}: FAILED: ${result.reason}`);
      say(
        `${host}: exit ${result.code}, ${result.passed} passing, ${result.failed} failing, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      results.push({ host, ...result });
    }
  } finally {
    await control.stop();
    await stopSim();
    for (const w of workspaces) fs.rmSync(w, { recursive: true, force: true });
  }
  if (state.reports.length > 0) say(`figures:\n${state.reports.map((r) => `  ${r}`).join('\n')}`);
  if (state.shots.length > 0) say(`screenshots:\n${state.shots.map((s) => `  ${s}`).join('\n')}`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  // A host that broke before mocha could report counts as one failure.
  const failed = results.reduce((n, r) => n + (r.failed > 0 ? r.failed : r.code !== 0 ? 1 : 0), 0);
  say(
    `${results.map((r) => `${r.host}: ${r.passed} passing, ${r.failed} failing`).join('; ')} (${elapsed()})`,
  );
  // One summary over every host, for scripts/test-all.mjs.
  console.log(`\n  ${passed} passing (${elapsed()})`);
  if (failed > 0) console.log(`  ${failed} failing`);
  return results.every((r) => r.code === 0) && failed === 0 ? 0 : 1;
}

function parseArgs(argv) {
  const out = { hosts: HOSTS, verbose: !!process.env.HARNESS_HOST_VERBOSE };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--verbose') out.verbose = true;
    else if (argv[i] === '--host') {
      const host = argv[++i];
      if (!HOSTS.includes(host)) throw new Error(`--host must be one of ${HOSTS.join(', ')}`);
      out.hosts = [host];
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  let code = 1;
  try {
    code = await runWebTests(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`[web] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await stopAllResources();
  }
  process.exit(code);
}
