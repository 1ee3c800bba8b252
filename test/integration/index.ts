// Entry point VS Code loads in the extension host (`--extensionTestsPath`): runs every compiled
// integration test file with mocha. The promise settles the run: VS Code (or code-server's smoke
// driver) exits with 0 when it resolves and 1 when it rejects.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every `*.test.js` under `dir`, sorted so the order is the same on every machine. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  // The spec reporter prints through console.log, which the host forwards to the test runner; its
  // closing "N passing / N failing" lines are what scripts/test-all.mjs counts. forbidOnly: a
  // forgotten `.only` fails the run instead of quietly running one test (as .mocharc.json does
  // for the mocha command line).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', forbidOnly: true });
  const files = findTestFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  // scripts/host/run-tests.mjs starts echoing the host's console at this marker.
  console.log(`[harness-tests] running ${files.length} integration test file(s)`);
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no integration test files under ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      // Loading the files threw (a `.only` under forbidOnly, an import that fails): say why here,
      // the rejection alone only makes the host exit with 1.
      console.error(
        `[harness-tests] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
