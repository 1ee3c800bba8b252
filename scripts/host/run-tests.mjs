#!/usr/bin/env node
// Runs an extension's mocha tests inside VS Code's real extension host, with no display:
// code-server (started WITH the smoke-test driver, which is what makes it honour the test
// payload) + headless Chromium opening the workbench with
//   payload=[["extensionDevelopmentPath", …], ["extensionTestsPath", …]]
// The workbench forwards the extension host's console to `codeAutomationLog` and calls
// `codeAutomationExit(code)` when the test module's run() settles; we exit with that code.
//
//   node scripts/host/run-tests.mjs --extensionDevelopmentPath DIR --extensionTestsPath FILE
//        [--folder DIR] [--timeout SECONDS] [--verbose]
// Environment variables of this process reach the extension host (e.g. a simulator URL).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { stopAllResources } from './cleanup.mjs';
import { startCodeServer } from './code-server.mjs';

/** Extension-host console lines that are expected offline and say nothing about our tests. */
const OFFLINE_NOISE = [
  /open-vsx\.org/i,
  /marketplace|gallery/i,
  /vsda/i,
  /github.*auth|auth.*github/i,
  /Failed to fetch|ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/,
];

/** First line the test index (test/integration/index.ts) logs; output before it is workbench noise. */
export const TESTS_START_MARKER = '[harness-tests] running';

function formatArg(value) {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Runs the tests and resolves to the exit code (0 = all passed).
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, folder?: string,
 *   env?: Record<string, string>, timeoutMs?: number, verbose?: boolean }} options
 */
export async function runExtensionTests(options) {
  const devPath = path.resolve(options.extensionDevelopmentPath);
  let testsPath = path.resolve(options.extensionTestsPath);
  // VS Code accepts a module path with or without `.js`; check what is really there.
  if (!fs.existsSync(testsPath) && fs.existsSync(`${testsPath}.js`)) testsPath = `${testsPath}.js`;
  if (!fs.existsSync(path.join(devPath, 'package.json'))) throw new Error(`no package.json in ${devPath}`);
  if (!fs.existsSync(testsPath)) throw new Error(`extension tests module not found: ${testsPath}`);
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const server = await startCodeServer({
    smokeTestDriver: true,
    env: options.env,
    verbose: options.verbose,
    label: 'code-server',
  });
  console.log(`[host] code-server ${server.url} up after ${elapsed()}`);
  let browser;
  try {
    browser = await launchBrowser();
    const { page } = browser;
    let settle;
    const finished = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) || 0 }));
    // The workbench's own start-up chatter arrives through the same channel before the tests
    // start: hold it back until the test index announces itself (TESTS_START_MARKER), and print
    // it only if the run fails before that, where it explains why.
    let testsStarted = !!options.verbose;
    const early = [];
    const flushEarly = () => {
      for (const line of early.splice(0)) process.stderr.write(`${line}\n`);
    };
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The host forwards console.log's raw arguments: apply the format string (mocha uses %d/%s).
      const list = Array.isArray(args) ? args : [args];
      const text = typeof list[0] === 'string' ? format(...list) : list.map(formatArg).join(' ');
      if (!testsStarted) {
        if (text.includes(TESTS_START_MARKER)) testsStarted = true;
        else {
          early.push(text);
          if (early.length > 300) early.shift();
          return;
        }
      }
      if (type === 'error' || type === 'warn') {
        if (!options.verbose && OFFLINE_NOISE.some((re) => re.test(text))) return;
        process.stderr.write(`${text}\n`);
      } else {
        process.stdout.write(`${text}\n`);
      }
    });
    page.on('crash', () => settle({ code: 1, reason: 'the workbench page crashed' }));
    server
      .exited()
      .then((code) => settle({ code: 1, reason: `code-server exited early (${code})\n${server.output()}` }));

    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const base = options.folder ? server.folderUrl(options.folder) : `${server.url}/?`;
    const url = `${base}${options.folder ? '&' : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    console.log(`[host] workbench loading (${elapsed()}); running ${path.relative(devPath, testsPath)}`);

    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            code: 1,
            reason:
              `timed out after ${timeoutMs / 1000} s without the tests finishing (the test module's run() never settled, ` +
              `or the extension host did not start: last server output below)\n${server.output().split('\n').slice(-25).join('\n')}`,
          }),
        // The budget covers the whole run, start-up included.
        Math.max(1_000, timeoutMs - (Date.now() - started)),
      );
    });
    const result = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    if (!testsStarted) {
      console.error('[host] the test module never started; workbench output:');
      flushEarly();
    }
    if (result.reason) console.error(`[host] FAILED: ${result.reason}`);
    console.log(`[host] extension tests exited with ${result.code} after ${elapsed()}`);
    return result.code;
  } finally {
    await browser?.close();
    await server.stop();
  }
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--extensionDevelopmentPath':
        out.extensionDevelopmentPath = value();
        break;
      case '--extensionTestsPath':
        out.extensionTestsPath = value();
        break;
      case '--folder':
        out.folder = value();
        break;
      case '--timeout':
        out.timeoutMs = Number(value()) * 1000;
        break;
      case '--verbose':
        out.verbose = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (!out.extensionDevelopmentPath || !out.extensionTestsPath) {
    throw new Error(
      'usage: run-tests.mjs --extensionDevelopmentPath DIR --extensionTestsPath FILE [--folder DIR]',
    );
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  let code = 1;
  try {
    code = await runExtensionTests({
      ...parseArgs(process.argv.slice(2)),
      verbose: !!process.env.HARNESS_HOST_VERBOSE,
    });
  } catch (error) {
    console.error(`[host] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await stopAllResources();
  }
  process.exit(code);
}
