// One E2E session: the simulator, a code-server with the extension installed and pointed at the
// simulator through HARNESS_BASE_URL / HARNESS_API_KEY / HARNESS_ACCOUNT_ID, and a headless
// browser showing the workbench on a fresh copy of demo/workspace. Runs WITHOUT the smoke-test
// driver, so the UI behaves as for a user (notifications show, nothing runs automatically).
//
//   const s = await startSession();            // in before()
//   await s.runCommand('Harness: Show Log');
//   await s.screenshot('log');
//   await s.close();                           // in after()
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../helpers/paths';
import { loadBrowser, loadCodeServer, loadInstall } from './host';
import { startSimulator, type Simulator } from '../../simulator/server';
import { startSimulatorProcess, type SimulatorProcess } from './simulator';
import { openViewContainer, runCommand, screenshot, waitForWorkbench } from './workbench';

export interface SessionOptions {
  /**
   * Start the simulator and pass its URL/token/account to the extension (default true: as its
   * own process, like the demo). `'in-process'` runs it inside the test process, so a test can
   * count the requests it received and inject faults (`session.simulator`).
   */
  simulator?: boolean | 'in-process';
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Workspace folder to copy and open (default demo/workspace). */
  workspace?: string;
}

export interface Session {
  page: Page;
  /** code-server's base URL. */
  url: string;
  /** The opened (temporary) workspace folder. */
  workspace: string;
  sim?: SimulatorProcess;
  /** The in-process simulator's handle (requests, faults, state), with `simulator: 'in-process'`. */
  simulator?: Simulator;
  runCommand(title: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  openViewContainer(title: string): ReturnType<typeof openViewContainer>;
  /** Last lines code-server printed (attach to failures). */
  serverOutput(): string;
  /**
   * For `afterEach`: when the test that just ran failed, saves `failed-<test title>.png` and
   * returns its path, so the state of the window at the failure can be seen afterwards.
   */
  captureFailure(context: Mocha.Context): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const install = await loadInstall();
  install.ensureHostTools();
  const { startCodeServer } = await loadCodeServer();
  const { launchBrowser } = await loadBrowser();
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build`');
  }

  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
  };
  try {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-e2e-workspace-'));
    cleanups.push(async () => fs.rmSync(workspace, { recursive: true, force: true }));
    fs.cpSync(options.workspace ?? path.join(repoRoot, 'demo', 'workspace'), workspace, { recursive: true });

    let sim: SimulatorProcess | undefined;
    let simulator: Simulator | undefined;
    const env: Record<string, string> = { ...(options.env ?? {}) };
    if (options.simulator === 'in-process') {
      const handle = await startSimulator();
      simulator = handle;
      cleanups.push(() => handle.close());
      sim = {
        url: handle.url,
        accountId: handle.accountId,
        token: handle.tokens.admin,
        info: { url: handle.url, accountId: handle.accountId, tokens: handle.tokens },
        stop: () => handle.close(),
      };
    } else if (options.simulator !== false) {
      sim = await startSimulatorProcess();
    }
    if (sim) {
      const started = sim;
      if (!simulator) cleanups.push(() => started.stop());
      env.HARNESS_BASE_URL = sim.url;
      env.HARNESS_API_KEY = sim.token;
      env.HARNESS_ACCOUNT_ID = sim.accountId;
    }

    const server = await startCodeServer({
      extensions: [repoRoot],
      env,
      settings: options.settings,
      smokeTestDriver: false,
      label: 'e2e',
    });
    cleanups.push(() => server.stop());
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const { page } = browser;
    await page.goto(server.folderUrl(workspace), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);

    return {
      page,
      url: server.url,
      workspace,
      sim,
      simulator,
      runCommand: (title) => runCommand(page, title),
      screenshot: (name) => screenshot(page, name),
      openViewContainer: (title) => openViewContainer(page, title),
      serverOutput: () => server.output(),
      captureFailure: async (context) => {
        const test = context.currentTest;
        if (test?.state !== 'failed') return undefined;
        return screenshot(page, `failed-${test.fullTitle()}`).catch(() => undefined);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
