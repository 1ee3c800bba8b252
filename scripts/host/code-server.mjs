// Starts and stops a throw-away code-server (VS Code's server + web workbench) on loopback.
// Every start gets fresh user-data, extensions and config directories under one temp dir, so
// SecretStorage, settings and installed extensions never leak between runs. The server runs in
// its own process group (it forks the extension host, file watcher and pty host), and stopping
// kills the whole group, also on Ctrl+C or when the calling script dies.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { registerCleanup } from './cleanup.mjs';
import { hostToolPaths, nestedNpmEnv } from './install.mjs';

/** Settings every run starts with: no trust prompt, no git scanning, no network chatter. */
export const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'npm.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
};

/** Resolves to a TCP port on 127.0.0.1 that is free right now: `preferred` or the next ones, else any. */
export async function findFreePort(preferred = 0, attempts = 20) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const { port: got } = /** @type {net.AddressInfo} */ (srv.address());
        srv.close(() => resolve(got));
      });
    });
  if (preferred > 0) {
    for (let p = preferred; p < preferred + attempts; p++) {
      const got = await tryPort(p);
      if (got) return got;
    }
  }
  const any = await tryPort(0);
  if (!any) throw new Error('no free loopback port');
  return any;
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws `message`). */
export async function waitUntil(check, { timeoutMs, intervalMs = 150, message }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${message} (waited ${Math.round(timeoutMs / 1000)} s)`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Links a development folder into the extensions dir under the name VS Code scans for. */
export function linkExtension(extensionsDir, extensionPath) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  fs.symlinkSync(path.resolve(extensionPath), path.join(extensionsDir, `${id}-${manifest.version}`), 'dir');
  return id;
}

/**
 * Starts code-server. Options:
 *  - port: preferred port (next free one if taken; default any free port)
 *  - env: extra environment for the server, which its extension host inherits
 *  - smokeTestDriver: true to honour `payload` test runs (integration tests); false for UI checks
 *  - settings: extra user settings merged over BASE_SETTINGS
 *  - extensions: development folders to install (symlinked as <publisher>.<name>-<version>)
 *  - vsix: .vsix files to install with --install-extension before starting
 *  - label: prefix for the server's output lines; verbose: stream them (else kept for errors)
 * Returns { url, port, tmpDir, userDataDir, extensionsDir, folderUrl(dir), output(), stop() }.
 */
export async function startCodeServer(options = {}) {
  const tools = hostToolPaths();
  if (!fs.existsSync(tools.codeServerEntry)) {
    throw new Error(
      `code-server is not installed (${tools.codeServerEntry}); run: node scripts/host/install.mjs`,
    );
  }
  const label = options.label ?? 'code-server';
  const port = await findFreePort(options.port ?? 0);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-host-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  const configPath = path.join(tmpDir, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configPath, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...(options.settings ?? {}) }, null, 2),
  );

  // Not what a parent `npm run demo`/`npm test` exported about itself (its user agent names Node 20):
  // an `npm install` typed in the demo's terminal would inherit it (see nestedNpmEnv). Tools first on
  // PATH so anything the server spawns with `node` gets the same Node 24.
  const env = nestedNpmEnv(process.env, {
    nodeBin: tools.nodeBin,
    extra: {
      XDG_CONFIG_HOME: tmpDir,
      XDG_DATA_HOME: path.join(tmpDir, 'data'),
      ...(options.env ?? {}),
    },
  });
  // Options meant for the calling Node (e.g. mocha's --require hooks) must not leak into VS Code.
  delete env.NODE_OPTIONS;
  delete env.ELECTRON_RUN_AS_NODE;

  const common = ['--config', configPath, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of options.vsix ?? []) {
    const result = spawnSync(tools.nodeBin, [tools.codeServerEntry, ...common, '--install-extension', vsix], {
      env,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      throw new Error(`installing ${vsix} failed: ${result.stderr || result.stdout}`);
    }
  }
  for (const dir of options.extensions ?? []) linkExtension(extensionsDir, dir);

  const args = [
    tools.codeServerEntry,
    ...common,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(tools.nodeBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 400) lines.shift();
      if (options.verbose) console.log(`[${label}] ${line}`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve(code ?? signal);
    }),
  );

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const stop = registerCleanup(
    async () => {
      if (!exited) {
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
        await exitPromise;
        clearTimeout(timer);
      }
      // The extension host and helpers may outlive the server by a moment: make sure of the group.
      killGroup('SIGKILL');
      fs.rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 });
    },
    () => {
      killGroup('SIGKILL');
      fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  );

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (exited) throw new Error(`code-server exited during start-up:\n${lines.slice(-30).join('\n')}`);
        try {
          const res = await globalThis.fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
          return res.ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, message: `code-server did not answer ${url}/healthz` },
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    port,
    pid: child.pid,
    tmpDir,
    userDataDir,
    extensionsDir,
    /** Workbench URL that opens `dir` as the workspace folder. */
    folderUrl: (dir) =>
      `${url}/?folder=${encodeURI(path.resolve(dir)).replace(/[?#&]/g, encodeURIComponent)}`,
    /** Last lines the server printed (for error reports). */
    output: () => lines.join('\n'),
    exited: () => exitPromise,
    stop,
  };
}
