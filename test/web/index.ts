// The test module VS Code's web worker extension host loads (`extensionTestsPath`): mocha's browser
// build, set up before the test files are evaluated (scripts/host/run-web-tests.mjs bundles this
// file first, then every test/web/**/*.test.ts, into one CommonJS file with esbuild's browser
// platform; the host has no file system to find them in). run() settles the run: the workbench
// reports 0 or 1 through codeAutomationExit.
import 'mocha/mocha.js';

// The spec reporter prints through console.log, which the host forwards to the runner; its closing
// "N passing / N failing" lines are what scripts/test-all.mjs counts. forbidOnly: a forgotten
// `.only` fails the run.
mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, forbidOnly: true });

/** The number of test files the runner bundled (a define; 0 fails the run). */
declare const HARNESS_WEB_TEST_FILES: number;

export function run(): Promise<void> {
  // scripts/host/run-web-tests.mjs starts echoing the host's console at this marker.
  console.log(`[harness-web-tests] running ${HARNESS_WEB_TEST_FILES} web test file(s)`);
  return new Promise((resolve, reject) => {
    if (HARNESS_WEB_TEST_FILES === 0) {
      reject(new Error('no web test files (test/web/**/*.test.ts)'));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
        else resolve();
      });
    } catch (error) {
      console.error(
        `[harness-web-tests] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
