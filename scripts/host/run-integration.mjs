#!/usr/bin/env node
// Runs the integration tests (out/test/integration/index.js, compiled first by
// `tsc -p tsconfig.test.json`) in a real VS Code extension host through @vscode/test-electron's
// standard runTests(). Two hosts, same tests:
//  - code-server (here, CI, any Linux machine without a display or internet): runTests gets
//    `vscodeExecutablePath` = scripts/host/code-shim.mjs, which drives code-server + headless
//    Chromium (tools from scripts/host/install.mjs, cached outside the clone). Chosen when
//    HARNESS_HOST=code-server, or when HARNESS_HOST is unset and there is no display on Linux.
//  - desktop VS Code (a developer laptop with internet): runTests downloads VS Code as usual
//    (.vscode-test/) and launches it. Chosen when HARNESS_HOST=desktop, or by default on
//    macOS/Windows and on Linux with DISPLAY/WAYLAND_DISPLAY set.
// Each run opens a fresh copy of demo/workspace, so tests may change files freely.
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHostTools } from './install.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function chooseHost(env = process.env, platform = process.platform) {
  if (env.HARNESS_HOST === 'code-server' || env.HARNESS_HOST === 'desktop') return env.HARNESS_HOST;
  if (env.HARNESS_HOST)
    throw new Error(`HARNESS_HOST must be "code-server" or "desktop", not "${env.HARNESS_HOST}"`);
  if (platform !== 'linux') return 'desktop';
  return env.DISPLAY || env.WAYLAND_DISPLAY ? 'desktop' : 'code-server';
}

async function main() {
  const testsIndex = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsIndex)) {
    throw new Error(
      `${path.relative(repoRoot, testsIndex)} is missing: run \`npx tsc -p tsconfig.test.json\` first`,
    );
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-it-workspace-'));
  fs.cpSync(path.join(repoRoot, 'demo', 'workspace'), workspace, { recursive: true });
  const host = chooseHost();
  console.log(
    `[host] integration tests in ${host === 'code-server' ? 'code-server (headless)' : 'desktop VS Code'}`,
  );
  try {
    const common = {
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsIndex,
      launchArgs: [workspace, '--disable-extensions'],
    };
    if (host === 'code-server') {
      ensureHostTools();
      await runTests({
        ...common,
        vscodeExecutablePath: path.join(repoRoot, 'scripts', 'host', 'code-shim.mjs'),
      });
    } else {
      await runTests({ ...common, version: process.env.HARNESS_VSCODE_VERSION || 'stable' });
    }
    return 0;
  } catch (error) {
    // runTests rejects with TestRunFailedError when the tests fail; its output is already printed.
    console.error(
      `[host] integration tests failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main().catch((error) => {
    console.error(`[host] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  });
}
