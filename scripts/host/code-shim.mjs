#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// runTests spawns it with desktop VS Code arguments; we keep the ones that matter
// (--extensionDevelopmentPath, --extensionTestsPath, a workspace folder) and run the tests in
// code-server + headless Chromium through run-tests.mjs. Electron-only switches (--no-sandbox,
// --disable-gpu-sandbox, --user-data-dir, --extensions-dir, …) do not apply there: every run gets
// fresh directories anyway. The exit code is the tests' exit code, as with real VS Code.
import * as path from 'node:path';
import { stopAllResources } from './cleanup.mjs';
import { runExtensionTests } from './run-tests.mjs';

/** Desktop switches that take a separate value when written without `=`. */
const TAKES_VALUE = new Set([
  '--user-data-dir',
  '--extensions-dir',
  '--locale',
  '--profile',
  '--log',
  '--sync',
]);

function translate(argv) {
  const options = { extensionDevelopmentPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag === '--extensionDevelopmentPath') options.extensionDevelopmentPaths.push(inline ?? argv[++i]);
    else if (flag === '--extensionTestsPath') options.extensionTestsPath = inline ?? argv[++i];
    else if (flag === '--folder-uri') options.folder = new URL(inline ?? argv[++i]).pathname;
    else if (!arg.startsWith('-')) options.folder = path.resolve(arg);
    else if (TAKES_VALUE.has(flag) && inline === undefined) i++;
    // Any other switch is desktop/Electron specific and deliberately ignored.
  }
  return options;
}

let code = 1;
try {
  const options = translate(process.argv.slice(2));
  if (options.extensionDevelopmentPaths.length !== 1 || !options.extensionTestsPath) {
    throw new Error(
      `expected exactly one --extensionDevelopmentPath and an --extensionTestsPath, got: ${process.argv.slice(2).join(' ')}`,
    );
  }
  code = await runExtensionTests({
    extensionDevelopmentPath: options.extensionDevelopmentPaths[0],
    extensionTestsPath: options.extensionTestsPath,
    folder: options.folder,
    timeoutMs: Number(process.env.HARNESS_HOST_TIMEOUT_SECONDS || 600) * 1000,
    verbose: !!process.env.HARNESS_HOST_VERBOSE,
  });
} catch (error) {
  console.error(`[code-shim] FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopAllResources();
}
process.exit(code);
