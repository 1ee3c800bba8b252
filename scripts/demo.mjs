#!/usr/bin/env node
// `npm run demo` (after `npm install`): the extension in a real VS Code against the local Harness
// API simulator, in any browser, on any machine (no display, no Harness account needed).
//  1. installs the host tools once (code-server + Node 24 + chromium, cached outside the clone)
//  2. builds the extension (dev build)
//  3. starts the simulator (dist/sim.js, port 7171 or the next free one)
//  4. starts code-server (port 8080 or the next free one) with this folder installed as the
//     extension, opening demo/workspace, signed out: the banner prints the simulator's URL and a
//     token to paste into "Harness: Sign In", so sign-in, switching and sign-out are tried for real
//     (--env-session instead signs in through HARNESS_BASE_URL / HARNESS_API_KEY /
//     HARNESS_ACCOUNT_ID, the environment session used in CI and dev containers)
//  5. prints the URL to open; Ctrl+C stops everything.
//   options: --port N (code-server)  --sim-port N  --no-build  --env-session
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isStopping, registerCleanup, stopAllResources } from './host/cleanup.mjs';
import { findFreePort, startCodeServer } from './host/code-server.mjs';
import { ensureHostTools } from './host/install.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { port: 8080, simPort: 7171, build: true, envSession: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--sim-port') args.simPort = Number(argv[++i]);
    else if (a === '--no-build') args.build = false;
    else if (a === '--env-session') args.envSession = true;
    else throw new Error(`unknown option ${a} (options: --port N, --sim-port N, --no-build, --env-session)`);
  }
  return args;
}

/** Starts dist/sim.js and resolves with the JSON it announces ({url, accountId, token, …}). */
function startSimulator(port) {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'dist', 'sim.js'), '--json', '--port', String(port)],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  registerCleanup(
    async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    () => child.kill('SIGKILL'),
  );
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const info = JSON.parse(line);
        if (typeof info.url === 'string' && typeof info.token === 'string') resolve(info);
      } catch {
        // A banner line: ignore.
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready`)));
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  console.log('demo: checking host tools (the first run installs them: a few minutes)');
  ensureHostTools();
  if (args.build) {
    console.log('demo: building the extension');
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
  }

  const sim = await startSimulator(await findFreePort(args.simPort));
  console.log(`demo: simulator on ${sim.url} (account ${sim.accountId})`);
  const server = await startCodeServer({
    port: args.port,
    extensions: [repoRoot],
    env: args.envSession
      ? { HARNESS_BASE_URL: sim.url, HARNESS_API_KEY: sim.token, HARNESS_ACCOUNT_ID: sim.accountId }
      : // Signed out even when the shell that started the demo has a real HARNESS_API_KEY.
        { HARNESS_BASE_URL: '', HARNESS_API_KEY: '', HARNESS_ACCOUNT_ID: '' },
    label: 'demo',
  });
  const open = server.folderUrl(path.join(repoRoot, 'demo', 'workspace'));
  console.log(
    [
      '',
      '  Harness for VS Code: demo running',
      `    Open in a browser:  ${open}`,
      `    Harness API:        ${sim.url} (local simulator, account ${sim.accountId})`,
      ...(args.envSession
        ? ['    Signed in:          through HARNESS_API_KEY (environment session)']
        : [
            '    Sign in:            click the Harness icon, then Sign In (or F1 > Harness: Sign In):',
            `                          Harness URL: ${sim.url}`,
            `                          API token:   ${sim.token}`,
            '                        (a fake token of the fake demo account; nothing here reaches Harness)',
          ]),
      '    Then:               browse the tree; open a pipeline (Ctrl+S pushes it); open .harness/*.yaml',
      '    Stop:               Ctrl+C (stops VS Code and the simulator)',
      '  (both listen on 127.0.0.1 only: on a remote machine, forward the ports, e.g. ssh -L 8080:127.0.0.1:8080)',
      '',
    ].join('\n'),
  );
  const code = await server.exited();
  if (isStopping()) return 0;
  console.error(
    `demo: code-server stopped unexpectedly (${code}):\n${server.output().split('\n').slice(-20).join('\n')}`,
  );
  return 1;
}

main()
  .catch((error) => {
    console.error(`demo: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await stopAllResources();
    process.exit(code);
  });
